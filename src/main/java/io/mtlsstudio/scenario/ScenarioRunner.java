package io.mtlsstudio.scenario;

/**
 * Runs the scenario table for real: each row is one {@link io.mtlsstudio.handshake.HandshakeProbe}
 * attempt against a server in the row's mode, judged against the row's expectation.
 *
 * <pre>{@code
 * ScenarioRun run = ScenarioRunner.start(ScenarioSettings.embedded(ScenarioCredentials.sample()).build(), listener);
 * ...
 * run.cancel();                      // from any thread, at any moment
 * ScenarioReport report = run.await();
 * }</pre>
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /**
     * Starts a run in the background. Events go to {@code listener} on the runner's threads, one
     * at a time; the last one is {@link ScenarioEvent.TableFinished}, sent after the embedded
     * frontends have stopped.
     */
    public static ScenarioRun start(ScenarioSettings settings, ScenarioListener listener) {
        TableExecution execution = new TableExecution(settings, listener);
        Thread thread = new Thread(execution::run, "mtls-scenario-table");
        thread.setDaemon(true);
        thread.start();
        return new ScenarioRun(execution.report(), execution::cancel);
    }

    /** Runs the table and waits for its report. */
    public static ScenarioReport run(ScenarioSettings settings, ScenarioListener listener) throws InterruptedException {
        return start(settings, listener).await();
    }

    public static ScenarioReport run(ScenarioSettings settings) throws InterruptedException {
        return run(settings, ScenarioListener.NONE);
    }
}
