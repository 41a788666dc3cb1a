package io.mtlsstudio.cadence;

import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What the embedded frontend observed about one client: its certificate verdict, the
 * connection becoming ready for calls, and each call's outcome.
 *
 * @param kind         what happened
 * @param at           when it happened
 * @param remote       the client's address, when known
 * @param clientChain  the chain the client presented, leaf first; empty if none
 * @param detail       the verdict's reason, or the call's method and status
 */
public record FrontendEvent(Kind kind, Instant at, SocketAddress remote, List<X509Certificate> clientChain, String detail) {

    public enum Kind { CLIENT_CERTIFICATE_ACCEPTED, CLIENT_CERTIFICATE_REJECTED, CONNECTION_READY, CALL_COMPLETED }

    public FrontendEvent {
        clientChain = clientChain == null ? List.of() : List.copyOf(clientChain);
        detail = detail == null ? "" : detail;
    }
}
