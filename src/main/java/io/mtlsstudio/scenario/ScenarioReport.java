package io.mtlsstudio.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The results of a scenario run, in table order.
 *
 * @param servers    where the rows ran, as one line
 * @param startedAt  when the run started
 * @param elapsed    wall-clock time of the whole run, embedded frontends' start and stop included
 * @param results    one result per requested row, in table order
 * @param cancelled  whether the run was cancelled
 * @param setupError why the run could not start its servers or credentials; empty when it could
 */
public record ScenarioReport(String servers, Instant startedAt, Duration elapsed, List<ScenarioResult> results,
                             boolean cancelled, String setupError) {

    public ScenarioReport {
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(elapsed, "elapsed");
        results = List.copyOf(results);
        setupError = setupError == null ? "" : setupError;
    }

    public long count(Verdict verdict) {
        return results.stream().filter(result -> result.verdict() == verdict).count();
    }

    /** Returns true when no row that ran is red and the run had no set-up error; rows that did not run do not count. */
    public boolean allRunPassed() {
        return setupError.isEmpty() && count(Verdict.FAIL) == 0;
    }

    /** One line such as "11 passed, 1 failed, 1 not run in 1.2 s". */
    public String summary() {
        return count(Verdict.PASS) + " passed, " + count(Verdict.FAIL) + " failed, " + count(Verdict.NOT_RUN) + " not run in "
                + String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toNanos() / 1e9) + (cancelled ? " (cancelled)" : "");
    }
}
