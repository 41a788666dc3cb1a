package io.mtlsstudio.cadence;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.mtlsstudio.cadence.proto.HealthRequest;
import io.mtlsstudio.cadence.proto.HealthResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded frontend rejects calls the way a Cadence frontend's YARPC inbound does. */
class EmbeddedFrontendTest {

    private static EmbeddedFrontend frontend;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws IOException {
        frontend = EmbeddedFrontend.start(FrontendSettings.plaintext(0));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", frontend.port()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        frontend.close();
    }

    private static HealthResponse call(Metadata headers, boolean deadline) {
        CallOptions options = deadline ? CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS) : CallOptions.DEFAULT;
        var intercepted = io.grpc.ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        return ClientCalls.blockingUnaryCall(intercepted, MetaApi.HEALTH, options, HealthRequest.getDefaultInstance());
    }

    @Test
    void frontendAnswersHealthWithYarpcMetadata() {
        HealthResponse response = call(Yarpc.requestHeaders("test"), true);

        assertTrue(response.getOk());
    }

    @Test
    void frontendRejectsMissingMetadataAsInvalidArgument() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(new Metadata(), true));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("missing service name, caller name, encoding", e.getStatus().getDescription());
    }

    @Test
    void frontendRejectsMissingCallerOnly() {
        Metadata headers = Yarpc.requestHeaders("test");
        headers.removeAll(Yarpc.CALLER);
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(headers, true));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("missing caller name", e.getStatus().getDescription());
    }

    @Test
    void frontendRejectsCallWithoutDeadlineAsMissingTtl() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(Yarpc.requestHeaders("test"), false));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("missing TTL", e.getStatus().getDescription());
    }

    @Test
    void frontendRejectsWrongServiceNameAsUnimplemented() {
        Metadata headers = Yarpc.requestHeaders("test");
        headers.put(Yarpc.SERVICE, "cadence-history");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(headers, true));

        assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().startsWith("unrecognized service name"), e.getStatus().getDescription());
    }

    @Test
    void frontendSettingsRejectMutualTlsWithoutCas() {
        var pki = io.mtlsstudio.testing.Credentials.shared();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrontendSettings.mutualTls(0,
                java.util.List.of(pki.frontend.certificate()), pki.frontend.key(), java.util.List.of()));

        assertTrue(e.getMessage().contains("at least one CA certificate"), e.getMessage());
    }

    @Test
    void frontendOnBusyPortNamesPortInUse() {
        IOException e = assertThrows(IOException.class, () -> EmbeddedFrontend.start(FrontendSettings.plaintext(frontend.port())));

        assertTrue(e.getMessage().contains("127.0.0.1:" + frontend.port() + ": the port is already in use"), e.getMessage());
        assertTrue(e.getMessage().contains("Choose another port"), e.getMessage());
    }
}
