package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Evidence;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ServerObservation;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.handshake.WireRecord;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The state of one of the seven steps as the events seen so far describe it. Only
 * {@link TimelineModel} changes it, on the UI thread.
 */
public final class StepModel {

    private final StepId id;
    private final ReadOnlyObjectWrapper<StepStatus> status = new ReadOnlyObjectWrapper<>(this, "status", StepStatus.PENDING);
    private final ReadOnlyLongWrapper durationMicros = new ReadOnlyLongWrapper(this, "durationMicros", 0);
    private final ReadOnlyObjectWrapper<Finding> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    // Each read-only view is created once: it listens to its list weakly, so a view that is
    // created per call and then dropped stops passing on changes to the listeners added to it.
    private final ObservableList<Check> checks = FXCollections.observableArrayList();
    private final ObservableList<Check> checksView = FXCollections.unmodifiableObservableList(checks);
    private final ObservableList<Evidence> evidence = FXCollections.observableArrayList();
    private final ObservableList<Evidence> evidenceView = FXCollections.unmodifiableObservableList(evidence);
    private final ObservableList<ServerObservation> serverObservations = FXCollections.observableArrayList();
    private final ObservableList<ServerObservation> serverObservationsView =
            FXCollections.unmodifiableObservableList(serverObservations);
    private final ObservableList<WireRecord> records = FXCollections.observableArrayList();
    private final ObservableList<WireRecord> recordsView = FXCollections.unmodifiableObservableList(records);
    private final BooleanBinding warning;

    StepModel(StepId id) {
        this.id = id;
        this.warning = Bindings.createBooleanBinding(
                () -> checks.stream().anyMatch(check -> check.outcome() == Check.Outcome.WARNING), checks);
    }

    public StepId id() {
        return id;
    }

    public ReadOnlyObjectProperty<StepStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StepStatus status() {
        return status.get();
    }

    /** Time spent in the step as the probe measured it; 0 until the step ends. */
    public ReadOnlyLongProperty durationMicrosProperty() {
        return durationMicros.getReadOnlyProperty();
    }

    public long durationMicros() {
        return durationMicros.get();
    }

    /** Returns the ERROR finding recorded at this step, or null. */
    public ReadOnlyObjectProperty<Finding> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public Finding failure() {
        return failure.get();
    }

    public ObservableList<Check> checks() {
        return checksView;
    }

    public ObservableList<Evidence> evidence() {
        return evidenceView;
    }

    /**
     * Returns what the embedded frontend observed at this step: its verdict on the client
     * certificate, the connection becoming ready, the call's outcome. Its TLS records are left out.
     */
    public ObservableList<ServerObservation> serverObservations() {
        return serverObservationsView;
    }

    /** Returns the TLS records on the client's socket while this step ran; filled when the run finishes. */
    public ObservableList<WireRecord> records() {
        return recordsView;
    }

    /** True when any check of this step ended with a WARNING. */
    public BooleanBinding warningProperty() {
        return warning;
    }

    public boolean hasWarning() {
        return warning.get();
    }

    void reset() {
        status.set(StepStatus.PENDING);
        durationMicros.set(0);
        failure.set(null);
        checks.clear();
        evidence.clear();
        serverObservations.clear();
        records.clear();
    }

    void changeStatus(StepStatus newStatus, long duration) {
        status.set(newStatus);
        if (newStatus.isFinal()) {
            durationMicros.set(duration);
        }
    }

    void addCheck(Check check) {
        checks.add(check);
    }

    void addEvidence(Evidence item) {
        evidence.add(item);
    }

    void addServerObservation(ServerObservation observation) {
        serverObservations.add(observation);
    }

    void setRecords(List<WireRecord> placed) {
        records.setAll(placed);
    }

    void setFailure(Finding finding) {
        failure.set(finding);
    }
}
