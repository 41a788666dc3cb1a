package io.mtlsstudio.cadence;

import io.mtlsstudio.handshake.WireRecord;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * An observation of the embedded frontend about one client connection. It covers the TLS
 * records on its socket, its verdict on the client certificate, a failed handshake, the
 * connection becoming ready for calls, and each call's outcome.
 *
 * @param kind        what happened
 * @param at          when it happened, wall clock
 * @param nanoTime    when it happened, {@link System#nanoTime()}, to line it up with a client's timeline
 * @param remote      the client's address, when known
 * @param clientChain the chain the client presented, leaf first; empty if none
 * @param detail      the verdict's reason, the failure, or the call's method and status
 * @param record      the TLS record, for {@link Kind#RECORD}; null otherwise
 */
public record FrontendEvent(Kind kind, Instant at, long nanoTime, InetSocketAddress remote, List<X509Certificate> clientChain,
                            String detail, WireRecord record) {

    public enum Kind { RECORD, CLIENT_CERTIFICATE_ACCEPTED, CLIENT_CERTIFICATE_REJECTED, HANDSHAKE_FAILED, CONNECTION_READY, CALL_COMPLETED }

    public FrontendEvent {
        clientChain = clientChain == null ? List.of() : List.copyOf(clientChain);
        detail = detail == null ? "" : detail;
    }

    static FrontendEvent of(Kind kind, InetSocketAddress remote, List<X509Certificate> chain, String detail) {
        return new FrontendEvent(kind, Instant.now(), System.nanoTime(), remote, chain, detail, null);
    }

    /** Returns whether the event concerns the client connection that uses the given local port. */
    public boolean concernsClientPort(int clientPort) {
        return remote != null && remote.getPort() == clientPort;
    }
}
