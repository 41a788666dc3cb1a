package io.mtlsstudio.pki;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.testing.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PKCS#1 key and a DER certificate, both made by openssl, are refused by Java gRPC clients as
 * files, yet the inspection converts them in memory and the probe completes mutual TLS with them.
 */
class ConvertedCredentialsHandshakeTest {

    @TempDir
    Path dir;

    @Test
    void pkcs1KeyAndDerCertificateCompleteMutualTls() throws Exception {
        Credentials pki = Credentials.shared();
        TestTools.writeCertificates(dir.resolve("ca.crt"), pki.ca.certificate());
        TestTools.writeKey(dir.resolve("ca.key"), pki.ca.key());
        TestTools.write(dir.resolve("client.ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n");
        TestTools.openssl(dir, "genrsa", "-traditional", "-out", "client.key", "2048");
        TestTools.openssl(dir, "req", "-new", "-key", "client.key", "-subj", "/CN=pkcs1-client", "-out", "client.csr");
        TestTools.openssl(dir, "x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-extfile", "client.ext", "-days", "2", "-outform", "DER", "-out", "client.der");

        Inspection inspection = CredentialInspector.inspect(InspectionRequest.builder(Purpose.CLIENT)
                .files(List.of(dir.resolve("client.der"), dir.resolve("client.key")))
                .caFiles(List.of(dir.resolve("ca.crt")))
                .expiryWarning(Duration.ofDays(1))
                .build());

        assertEquals(List.of("FILE_DER", "KEY_PKCS1"), inspection.findings().stream().map(f -> f.code()).sorted().toList());
        Inspection.Credentials credentials = inspection.credentials().orElseThrow();

        FrontendSettings settings = FrontendSettings.mutualTls(0, List.of(pki.frontend.certificate()), pki.frontend.key(),
                List.of(pki.ca.certificate()));
        try (EmbeddedFrontend frontend = EmbeddedFrontend.start(settings)) {
            ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(Target.parse(frontend.target()))
                    .serverName("cadence-frontend")
                    .clientCertificate(credentials.chain(), credentials.key())
                    .trustedCas(List.of(pki.ca.certificate()))
                    .timeout(Duration.ofSeconds(20))
                    .build());

            assertEquals(ProbeReport.Result.SUCCESS, report.result(), () -> report.findings().toString());
            assertTrue(report.health().ok());
        }
    }
}
