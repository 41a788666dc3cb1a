package io.mtlsstudio.ui.scenario;

import io.mtlsstudio.scenario.Scenario;
import io.mtlsstudio.scenario.ScenarioResult;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One row of the Scenarios table: the scenario, where its run is, and its result once it has one. */
public final class ScenarioRow {

    /** The progress of the row's run. */
    public enum State { WAITING, RUNNING, FINISHED }

    private final Scenario scenario;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.WAITING);
    private final ReadOnlyObjectWrapper<ScenarioResult> result = new ReadOnlyObjectWrapper<>(this, "result");

    public ScenarioRow(Scenario scenario) {
        this.scenario = scenario;
    }

    public Scenario scenario() {
        return scenario;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** Returns the row's result, or null until it finishes. */
    public ReadOnlyObjectProperty<ScenarioResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ScenarioResult result() {
        return result.get();
    }

    /** True when the row has a probe report that the timeline can show. */
    public boolean canOpenInTimeline() {
        return result.get() != null && result.get().report() != null;
    }

    void started() {
        state.set(State.RUNNING);
    }

    void finished(ScenarioResult value) {
        result.set(value);
        state.set(State.FINISHED);
    }
}
