package io.mtlsstudio.handshake;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe against small hand-made TCP peers on loopback that misbehave in one way each. */
class RawPeerTest {

    /** Accepts one connection, reads what the client sends first, and hands the socket to {@code behaviour}. */
    private static ProbeReport probeAgainst(boolean tls, Consumer<Socket> behaviour) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    byte[] first = new byte[5];
                    int read = in.read(first);
                    // Drain the rest of the client's first flight: closing with unread data would send a reset
                    // that can discard the peer's reply before the client reads it.
                    Thread.sleep(100);
                    in.skipNBytes(in.available());
                    if (read > 0) {
                        behaviour.accept(socket);
                    }
                } catch (IOException ignored) {
                    // The peer's end is part of the test; the probe reports what it saw.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            ProbeOptions.Builder options = ProbeOptions.builder(new Target("127.0.0.1", server.getLocalPort()))
                    .timeout(Duration.ofSeconds(3));
            ProbeReport report = HandshakeProbe.run((tls ? options : options.plaintext()).build());
            peer.join(2_000);
            return report;
        }
    }

    private static Finding failure(ProbeReport report) {
        return report.failure().orElseThrow(() -> new AssertionError("no ERROR finding in " + report.findings()));
    }

    @Test
    void peerThatResetsFailsWithPeerReset() throws Exception {
        ProbeReport report = probeAgainst(true, socket -> {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // A reset is what this peer is for.
            }
        });

        assertEquals(StepId.SERVER_CERTIFICATE, report.failedStep());
        Finding finding = failure(report);
        assertEquals("PEER_RESET", finding.code());
        assertTrue(finding.message().contains("reset the connection"), finding.message());
    }

    @Test
    void http1ResponderFailsWithServerHttp1() throws Exception {
        ProbeReport report = probeAgainst(true, socket -> {
            try {
                socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (IOException ignored) {
                // The client may already have given up.
            }
        });

        assertEquals(StepId.SERVER_CERTIFICATE, report.failedStep());
        Finding finding = failure(report);
        assertEquals("SERVER_HTTP1", finding.code());
        assertTrue(finding.message().contains("HTTP/1.1 400 Bad Request"), finding.message());
    }

    @Test
    void http1ResponderToPlaintextClient() throws Exception {
        ProbeReport report = probeAgainst(false, socket -> {
            try {
                socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (IOException ignored) {
                // The client may already have given up.
            }
        });

        assertEquals(StepId.ACCESS_GRANTED, report.failedStep());
        assertEquals("SERVER_HTTP1", failure(report).code());
    }

    @Test
    void peerThatClosesSilentlyFailsWithPeerClosed() throws Exception {
        ProbeReport report = probeAgainst(true, socket -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // An orderly close is what this peer is for.
            }
        });

        assertEquals(StepId.SERVER_CERTIFICATE, report.failedStep());
        assertEquals("PEER_CLOSED", failure(report).code());
    }

    @Test
    void cancelStopsRunningProbeQuickly() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ProbeRun run = HandshakeProbe.start(ProbeOptions.builder(new Target("127.0.0.1", silent.getLocalPort()))
                    .timeout(Duration.ofSeconds(30)).build(), ProbeListener.NONE);
            Thread.sleep(500);
            long start = System.nanoTime();
            run.cancel();
            ProbeReport report = run.report().get(5, java.util.concurrent.TimeUnit.SECONDS);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(ProbeReport.Result.CANCELLED, report.result());
            assertEquals(StepId.SERVER_CERTIFICATE, report.failedStep());
            // The target is 100 ms; the bound leaves room for a loaded CI machine.
            assertTrue(millis < 1_000, "cancel took " + millis + " ms");
        }
    }
}
