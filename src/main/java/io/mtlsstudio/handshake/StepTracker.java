package io.mtlsstudio.handshake;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the state of the seven steps during one run and turns every change into a
 * {@link ProbeEvent}. Callbacks from the TLS engine, the gRPC call and the probe thread all
 * land here, so every method is synchronized.
 */
final class StepTracker {

    private static final class StepState {
        StepStatus status = StepStatus.PENDING;
        long startNanos = -1;
        long endNanos = -1;
        final List<Check> checks = new ArrayList<>();
        final List<Evidence> evidence = new ArrayList<>();
    }

    private final long startNanos = System.nanoTime();
    private final ProbeListener listener;
    private final StepState[] states = new StepState[StepId.values().length];
    private final List<Finding> findings = new ArrayList<>();
    private final List<WireRecord> records = new ArrayList<>();
    private final List<ServerObservation> serverLane = new ArrayList<>();
    private boolean finished;

    StepTracker(ProbeListener listener) {
        this.listener = listener;
        for (int i = 0; i < states.length; i++) {
            states[i] = new StepState();
        }
    }

    long micros(long nanos) {
        return (nanos - startNanos) / 1_000;
    }

    long nowMicros() {
        return micros(System.nanoTime());
    }

    synchronized void emit(ProbeEvent event) {
        publish(event);
    }

    /**
     * Passes the event on unless the run has finished: server-side observations and late records can trail
     * the report by a few milliseconds, and consumers rely on RunFinished being the last event.
     */
    private void publish(ProbeEvent event) {
        if (finished) {
            return;
        }
        listener.onEvent(event);
        if (event instanceof ProbeEvent.RunFinished) {
            finished = true;
        }
    }

    synchronized StepStatus status(StepId step) {
        return states[step.ordinal()].status;
    }

    /** Marks the step RUNNING unless it already started or finished. */
    synchronized void start(StepId step) {
        start(step, System.nanoTime());
    }

    synchronized void start(StepId step, long atNanos) {
        StepState state = states[step.ordinal()];
        if (state.status != StepStatus.PENDING) {
            return;
        }
        state.status = StepStatus.RUNNING;
        state.startNanos = atNanos;
        publish(new ProbeEvent.StepChanged(micros(atNanos), step, StepStatus.RUNNING, 0));
    }

    synchronized void pass(StepId step) {
        finish(step, StepStatus.PASSED, System.nanoTime());
    }

    synchronized void pass(StepId step, long atNanos) {
        finish(step, StepStatus.PASSED, atNanos);
    }

    /** Marks the step FAILED and records the finding that explains it. */
    synchronized void fail(StepId step, Finding finding) {
        finish(step, StepStatus.FAILED, System.nanoTime());
        finding(finding);
    }

    synchronized void skip(StepId step, String reason) {
        StepState state = states[step.ordinal()];
        if (state.status.isFinal()) {
            return;
        }
        if (reason != null) {
            check(step, Check.skipped("Step", reason));
        }
        state.status = StepStatus.SKIPPED;
        publish(new ProbeEvent.StepChanged(nowMicros(), step, StepStatus.SKIPPED, 0));
    }

    private void finish(StepId step, StepStatus status, long atNanos) {
        StepState state = states[step.ordinal()];
        if (state.status.isFinal()) {
            return;
        }
        if (state.startNanos < 0) {
            start(step, atNanos);
        }
        state.status = status;
        state.endNanos = Math.max(atNanos, state.startNanos);
        long duration = (state.endNanos - state.startNanos) / 1_000;
        publish(new ProbeEvent.StepChanged(micros(state.endNanos), step, status, duration));
    }

    synchronized void check(StepId step, Check check) {
        states[step.ordinal()].checks.add(check);
        publish(new ProbeEvent.CheckRecorded(nowMicros(), step, check));
    }

    synchronized void evidence(StepId step, Evidence evidence) {
        states[step.ordinal()].evidence.add(evidence);
        publish(new ProbeEvent.EvidenceRecorded(nowMicros(), step, evidence));
    }

    synchronized void finding(Finding finding) {
        findings.add(finding);
        publish(new ProbeEvent.FindingRecorded(nowMicros(), finding));
    }

    synchronized void record(WireRecord record) {
        records.add(record);
        publish(new ProbeEvent.RecordObserved(record.atMicros(), record));
    }

    synchronized void serverObserved(ServerObservation observation) {
        serverLane.add(observation);
        publish(new ProbeEvent.ServerObserved(observation.atMicros(), observation));
    }

    synchronized List<WireRecord> records() {
        return List.copyOf(records);
    }

    synchronized List<ServerObservation> serverLane() {
        return List.copyOf(serverLane);
    }

    synchronized StepId failedStep() {
        for (StepId step : StepId.values()) {
            if (states[step.ordinal()].status == StepStatus.FAILED) {
                return step;
            }
        }
        return null;
    }

    /** Returns the first step that is not PASSED, SKIPPED or FAILED, or null when all are final. */
    synchronized StepId firstUnfinished() {
        for (StepId step : StepId.values()) {
            if (!states[step.ordinal()].status.isFinal()) {
                return step;
            }
        }
        return null;
    }

    /** Marks every step that never finished as SKIPPED, with the reason "not reached". */
    synchronized void skipUnfinished(String reason) {
        for (StepId step : StepId.values()) {
            if (!states[step.ordinal()].status.isFinal()) {
                skip(step, reason);
            }
        }
    }

    /**
     * Places each server-side record on the step that was running on the client at that moment. While the run
     * is live the placement is a guess, because some client steps get their start time only at the end.
     */
    private List<ServerObservation> placeServerRecords(List<ProbeReport.StepReport> steps) {
        List<ServerObservation> placed = new ArrayList<>();
        for (ServerObservation observation : serverLane) {
            if (observation.kind() != ServerObservation.Kind.RECORD) {
                placed.add(observation);
                continue;
            }
            StepId step = StepId.CONNECT;
            for (ProbeReport.StepReport candidate : steps) {
                if (candidate.startedMicros() >= 0 && candidate.startedMicros() <= observation.atMicros()) {
                    step = candidate.id();
                }
            }
            placed.add(new ServerObservation(observation.atMicros(), step, observation.kind(), observation.detail(),
                    observation.clientChain()));
        }
        return placed;
    }

    synchronized ProbeReport report(String target, boolean tls, ProbeReport.Result result, ProbeReport.Negotiated negotiated,
                                    ProbeReport.Health health, List<X509Certificate> serverChain) {
        List<ProbeReport.StepReport> steps = new ArrayList<>();
        for (StepId step : StepId.values()) {
            StepState state = states[step.ordinal()];
            long started = state.startNanos < 0 ? -1 : micros(state.startNanos);
            long duration = state.startNanos < 0 || state.endNanos < 0 ? 0 : (state.endNanos - state.startNanos) / 1_000;
            steps.add(new ProbeReport.StepReport(step, state.status, started, duration, state.checks, state.evidence));
        }
        return new ProbeReport(target, tls, result, failedStep(), steps, findings, negotiated, health, serverChain,
                records, placeServerRecords(steps));
    }
}
