package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.ServerObservation;
import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.WireRecord;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The seven steps, the findings and the final report, built by applying probe events in the
 * order the probe emitted them. The live run and the replay each keep one, so the same events
 * always produce the same picture. Confined to the UI thread.
 */
public final class TimelineModel {

    private final List<StepModel> steps = new ArrayList<>();
    // Each read-only view is created once: it listens to its list weakly, so a view that is
    // created per call and then dropped stops passing on changes to the listeners added to it.
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target", "");
    private final ReadOnlyBooleanWrapper tls = new ReadOnlyBooleanWrapper(this, "tls", true);
    private final ReadOnlyBooleanWrapper started = new ReadOnlyBooleanWrapper(this, "started", false);
    private final ReadOnlyObjectWrapper<ProbeReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<ProbeEvent> lastEvent = new ReadOnlyObjectWrapper<>(this, "lastEvent");

    public TimelineModel() {
        for (StepId id : StepId.values()) {
            steps.add(new StepModel(id));
        }
    }

    public List<StepModel> steps() {
        return List.copyOf(steps);
    }

    public StepModel step(StepId id) {
        return steps.get(id.ordinal());
    }

    public ObservableList<Finding> findings() {
        return findingsView;
    }

    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Returns whether the run used TLS, which is true until a RunStarted event reports plaintext. */
    public ReadOnlyBooleanProperty tlsProperty() {
        return tls.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startedProperty() {
        return started.getReadOnlyProperty();
    }

    /** Returns the final report once the RunFinished event has been applied, else null. */
    public ReadOnlyObjectProperty<ProbeReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ProbeReport report() {
        return report.get();
    }

    /** Returns the most recently applied event, or null after a reset. */
    public ReadOnlyObjectProperty<ProbeEvent> lastEventProperty() {
        return lastEvent.getReadOnlyProperty();
    }

    /** Sets every step back to PENDING and clears the findings and the report. */
    public void reset() {
        steps.forEach(StepModel::reset);
        findings.clear();
        target.set("");
        tls.set(true);
        started.set(false);
        report.set(null);
        lastEvent.set(null);
    }

    public void apply(ProbeEvent event) {
        switch (event) {
            case ProbeEvent.RunStarted runStarted -> {
                target.set(runStarted.target());
                tls.set(runStarted.tls());
                started.set(true);
            }
            case ProbeEvent.StepChanged changed -> step(changed.step()).changeStatus(changed.status(), changed.durationMicros());
            case ProbeEvent.CheckRecorded recorded -> step(recorded.step()).addCheck(recorded.check());
            case ProbeEvent.EvidenceRecorded recorded -> step(recorded.step()).addEvidence(recorded.evidence());
            case ProbeEvent.FindingRecorded recorded -> addFinding(recorded.finding());
            case ProbeEvent.RunFinished finished -> {
                placeRecords(finished.report());
                report.set(finished.report());
            }
            case ProbeEvent.RecordObserved observed -> {
                // Records are placed on their steps from the final report, once every step's start is known.
            }
            case ProbeEvent.ServerObserved observed -> {
                ServerObservation observation = observed.observation();
                if (observation.kind() != ServerObservation.Kind.RECORD) {
                    step(observation.step()).addServerObservation(observation);
                }
            }
        }
        lastEvent.set(event);
    }

    public void applyAll(List<? extends ProbeEvent> events) {
        events.forEach(this::apply);
    }

    /** Puts each record on the last step that had started when the record was seen, as the probe places server records. */
    private void placeRecords(ProbeReport finished) {
        Map<StepId, List<WireRecord>> placed = new EnumMap<>(StepId.class);
        for (WireRecord record : finished.records()) {
            StepId step = StepId.CONNECT;
            for (ProbeReport.StepReport candidate : finished.steps()) {
                if (candidate.startedMicros() >= 0 && candidate.startedMicros() <= record.atMicros()) {
                    step = candidate.id();
                }
            }
            placed.computeIfAbsent(step, key -> new ArrayList<>()).add(record);
        }
        for (StepModel step : steps) {
            step.setRecords(placed.getOrDefault(step.id(), List.of()));
        }
    }

    private void addFinding(Finding finding) {
        findings.add(finding);
        if (finding.severity() == Severity.ERROR && finding.step() != null && step(finding.step()).failure() == null) {
            step(finding.step()).setFailure(finding);
        }
    }
}
