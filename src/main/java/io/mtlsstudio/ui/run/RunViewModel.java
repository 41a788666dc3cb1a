package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;

/**
 * The live state of the current connection attempt: the timeline as the events arrive, the
 * event log, the recording that the replay plays back, the result line and the negotiated
 * parameters for the status bar. Confined to the UI thread.
 */
public final class RunViewModel {

    static final String NONE = "—";

    private final TimelineModel timeline = new TimelineModel();
    // Each read-only view is created once: it listens to its list weakly, so a view that is
    // created per call and then dropped stops passing on changes to the listeners added to it.
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ObservableList<ProbeEvent> recording = FXCollections.observableArrayList();
    private final ObservableList<ProbeEvent> recordingView = FXCollections.unmodifiableObservableList(recording);
    private final ReadOnlyObjectWrapper<ResultKind> resultKind = new ReadOnlyObjectWrapper<>(this, "resultKind", ResultKind.IDLE);
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper(this, "resultText",
            "Ready. Press Connect (Ctrl+Enter) to run the seven steps.");
    private final ReadOnlyStringWrapper resultFix = new ReadOnlyStringWrapper(this, "resultFix", "");
    private final ReadOnlyObjectWrapper<StepId> failedStep = new ReadOnlyObjectWrapper<>(this, "failedStep");
    private final ReadOnlyStringWrapper protocol = new ReadOnlyStringWrapper(this, "protocol", NONE);
    private final ReadOnlyStringWrapper cipherSuite = new ReadOnlyStringWrapper(this, "cipherSuite", NONE);
    private final ReadOnlyStringWrapper alpn = new ReadOnlyStringWrapper(this, "alpn", NONE);
    private final ReadOnlyStringWrapper health = new ReadOnlyStringWrapper(this, "health", NONE);

    public TimelineModel timeline() {
        return timeline;
    }

    public ObservableList<String> log() {
        return logView;
    }

    /** Returns every probe event of the current run, in the order the probe emitted them. */
    public ObservableList<ProbeEvent> recording() {
        return recordingView;
    }

    public ReadOnlyObjectProperty<ResultKind> resultKindProperty() {
        return resultKind.getReadOnlyProperty();
    }

    public ResultKind resultKind() {
        return resultKind.get();
    }

    /** Returns the result line: the outcome in one or two sentences. */
    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    /** Returns the next action for a failure or an input error, or an empty text. */
    public ReadOnlyStringProperty resultFixProperty() {
        return resultFix.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepId> failedStepProperty() {
        return failedStep.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty protocolProperty() {
        return protocol.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cipherSuiteProperty() {
        return cipherSuite.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alpnProperty() {
        return alpn.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty healthProperty() {
        return health.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return resultKind.get().isBusy();
    }

    /** Starts a new attempt: clears the previous run and shows what is being prepared. */
    public void preparing(String message) {
        timeline.reset();
        log.clear();
        recording.clear();
        failedStep.set(null);
        protocol.set(NONE);
        cipherSuite.set(NONE);
        alpn.set(NONE);
        health.set(NONE);
        show(ResultKind.PREPARING, message, "");
        note(message);
    }

    /** Adds a line to the log that is not a probe event, such as the embedded frontend's address. */
    public void note(String message) {
        log.add(String.format(Locale.ROOT, "%13s  %s", "app", message));
    }

    public void probeStarted(String target) {
        show(ResultKind.RUNNING, "Connecting to " + target + "…", "");
    }

    /** Applies one probe event; called on the UI thread in the order the probe emitted them. */
    public void accept(ProbeEvent event) {
        boolean late = timeline.report() != null;
        recording.add(event);
        timeline.apply(event);
        // The probe ends its stream with RunFinished. Should an event still follow, it is shown and
        // marked rather than dropped, and the report of RunFinished does not contain it.
        log.add(EventLog.format(event) + (late ? " (after the run finished)" : ""));
        if (event instanceof ProbeEvent.RunFinished finished) {
            finish(finished.report());
        }
    }

    /** Shows a problem with the form or the files; the previous run's steps stay as they were. */
    public void inputError(String message, String fix) {
        show(ResultKind.INPUT_ERROR, message, fix == null ? "" : fix);
        note("Not connected: " + message);
    }

    /** Ends an attempt that was cancelled before the probe started. */
    public void cancelledBeforeStart() {
        show(ResultKind.CANCELLED, "Cancelled before connecting.", "");
        note("Cancelled before connecting");
    }

    private void finish(ProbeReport report) {
        failedStep.set(report.failedStep());
        if (report.negotiated() != null) {
            protocol.set(orNone(report.negotiated().protocol()));
            cipherSuite.set(orNone(report.negotiated().cipherSuite()));
            alpn.set(orNone(report.negotiated().alpn()));
        } else if (!report.tls()) {
            protocol.set("plaintext (h2c)");
        }
        if (report.health() != null) {
            health.set((report.health().ok() ? "ok" : "not ok") + ", \"" + report.health().message() + "\" in "
                    + Durations.formatMicros(report.health().roundTripMicros()));
        }

        switch (report.result()) {
            case SUCCESS -> show(ResultKind.SUCCESS, successText(report), "");
            case CANCELLED -> show(ResultKind.CANCELLED, report.failure().map(Finding::message)
                    .orElse("The connection attempt was cancelled."), "");
            case FAILURE -> {
                Finding failure = report.failure().orElse(null);
                String step = report.failedStep() == null ? "The run" : report.failedStep() + " failed";
                if (failure == null) {
                    show(ResultKind.FAILURE, step + ".", "");
                } else {
                    show(ResultKind.FAILURE, step + " with " + failure.code() + ": " + failure.message(), failure.fix());
                }
            }
        }
    }

    private static String successText(ProbeReport report) {
        List<ProbeReport.StepReport> steps = report.steps();
        long passed = steps.stream().filter(step -> step.status() == StepStatus.PASSED).count();
        String healthText = report.health() == null ? "" : " Health answered \"" + report.health().message() + "\".";
        if (!report.tls()) {
            return "Connected to " + report.target() + " in plaintext: " + passed + " of " + steps.size()
                    + " steps passed, the TLS steps were skipped and nothing is encrypted." + healthText;
        }
        if (passed == steps.size()) {
            return "Success: all " + steps.size() + " steps passed against " + report.target() + "." + healthText;
        }
        return "Connected to " + report.target() + ": " + passed + " of " + steps.size() + " steps passed." + healthText;
    }

    private void show(ResultKind kind, String text, String fix) {
        resultKind.set(kind);
        resultText.set(text);
        resultFix.set(fix);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
