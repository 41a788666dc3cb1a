package io.mtlsstudio.cadence;

import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * Rejects calls the way Cadence's YARPC gRPC inbound does: INVALID_ARGUMENT when the service
 * name, caller name or encoding header is missing, or when the call has no deadline;
 * UNIMPLEMENTED when the service name is not {@code cadence-frontend}.
 */
final class YarpcServerInterceptor implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Status rejection = validate(headers, Context.current().getDeadline() != null);
        if (rejection != null) {
            call.close(rejection, new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return next.startCall(call, headers);
    }

    static Status validate(Metadata headers, boolean hasDeadline) {
        String service = headers.get(Yarpc.SERVICE);
        String caller = headers.get(Yarpc.CALLER);
        String encoding = headers.get(Yarpc.ENCODING);

        List<String> missing = new ArrayList<>();
        if (isBlank(service)) {
            missing.add("service name");
        }
        if (isBlank(caller)) {
            missing.add("caller name");
        }
        if (isBlank(encoding)) {
            missing.add("encoding");
        }
        if (!missing.isEmpty()) {
            return Status.INVALID_ARGUMENT.withDescription("missing " + String.join(", ", missing));
        }
        if (!hasDeadline) {
            return Status.INVALID_ARGUMENT.withDescription("missing TTL");
        }
        if (!Yarpc.FRONTEND_SERVICE.equals(service)) {
            return Status.UNIMPLEMENTED.withDescription("unrecognized service name \"" + service + "\"");
        }
        // NOTE: YARPC also serves other encodings such as json; the frontend's gRPC handlers
        // are registered for proto only, so any other encoding is reported as unsupported.
        if (!Yarpc.PROTO_ENCODING.equals(encoding)) {
            return Status.UNIMPLEMENTED.withDescription("unsupported encoding \"" + encoding + "\"; expected proto");
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
