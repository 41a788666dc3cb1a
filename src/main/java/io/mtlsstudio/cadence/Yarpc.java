package io.mtlsstudio.cadence;

import io.grpc.Metadata;

/**
 * The YARPC request metadata that a Cadence frontend requires on every gRPC call. The server
 * rejects a call without them with INVALID_ARGUMENT, and one with another service name with
 * UNIMPLEMENTED.
 */
public final class Yarpc {

    public static final Metadata.Key<String> SERVICE = Metadata.Key.of("rpc-service", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> CALLER = Metadata.Key.of("rpc-caller", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> ENCODING = Metadata.Key.of("rpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

    public static final String FRONTEND_SERVICE = "cadence-frontend";
    public static final String PROTO_ENCODING = "proto";
    public static final String DEFAULT_CALLER = "mtls-studio";

    private Yarpc() {
    }

    /** Returns the metadata a well-behaved Cadence client sends. */
    public static Metadata requestHeaders(String caller) {
        Metadata headers = new Metadata();
        headers.put(SERVICE, FRONTEND_SERVICE);
        headers.put(CALLER, caller);
        headers.put(ENCODING, PROTO_ENCODING);
        return headers;
    }
}
