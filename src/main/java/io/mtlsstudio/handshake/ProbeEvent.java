package io.mtlsstudio.handshake;

/**
 * One thing that happened during a probe run. The probe emits these in order from its own
 * threads; the timeline, the command line and the report all consume the same stream.
 */
public sealed interface ProbeEvent {

    /** Microseconds since the run started. */
    long atMicros();

    record RunStarted(long atMicros, String target, boolean tls) implements ProbeEvent {
    }

    record StepChanged(long atMicros, StepId step, StepStatus status, long durationMicros) implements ProbeEvent {
    }

    record CheckRecorded(long atMicros, StepId step, Check check) implements ProbeEvent {
    }

    record EvidenceRecorded(long atMicros, StepId step, Evidence evidence) implements ProbeEvent {
    }

    record FindingRecorded(long atMicros, Finding finding) implements ProbeEvent {
    }

    /** A TLS record crossed the wire on the client's socket. */
    record RecordObserved(long atMicros, WireRecord record) implements ProbeEvent {
    }

    /** The embedded frontend observed something about this connection. */
    record ServerObserved(long atMicros, ServerObservation observation) implements ProbeEvent {
    }

    record RunFinished(long atMicros, ProbeReport report) implements ProbeEvent {
    }
}
