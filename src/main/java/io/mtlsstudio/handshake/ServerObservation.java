package io.mtlsstudio.handshake;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An observation of the server side of this connection, available when the target is the
 * embedded frontend. It covers its TLS records, its verdict on the client certificate, and its
 * access decision.
 *
 * @param atMicros    microseconds since the run started
 * @param step        the step the observation belongs to
 * @param kind        what was observed
 * @param detail      the observation in words, for example the verdict's reason
 * @param clientChain the chain the server received, leaf first; empty if none or not relevant
 */
public record ServerObservation(long atMicros, StepId step, Kind kind, String detail, List<X509Certificate> clientChain) {

    public enum Kind { RECORD, CLIENT_CERTIFICATE_ACCEPTED, CLIENT_CERTIFICATE_REJECTED, HANDSHAKE_FAILED, CONNECTION_READY, CALL_COMPLETED }

    public ServerObservation {
        clientChain = clientChain == null ? List.of() : List.copyOf(clientChain);
        detail = detail == null ? "" : detail;
    }
}
