package io.mtlsstudio.handshake;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The complete outcome of one probe run.
 *
 * @param target      the {@code host:port} dialled
 * @param tls         whether the client used TLS
 * @param result      SUCCESS, FAILURE or CANCELLED
 * @param failedStep  the step where the run failed, or null
 * @param steps       the seven steps in order
 * @param findings    failure codes and informational findings
 * @param negotiated  protocol, cipher suite and ALPN, or null when no TLS session was established
 * @param health      the Health response, or null when the call got no response
 * @param serverChain the chain the server sent, leaf first; empty when none was seen
 * @param records     every TLS record seen on the client's socket, in order
 * @param serverLane  what the embedded frontend observed of this connection; empty for other servers
 */
public record ProbeReport(String target, boolean tls, Result result, StepId failedStep, List<StepReport> steps,
                          List<Finding> findings, Negotiated negotiated, Health health,
                          List<X509Certificate> serverChain, List<WireRecord> records, List<ServerObservation> serverLane) {

    public enum Result { SUCCESS, FAILURE, CANCELLED }

    public ProbeReport {
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
        serverChain = serverChain == null ? List.of() : List.copyOf(serverChain);
        records = records == null ? List.of() : List.copyOf(records);
        serverLane = serverLane == null ? List.of() : List.copyOf(serverLane);
    }

    public StepReport step(StepId id) {
        return steps.get(id.ordinal());
    }

    /** Returns the first ERROR finding, which names the failure. */
    public Optional<Finding> failure() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).findFirst();
    }

    /**
     * One step's final state.
     *
     * @param startedMicros  microseconds from the run start to the step start, or -1 if it never ran
     * @param durationMicros time spent in the step, or 0 if it never ran
     */
    public record StepReport(StepId id, StepStatus status, long startedMicros, long durationMicros,
                             List<Check> checks, List<Evidence> evidence) {
        public StepReport {
            checks = List.copyOf(checks);
            evidence = List.copyOf(evidence);
        }
    }

    public record Negotiated(String protocol, String cipherSuite, String alpn) {
    }

    public record Health(boolean ok, String message, long roundTripMicros) {
    }
}
