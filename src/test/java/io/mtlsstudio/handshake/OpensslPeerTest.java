package io.mtlsstudio.handshake;

import io.mtlsstudio.pki.TestPki;
import io.mtlsstudio.testing.Credentials;
import io.mtlsstudio.testing.OpensslServer;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe against {@code openssl s_server}, an independent TLS implementation. */
class OpensslPeerTest {

    private static final Credentials PKI = Credentials.shared();

    @TempDir
    Path folder;

    private ProbeOptions.Builder client(OpensslServer server) {
        return ProbeOptions.builder(Target.parse(server.target()))
                .trustedCas(List.of(PKI.ca.certificate()))
                .clientCertificate(List.of(PKI.client.certificate()), PKI.client.key())
                .timeout(Duration.ofMillis(1500));
    }

    private static Finding failure(ProbeReport report) {
        return report.failure().orElseThrow(() -> new AssertionError("no ERROR finding in " + report.findings()));
    }

    @Test
    void opensslMutualTlsPassesTlsStepsUnderTls12() throws Exception {
        assertTlsStepsPass("-tls1_2", TlsVersion.TLS_1_2);
    }

    @Test
    void opensslMutualTlsPassesTlsStepsUnderTls13() throws Exception {
        assertTlsStepsPass("-tls1_3", TlsVersion.TLS_1_3);
    }

    private void assertTlsStepsPass(String versionOption, TlsVersion version) throws Exception {
        try (OpensslServer server = OpensslServer.start(folder, PKI.frontend, PKI.ca, "-Verify", "1", "-alpn", "h2", versionOption)) {
            ProbeReport report = HandshakeProbe.run(client(server).tlsVersion(version).build());

            for (StepId step : List.of(StepId.CONNECT, StepId.SERVER_CERTIFICATE, StepId.VERIFY_SERVER,
                    StepId.CLIENT_CERTIFICATE, StepId.VERIFY_CLIENT)) {
                assertEquals(StepStatus.PASSED, report.step(step).status(), step.name());
            }
            // s_server speaks TLS but not HTTP/2, so the gRPC part waits in vain.
            assertEquals(StepId.ACCESS_GRANTED, report.failedStep());
            assertEquals("RESPONSE_TIMEOUT", failure(report).code());
            assertTrue(failure(report).message().contains("no HTTP/2 settings"), failure(report).message());
            assertEquals("h2", report.negotiated().alpn());
        }
    }

    @Test
    void opensslRequiringClientCertRejectsNoneUnderTls12() throws Exception {
        assertClientCertRequired("-tls1_2", TlsVersion.TLS_1_2);
    }

    @Test
    void opensslRequiringClientCertRejectsNoneUnderTls13() throws Exception {
        assertClientCertRequired("-tls1_3", TlsVersion.TLS_1_3);
    }

    private void assertClientCertRequired(String versionOption, TlsVersion version) throws Exception {
        try (OpensslServer server = OpensslServer.start(folder, PKI.frontend, PKI.ca, "-Verify", "1", "-alpn", "h2", versionOption)) {
            ProbeOptions options = ProbeOptions.builder(Target.parse(server.target()))
                    .trustedCas(List.of(PKI.ca.certificate())).tlsVersion(version).timeout(Duration.ofMillis(1500)).build();
            ProbeReport report = HandshakeProbe.run(options);

            assertEquals(StepId.VERIFY_CLIENT, report.failedStep());
            Finding finding = failure(report);
            assertEquals("CLIENT_CERT_REQUIRED", finding.code());
            assertTrue(finding.message().contains("TLS alert"), finding.message());
        }
    }

    @Test
    void opensslRejectsForeignCaClientCertWithAlert() throws Exception {
        Instant now = Instant.now().minusSeconds(60);
        TestPki.Issued foreignCa = TestPki.rootCa("Foreign CA", TestPki.KeyType.EC_P256, now, now.plus(Duration.ofDays(1)));
        TestPki.Issued foreignClient = TestPki.leaf(foreignCa, "foreign-client", List.of(),
                List.of(KeyPurposeId.id_kp_clientAuth), TestPki.KeyType.EC_P256, now, now.plus(Duration.ofDays(1)));

        // Without CA names in the CertificateRequest the client sends its certificate and the server judges it.
        // TLS 1.2 only: under TLS 1.3 OpenSSL 3.0 then sends an empty certificate_authorities extension,
        // which the JDK rejects as malformed before any certificate is exchanged.
        try (OpensslServer server = OpensslServer.start(folder, PKI.frontend, PKI.ca, "-Verify", "1", "-alpn", "h2",
                "-no_ca_names", "-verify_return_error", "-tls1_2")) {
            ProbeOptions options = ProbeOptions.builder(Target.parse(server.target()))
                    .trustedCas(List.of(PKI.ca.certificate()))
                    .clientCertificate(List.of(foreignClient.certificate()), foreignClient.key())
                    .timeout(Duration.ofMillis(1500)).build();
            ProbeReport report = HandshakeProbe.run(options);

            assertEquals(StepId.VERIFY_CLIENT, report.failedStep());
            Finding finding = failure(report);
            assertEquals("CLIENT_CERT_REJECTED", finding.code());
            assertTrue(finding.message().contains("CN=foreign-client"), finding.message());
            assertTrue(finding.message().contains("TLS alert unknown_ca"), finding.message());
        }
    }

    @Test
    void opensslCaNamesWithholdForeignCert() throws Exception {
        Instant now = Instant.now().minusSeconds(60);
        TestPki.Issued foreignCa = TestPki.rootCa("Foreign CA", TestPki.KeyType.EC_P256, now, now.plus(Duration.ofDays(1)));
        TestPki.Issued foreignClient = TestPki.leaf(foreignCa, "foreign-client", List.of(),
                List.of(KeyPurposeId.id_kp_clientAuth), TestPki.KeyType.EC_P256, now, now.plus(Duration.ofDays(1)));

        try (OpensslServer server = OpensslServer.start(folder, PKI.frontend, PKI.ca, "-Verify", "1", "-alpn", "h2")) {
            ProbeOptions options = ProbeOptions.builder(Target.parse(server.target()))
                    .trustedCas(List.of(PKI.ca.certificate()))
                    .clientCertificate(List.of(foreignClient.certificate()), foreignClient.key())
                    .timeout(Duration.ofMillis(1500)).build();
            ProbeReport report = HandshakeProbe.run(options);

            assertEquals(StepId.VERIFY_CLIENT, report.failedStep());
            assertEquals("CLIENT_CERT_REQUIRED", failure(report).code());
            String accepted = report.step(StepId.CLIENT_CERTIFICATE).evidence().stream()
                    .filter(e -> e.label().equals("Accepted CA names")).findFirst().orElseThrow().value();
            assertEquals("CN=Example Test Root CA", accepted);
            assertTrue(failure(report).message().contains("not among the CA names the server accepts"), failure(report).message());
        }
    }

    @Test
    void opensslWithoutAlpnFailsWithAlpnNoH2() throws Exception {
        try (OpensslServer server = OpensslServer.start(folder, PKI.frontend, null)) {
            ProbeReport report = HandshakeProbe.run(client(server).build());

            assertEquals(StepId.ACCESS_GRANTED, report.failedStep());
            Finding finding = failure(report);
            assertEquals("ALPN_NO_H2", finding.code());
            assertTrue(finding.message().contains("HTTP/2"), finding.message());
            assertEquals(StepStatus.PASSED, report.step(StepId.VERIFY_SERVER).status());
        }
    }

    @Test
    void opensslTls12RecordsNameHandshakeMessages() throws Exception {
        try (OpensslServer server = OpensslServer.start(folder, PKI.frontend, PKI.ca, "-Verify", "1", "-alpn", "h2", "-tls1_2")) {
            ProbeReport report = HandshakeProbe.run(client(server).tlsVersion(TlsVersion.TLS_1_2).build());

            List<String> received = report.records().stream().filter(r -> r.direction() == WireRecord.Direction.RECEIVED)
                    .flatMap(r -> r.messages().stream()).toList();
            List<String> sent = report.records().stream().filter(r -> r.direction() == WireRecord.Direction.SENT)
                    .flatMap(r -> r.messages().stream()).toList();
            assertTrue(received.containsAll(List.of("ServerHello", "Certificate", "CertificateRequest", "ServerHelloDone")), received.toString());
            assertTrue(sent.containsAll(List.of("ClientHello", "Certificate", "ClientKeyExchange", "CertificateVerify")), sent.toString());
            assertTrue(report.records().stream().anyMatch(r -> r.contentType() == 20), "ChangeCipherSpec seen");
        }
    }
}
