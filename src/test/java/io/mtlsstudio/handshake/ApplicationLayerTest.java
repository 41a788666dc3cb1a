package io.mtlsstudio.handshake;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.mtlsstudio.cadence.MetaApi;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures after the connection is up: other gRPC services, rejected metadata, and a connect that times out. */
class ApplicationLayerTest {

    private static Finding failure(ProbeReport report) {
        return report.failure().orElseThrow(() -> new AssertionError("no ERROR finding in " + report.findings()));
    }

    private static Server grpcServer(ServerServiceDefinition... services) throws Exception {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
        for (ServerServiceDefinition service : services) {
            builder.addService(service);
        }
        return builder.build().start();
    }

    @Test
    void grpcServerWithoutMetaApiIsNotCadence() throws Exception {
        Server server = grpcServer();
        try {
            ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(new Target("127.0.0.1", server.getPort())).plaintext().build());

            assertEquals(StepId.ENCRYPTED_CHANNEL, report.failedStep());
            assertEquals(StepStatus.PASSED, report.step(StepId.ACCESS_GRANTED).status());
            Finding finding = failure(report);
            assertEquals("NOT_CADENCE", finding.code());
            assertTrue(finding.message().contains("UNIMPLEMENTED"), finding.message());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void serverRejectingMetadataIsReportedAsMetadataRejected() throws Exception {
        ServerServiceDefinition strict = ServerServiceDefinition.builder(MetaApi.SERVICE_NAME)
                .addMethod(MetaApi.HEALTH, ServerCalls.asyncUnaryCall((request, observer) ->
                        observer.onError(Status.INVALID_ARGUMENT.withDescription("missing caller name").asRuntimeException())))
                .build();
        Server server = grpcServer(strict);
        try {
            ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(new Target("127.0.0.1", server.getPort())).plaintext().build());

            assertEquals(StepId.ENCRYPTED_CHANNEL, report.failedStep());
            Finding finding = failure(report);
            assertEquals("CADENCE_METADATA_REJECTED", finding.code());
            assertTrue(finding.message().contains("missing caller name"), finding.message());
            assertTrue(finding.fix().contains("rpc-service: cadence-frontend"), finding.fix());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void fullListenBacklogTimesOutAtConnect() throws Exception {
        // Linux drops a SYN when the listen queue is full, so a connect to this socket never completes.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(full.getLocalSocketAddress(), 200);
                        queued.add(socket);
                    } catch (java.io.IOException e) {
                        socket.close();
                        break;
                    }
                }
                ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(new Target("127.0.0.1", full.getLocalPort()))
                        .timeout(Duration.ofMillis(700)).build());

                assertEquals(StepId.CONNECT, report.failedStep());
                Finding finding = failure(report);
                assertEquals("CONNECT_TIMEOUT", finding.code(), finding.message());
                assertTrue(finding.message().contains("did not open within 700 ms"), finding.message());
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }
}
