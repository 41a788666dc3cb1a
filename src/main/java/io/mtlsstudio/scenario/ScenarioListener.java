package io.mtlsstudio.scenario;

/**
 * Receives scenario events on the runner's threads, never on a UI thread, and one at a time.
 * With rows running in parallel, RowStarted and RowFinished of different rows may interleave;
 * the index says which row an event belongs to.
 */
@FunctionalInterface
public interface ScenarioListener {

    void onEvent(ScenarioEvent event);

    ScenarioListener NONE = event -> { };
}
