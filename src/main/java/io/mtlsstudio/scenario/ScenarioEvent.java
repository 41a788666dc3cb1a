package io.mtlsstudio.scenario;

import java.util.List;

/** Progress of a scenario run, delivered to a {@link ScenarioListener} one at a time. */
public sealed interface ScenarioEvent {

    /**
     * The run started.
     *
     * @param scenarios the rows that will be reported, in table order
     * @param servers   where they run, as one line
     */
    record TableStarted(List<Scenario> scenarios, String servers) implements ScenarioEvent {
        public TableStarted {
            scenarios = List.copyOf(scenarios);
        }
    }

    /**
     * A row's connection attempt started.
     *
     * @param index  the row's position in the table, from 0
     * @param target the {@code host:port} dialled
     */
    record RowStarted(int index, Scenario scenario, String target) implements ScenarioEvent {
    }

    /**
     * A row has its result. A row that did not run gets only this event, with no RowStarted before it.
     *
     * @param index the row's position in the table, from 0
     */
    record RowFinished(int index, ScenarioResult result) implements ScenarioEvent {
    }

    /** The run ended, completely or by cancel; the embedded frontends are stopped. */
    record TableFinished(ScenarioReport report) implements ScenarioEvent {
    }
}
