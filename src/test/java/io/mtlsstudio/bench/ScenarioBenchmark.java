package io.mtlsstudio.bench;

import io.mtlsstudio.scenario.ScenarioCredentials;
import io.mtlsstudio.scenario.ScenarioReport;
import io.mtlsstudio.scenario.ScenarioRunner;
import io.mtlsstudio.scenario.ScenarioSettings;
import io.mtlsstudio.scenario.Verdict;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Times the whole embedded scenario table, both groups, with the sample credentials: the
 * embedded frontends' start and stop, the in-memory credentials and all 13 rows. The class name
 * does not match Surefire's default test patterns, so {@code mvn verify} skips it; run it with
 * {@code mvn -q -B test -Dtest=ScenarioBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ScenarioBenchmark {

    /** The time a warm run of both groups must stay under. */
    static final Duration TARGET = Duration.ofSeconds(3);

    private static final int WARM_UP_RUNS = 3;
    private static final int MEASURED_RUNS = 10;

    @Test
    void embeddedTableStaysUnderTarget() throws Exception {
        Duration warmMedian = measure();

        assertTrue(warmMedian.compareTo(TARGET) < 0, "warm median " + warmMedian + " is not under " + TARGET);
    }

    public static void main(String[] args) throws Exception {
        measure();
    }

    /** Prints the cold run and the warm runs at parallelism 1 and the default; returns the default's warm median. */
    static Duration measure() throws Exception {
        ScenarioCredentials credentials = ScenarioCredentials.sample();
        System.out.printf(Locale.ROOT, "Scenario table benchmark: %d processors, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        Duration cold = runOnce(credentials, ScenarioSettings.DEFAULT_PARALLELISM);
        System.out.printf(Locale.ROOT, "cold (first run in this JVM), parallelism %d: %.0f ms%n",
                ScenarioSettings.DEFAULT_PARALLELISM, millis(cold));

        Duration serialMedian = warm(credentials, 1);
        Duration defaultMedian = warm(credentials, ScenarioSettings.DEFAULT_PARALLELISM);
        System.out.printf(Locale.ROOT, "target: warm run under %.0f ms; parallelism 1 median %.0f ms, parallelism %d median %.0f ms%n",
                millis(TARGET), millis(serialMedian), ScenarioSettings.DEFAULT_PARALLELISM, millis(defaultMedian));
        return defaultMedian;
    }

    private static Duration warm(ScenarioCredentials credentials, int parallelism) throws InterruptedException {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            runOnce(credentials, parallelism);
        }
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < MEASURED_RUNS; i++) {
            times.add(runOnce(credentials, parallelism));
        }
        times.sort(null);
        Duration median = times.get(times.size() / 2);
        System.out.printf(Locale.ROOT, "warm, parallelism %d, %d runs: min %.0f ms, median %.0f ms, max %.0f ms%n",
                parallelism, MEASURED_RUNS, millis(times.get(0)), millis(median), millis(times.get(times.size() - 1)));
        return median;
    }

    private static Duration runOnce(ScenarioCredentials credentials, int parallelism) throws InterruptedException {
        ScenarioReport report = ScenarioRunner.run(ScenarioSettings.embedded(credentials).parallelism(parallelism).build());
        assertEquals(13, report.count(Verdict.PASS), report::summary);
        return report.elapsed();
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
