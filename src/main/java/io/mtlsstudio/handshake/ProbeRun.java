package io.mtlsstudio.handshake;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A probe attempt in progress: its eventual report, and a way to stop it. */
public final class ProbeRun {

    private final CompletableFuture<ProbeReport> report;
    private final Runnable canceller;

    ProbeRun(CompletableFuture<ProbeReport> report, Runnable canceller) {
        this.report = report;
        this.canceller = canceller;
    }

    /** Completes with the report, also after a cancel; never completes exceptionally. */
    public CompletableFuture<ProbeReport> report() {
        return report;
    }

    /** Stops the attempt: closes the connection and ends the run with result CANCELLED. */
    public void cancel() {
        canceller.run();
    }

    /** Waits for the report. */
    public ProbeReport await() throws InterruptedException {
        try {
            return report.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The probe failed unexpectedly", e.getCause());
        }
    }
}
