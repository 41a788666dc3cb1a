package io.mtlsstudio.scenario;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A scenario run in progress: its eventual report, and a way to stop it. */
public final class ScenarioRun {

    private final CompletableFuture<ScenarioReport> report;
    private final Runnable canceller;

    ScenarioRun(CompletableFuture<ScenarioReport> report, Runnable canceller) {
        this.report = report;
        this.canceller = canceller;
    }

    /** Completes with the report after the embedded frontends have stopped, also after a cancel. */
    public CompletableFuture<ScenarioReport> report() {
        return report;
    }

    /**
     * Stops the run: cancels the connection attempts in progress, reports the rows not yet
     * finished as NOT_RUN, and stops the embedded frontends. Returns at once; the report
     * completes shortly after. Calling it again, or after the run ended, does nothing.
     */
    public void cancel() {
        canceller.run();
    }

    /** Waits for the report. */
    public ScenarioReport await() throws InterruptedException {
        try {
            return report.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The scenario run failed unexpectedly", e.getCause());
        }
    }
}
