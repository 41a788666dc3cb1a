package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ServerObservation;

/**
 * The teaching pace: how long the replay at 1x waits before showing each event. The probe's
 * own timings (microseconds to a few hundred milliseconds on loopback) are too fast to follow,
 * so the replay uses these fixed beats and shows the measured durations as text.
 */
final class Pace {

    static final long RUN_STARTED_MILLIS = 300;
    static final long STEP_RUNNING_MILLIS = 450;
    static final long STEP_FINISHED_MILLIS = 850;
    static final long STEP_SKIPPED_MILLIS = 250;
    static final long CHECK_MILLIS = 350;
    static final long EVIDENCE_MILLIS = 100;
    static final long FINDING_MILLIS = 500;
    static final long RUN_FINISHED_MILLIS = 300;

    private Pace() {
    }

    /** Returns the wait before {@code event} is shown, at 1x, in nanoseconds. */
    static long beforeNanos(ProbeEvent event) {
        long millis = switch (event) {
            case ProbeEvent.RunStarted started -> RUN_STARTED_MILLIS;
            case ProbeEvent.StepChanged changed -> switch (changed.status()) {
                case RUNNING -> STEP_RUNNING_MILLIS;
                case SKIPPED -> STEP_SKIPPED_MILLIS;
                case PENDING -> 0;
                case PASSED, FAILED -> STEP_FINISHED_MILLIS;
            };
            case ProbeEvent.CheckRecorded recorded -> CHECK_MILLIS;
            case ProbeEvent.EvidenceRecorded recorded -> EVIDENCE_MILLIS;
            case ProbeEvent.FindingRecorded recorded -> FINDING_MILLIS;
            case ProbeEvent.RunFinished finished -> RUN_FINISHED_MILLIS;
            // Records come in dozens per run; they are drawn with the step they belong to, not one by one.
            case ProbeEvent.RecordObserved observed -> 0;
            case ProbeEvent.ServerObserved observed ->
                    observed.observation().kind() == ServerObservation.Kind.RECORD ? 0 : CHECK_MILLIS;
        };
        return millis * 1_000_000;
    }
}
