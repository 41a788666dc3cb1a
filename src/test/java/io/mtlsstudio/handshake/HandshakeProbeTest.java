package io.mtlsstudio.handshake;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.pki.TestPki;
import io.mtlsstudio.testing.Credentials;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandshakeProbeTest {

    private static final Credentials PKI = Credentials.shared();
    private static EmbeddedFrontend mutualTls;
    private static EmbeddedFrontend plaintext;

    @BeforeAll
    static void startFrontends() throws IOException {
        mutualTls = EmbeddedFrontend.start(FrontendSettings.mutualTls(0, List.of(PKI.frontend.certificate()),
                PKI.frontend.key(), List.of(PKI.ca.certificate())));
        plaintext = EmbeddedFrontend.start(FrontendSettings.plaintext(0));
    }

    @AfterAll
    static void stopFrontends() {
        mutualTls.close();
        plaintext.close();
    }

    private static ProbeOptions.Builder mutualTlsClient(EmbeddedFrontend frontend) {
        return ProbeOptions.builder(Target.parse(frontend.target()))
                .trustedCas(List.of(PKI.ca.certificate()))
                .clientCertificate(List.of(PKI.client.certificate()), PKI.client.key());
    }

    private static Finding failure(ProbeReport report) {
        return report.failure().orElseThrow(() -> new AssertionError("no ERROR finding in " + report.findings()));
    }

    @Test
    void probeMutualTlsPassesEveryStep() throws Exception {
        List<ProbeEvent> events = new CopyOnWriteArrayList<>();
        ProbeReport report = HandshakeProbe.run(mutualTlsClient(mutualTls).build(), events::add);

        assertEquals(ProbeReport.Result.SUCCESS, report.result());
        assertNull(report.failedStep());
        for (StepId step : StepId.values()) {
            assertEquals(StepStatus.PASSED, report.step(step).status(), step.name());
        }
        assertTrue(report.health().ok());
        assertEquals("h2", report.negotiated().alpn());
        assertEquals(List.of(PKI.frontend.certificate()), report.serverChain());
        assertTrue(events.get(0) instanceof ProbeEvent.RunStarted);
        assertTrue(events.get(events.size() - 1) instanceof ProbeEvent.RunFinished);
        String accepted = report.step(StepId.CLIENT_CERTIFICATE).evidence().stream()
                .filter(e -> e.label().equals("Accepted CA names")).findFirst().orElseThrow().value();
        assertEquals("CN=Example Test Root CA", accepted);
    }

    @Test
    void probeNoClientCertTls12() throws Exception {
        assertClientCertRequired(TlsVersion.TLS_1_2, "TLSv1.2");
    }

    @Test
    void probeNoClientCertTls13() throws Exception {
        assertClientCertRequired(TlsVersion.TLS_1_3, "TLSv1.3");
    }

    private void assertClientCertRequired(TlsVersion version, String protocol) throws Exception {
        ProbeOptions options = ProbeOptions.builder(Target.parse(mutualTls.target()))
                .trustedCas(List.of(PKI.ca.certificate())).tlsVersion(version).build();
        ProbeReport report = HandshakeProbe.run(options);

        assertEquals(ProbeReport.Result.FAILURE, report.result());
        assertEquals(StepId.VERIFY_CLIENT, report.failedStep());
        assertEquals(StepStatus.PASSED, report.step(StepId.VERIFY_SERVER).status());
        assertEquals(StepStatus.PASSED, report.step(StepId.CLIENT_CERTIFICATE).status());
        assertEquals(StepStatus.SKIPPED, report.step(StepId.ACCESS_GRANTED).status());
        Finding finding = failure(report);
        assertEquals("CLIENT_CERT_REQUIRED", finding.code());
        assertTrue(finding.message().contains("no client certificate is configured"), finding.message());
        assertTrue(finding.message().contains("TLS alert"), protocol + ": " + finding.message());
    }

    @Test
    void probeForeignCaClientCert() throws Exception {
        Instant now = Instant.now().minusSeconds(60);
        TestPki.Issued foreignCa = TestPki.rootCa("Foreign CA", TestPki.KeyType.EC_P256, now, now.plus(Duration.ofDays(1)));
        TestPki.Issued foreignClient = TestPki.leaf(foreignCa, "foreign-client", List.of(),
                List.of(KeyPurposeId.id_kp_clientAuth), TestPki.KeyType.EC_P256, now, now.plus(Duration.ofDays(1)));

        // The server names its accepted CA, so the JDK client withholds a certificate from another issuer.
        ProbeOptions options = ProbeOptions.builder(Target.parse(mutualTls.target()))
                .trustedCas(List.of(PKI.ca.certificate()))
                .clientCertificate(List.of(foreignClient.certificate()), foreignClient.key()).build();
        ProbeReport report = HandshakeProbe.run(options);

        assertEquals(StepId.VERIFY_CLIENT, report.failedStep());
        Finding finding = failure(report);
        assertEquals("CLIENT_CERT_REQUIRED", finding.code());
        assertTrue(finding.message().contains("CN=Foreign CA"), finding.message());
        assertTrue(finding.fix().contains("CN=Example Test Root CA"), finding.fix());
    }

    @Test
    void probePlaintextAgainstTlsServerNamesExpectedTls() throws Exception {
        ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(Target.parse(mutualTls.target())).plaintext().build());

        assertEquals(StepId.ACCESS_GRANTED, report.failedStep());
        assertEquals(StepStatus.SKIPPED, report.step(StepId.SERVER_CERTIFICATE).status());
        Finding finding = failure(report);
        assertEquals("SERVER_EXPECTS_TLS", finding.code());
        assertTrue(finding.message().contains("the server expects TLS"), finding.message());
        assertTrue(finding.fix().contains("Turn TLS on"), finding.fix());
    }

    @Test
    void probeTlsAgainstPlaintextServerNamesCleartext() throws Exception {
        ProbeReport report = HandshakeProbe.run(mutualTlsClient(plaintext).build());

        assertEquals(StepId.SERVER_CERTIFICATE, report.failedStep());
        Finding finding = failure(report);
        assertEquals("SERVER_PLAINTEXT", finding.code());
        assertTrue(finding.message().contains("cleartext HTTP/2 SETTINGS frame"), finding.message());
        String firstBytes = report.step(StepId.SERVER_CERTIFICATE).evidence().stream()
                .filter(e -> e.label().equals("First bytes read")).findFirst().orElseThrow().value();
        assertTrue(firstBytes.startsWith("00 00"), firstBytes);
    }

    @Test
    void probePlaintextAgainstPlaintextServerSucceedsUnencrypted() throws Exception {
        ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(Target.parse(plaintext.target())).plaintext().build());

        assertEquals(ProbeReport.Result.SUCCESS, report.result());
        for (StepId step : List.of(StepId.SERVER_CERTIFICATE, StepId.VERIFY_SERVER, StepId.CLIENT_CERTIFICATE, StepId.VERIFY_CLIENT)) {
            assertEquals(StepStatus.SKIPPED, report.step(step).status(), step.name());
        }
        assertEquals(StepStatus.PASSED, report.step(StepId.ENCRYPTED_CHANNEL).status());
        assertTrue(report.step(StepId.ENCRYPTED_CHANNEL).checks().stream()
                .anyMatch(c -> c.name().equals("Encryption") && c.outcome() == Check.Outcome.WARNING));
        assertNull(report.negotiated());
    }

    @Test
    void probeTlsWithoutClientAuthReportsNotRequested() throws Exception {
        try (EmbeddedFrontend tls = EmbeddedFrontend.start(FrontendSettings.tls(0, List.of(PKI.frontend.certificate()), PKI.frontend.key()))) {
            ProbeReport report = HandshakeProbe.run(mutualTlsClient(tls).build());

            assertEquals(ProbeReport.Result.SUCCESS, report.result());
            assertEquals(StepStatus.SKIPPED, report.step(StepId.CLIENT_CERTIFICATE).status());
            assertEquals(StepStatus.SKIPPED, report.step(StepId.VERIFY_CLIENT).status());
            assertTrue(report.findings().stream().anyMatch(f -> f.code().equals("CLIENT_CERT_NOT_REQUESTED")
                    && f.severity() == Severity.INFO));
        }
    }

    @Test
    void probeUntrustedServerFailsAtVerifyServer() throws Exception {
        Instant now = Instant.now().minusSeconds(60);
        TestPki.Issued otherCa = TestPki.rootCa("Other CA", TestPki.KeyType.EC_P256, now, now.plus(Duration.ofDays(1)));
        ProbeOptions options = ProbeOptions.builder(Target.parse(mutualTls.target()))
                .trustedCas(List.of(otherCa.certificate()))
                .clientCertificate(List.of(PKI.client.certificate()), PKI.client.key()).build();
        ProbeReport report = HandshakeProbe.run(options);

        assertEquals(StepId.VERIFY_SERVER, report.failedStep());
        Finding finding = failure(report);
        assertEquals("SERVER_CERT_UNTRUSTED", finding.code());
        assertTrue(finding.message().contains("issued by CN=Example Test Root CA"), finding.message());
        assertTrue(finding.message().contains("CN=Other CA"), finding.message());
        assertEquals(StepStatus.PASSED, report.step(StepId.SERVER_CERTIFICATE).status());
    }

    @Test
    void probeServerNameMatchesNoSan() throws Exception {
        ProbeReport report = HandshakeProbe.run(mutualTlsClient(mutualTls).serverName("other.example.test").build());

        assertEquals(StepId.VERIFY_SERVER, report.failedStep());
        Finding finding = failure(report);
        assertEquals("SERVER_NAME_MISMATCH", finding.code());
        assertTrue(finding.message().contains("\"other.example.test\""), finding.message());
        assertTrue(finding.message().contains("DNS:cadence-frontend"), finding.message());
        assertTrue(finding.fix().contains("server name override"), finding.fix());
    }

    @Test
    void probeWithHostnameVerificationOffAcceptsOtherName() throws Exception {
        ProbeReport report = HandshakeProbe.run(mutualTlsClient(mutualTls).serverName("other.example.test")
                .hostnameVerification(false).build());

        assertEquals(ProbeReport.Result.SUCCESS, report.result());
        assertTrue(report.step(StepId.VERIFY_SERVER).checks().stream()
                .anyMatch(c -> c.name().equals("Host name") && c.outcome() == Check.Outcome.WARNING
                        && c.message().contains("chain is still verified")));
    }

    @Test
    void probeExpiredServerCertFailsAtVerifyServer() throws Exception {
        Instant past = Instant.now().minus(Duration.ofDays(30));
        TestPki.Issued expired = TestPki.leaf(PKI.ca, "cadence-frontend", TestPki.FRONTEND_NAMES,
                List.of(KeyPurposeId.id_kp_serverAuth), TestPki.KeyType.EC_P256, past, past.plus(Duration.ofDays(1)));
        try (EmbeddedFrontend server = EmbeddedFrontend.start(FrontendSettings.tls(0, List.of(expired.certificate()), expired.key()))) {
            ProbeReport report = HandshakeProbe.run(mutualTlsClient(server).build());

            assertEquals(StepId.VERIFY_SERVER, report.failedStep());
            Finding finding = failure(report);
            assertEquals("SERVER_CERT_EXPIRED", finding.code());
            assertTrue(finding.message().contains("expired on"), finding.message());
        }
    }

    @Test
    void probeClosedPortFailsAtConnectRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(new Target("127.0.0.1", port)).build());

        assertEquals(StepId.CONNECT, report.failedStep());
        assertEquals("CONNECTION_REFUSED", failure(report).code());
        assertTrue(failure(report).message().contains("127.0.0.1:" + port));
    }

    @Test
    void probeUnknownHostFailsAtConnect() throws Exception {
        ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(Target.parse("no-such-host.invalid:7833")).build());

        assertEquals(StepId.CONNECT, report.failedStep());
        Finding finding = failure(report);
        assertEquals("UNKNOWN_HOST", finding.code());
        assertTrue(finding.message().contains("\"no-such-host.invalid\""), finding.message());
    }

    @Test
    void probeSilentPeerTimesOutAtServerCertificate() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException ignored) {
                    // The socket closes at the end of the test.
                }
            });
            ProbeOptions options = ProbeOptions.builder(new Target("127.0.0.1", silent.getLocalPort()))
                    .timeout(Duration.ofMillis(800)).build();
            long start = System.nanoTime();
            ProbeReport report = HandshakeProbe.run(options);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(StepId.SERVER_CERTIFICATE, report.failedStep());
            assertEquals("HANDSHAKE_TIMEOUT", failure(report).code());
            assertTrue(failure(report).message().contains("800 ms"), failure(report).message());
            assertTrue(elapsedMillis < 5_000, "took " + elapsedMillis + " ms");
            acceptor.join(1_000);
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void probeCancelEndsRunAsCancelled() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ProbeRun run = HandshakeProbe.start(ProbeOptions.builder(new Target("127.0.0.1", silent.getLocalPort()))
                    .timeout(Duration.ofSeconds(30)).build(), ProbeListener.NONE);
            Thread.sleep(300);
            run.cancel();
            ProbeReport report = run.report().get(2, java.util.concurrent.TimeUnit.SECONDS);

            assertEquals(ProbeReport.Result.CANCELLED, report.result());
            assertNotNull(report.failedStep());
            assertEquals("CANCELLED", failure(report).code());
        }
    }

    @Test
    void probeWarmingUpFrontendFailsAtEncryptedChannel() throws Exception {
        try (EmbeddedFrontend warming = EmbeddedFrontend.start(FrontendSettings.plaintext(0).withWarmUp(Duration.ofMinutes(5)))) {
            ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(Target.parse(warming.target())).plaintext().build());

            assertEquals(StepId.ENCRYPTED_CHANNEL, report.failedStep());
            assertEquals(StepStatus.PASSED, report.step(StepId.ACCESS_GRANTED).status());
            assertEquals("CADENCE_WARMING_UP", failure(report).code());
            assertEquals("WarmingUp", report.health().message());
        }
    }

    @Test
    void probeServerCertWithoutServerAuth() throws Exception {
        // A client certificate served by mistake: clientAuth only.
        try (EmbeddedFrontend server = EmbeddedFrontend.start(FrontendSettings.tls(0, List.of(PKI.client.certificate()), PKI.client.key()))) {
            ProbeReport report = HandshakeProbe.run(mutualTlsClient(server).hostnameVerification(false).build());

            assertEquals(StepId.VERIFY_SERVER, report.failedStep());
            Finding finding = failure(report);
            assertEquals("SERVER_CERT_NO_SERVER_AUTH", finding.code());
            assertTrue(finding.message().contains("clientAuth but not serverAuth"), finding.message());
        }
    }
}
