package io.mtlsstudio.cadence.config;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded frontend served from exactly a configuration's frontend block, probed over real TLS. */
class ConfigFrontendTest {

    private static EmbeddedFrontend development;
    private static ConfigFrontend developmentBlock;

    @TempDir
    Path folder;

    @BeforeAll
    static void startDevelopmentLayout() throws IOException {
        CadenceConfig config = CadenceConfigLoader.load(ConfigRequest.of(CadenceDevLayout.configFolder()).withZone("tls")
                .withEnvironment(Map.of()));
        developmentBlock = ConfigFrontend.from(config);
        development = EmbeddedFrontend.start(developmentBlock.settings("127.0.0.1", 0, List.of(), Duration.ZERO));
    }

    @AfterAll
    static void stopDevelopmentLayout() {
        development.close();
    }

    private static ProbeOptions.Builder developmentClient() throws Exception {
        Path credentials = CadenceDevLayout.credentials();
        return ProbeOptions.builder(Target.parse(development.target()))
                .trustedCas(CredentialFiles.readCertificates(credentials.resolve("keytest.crt")))
                .clientCertificate(CredentialFiles.readCertificates(credentials.resolve("client.crt")),
                        CredentialFiles.readPrivateKey(credentials.resolve("client.key")));
    }

    @Test
    void developmentLayoutServesMutualTls() {
        assertEquals(FrontendSettings.Mode.MUTUAL_TLS, developmentBlock.mode());
        assertEquals(1, developmentBlock.chain().size());
        assertEquals(1, developmentBlock.clientCas().size());
        assertEquals("OU=Cadence,O=Uber,ST=Some-State,C=US", developmentBlock.chain().get(0).getSubjectX500Principal().getName());
    }

    @Test
    void developmentLayoutAcceptsClientWithoutHostname() throws Exception {
        ProbeReport report = HandshakeProbe.run(developmentClient().hostnameVerification(false).build());

        assertEquals(ProbeReport.Result.SUCCESS, report.result(), report.findings().toString());
        assertNull(report.failedStep());
        for (StepId step : StepId.values()) {
            assertEquals(StepStatus.PASSED, report.step(step).status(), step.name());
        }
        Check hostName = report.step(StepId.VERIFY_SERVER).checks().stream()
                .filter(check -> check.name().equals("Host name")).findFirst().orElseThrow();
        assertEquals(Check.Outcome.WARNING, hostName.outcome());
        assertTrue(report.health().ok());
    }

    @Test
    void developmentLayoutFailsHostnameVerification() throws Exception {
        ProbeReport report = HandshakeProbe.run(developmentClient().hostnameVerification(true).build());

        assertEquals(ProbeReport.Result.FAILURE, report.result());
        assertEquals(StepId.VERIFY_SERVER, report.failedStep());
        Finding finding = report.failure().orElseThrow();
        assertEquals("SERVER_NAME_MISMATCH", finding.code());
        assertTrue(finding.message().contains("has no subjectAltName"), finding.message());
        assertTrue(finding.message().contains("ignore the CN"), finding.message());
        assertEquals(StepStatus.PASSED, report.step(StepId.SERVER_CERTIFICATE).status());
    }

    @Test
    void developmentLayoutRequiresClientCertificate() throws Exception {
        ProbeOptions options = ProbeOptions.builder(Target.parse(development.target()))
                .trustedCas(CredentialFiles.readCertificates(CadenceDevLayout.credentials().resolve("keytest.crt")))
                .hostnameVerification(false).build();

        ProbeReport report = HandshakeProbe.run(options);

        assertEquals(StepId.VERIFY_CLIENT, report.failedStep());
        assertEquals("CLIENT_CERT_REQUIRED", report.failure().orElseThrow().code());
    }

    @Test
    void tlsWithoutClientAuthServesTlsOnly() throws Exception {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml",
                ConfigFixture.goodFrontend().replace("requireClientAuth: true", "requireClientAuth: false"));

        ConfigFrontend frontend = ConfigFrontend.from(fixture.load(""));

        assertEquals(FrontendSettings.Mode.TLS, frontend.mode());
        assertEquals(List.of(), frontend.clientCas());
        try (EmbeddedFrontend server = EmbeddedFrontend.start(frontend.settings("127.0.0.1", 0, List.of("TLSv1.3"), Duration.ZERO))) {
            ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(Target.parse(server.target()))
                    .trustedCas(List.of(fixture.ca.certificate())).build());
            assertEquals(ProbeReport.Result.SUCCESS, report.result(), report.findings().toString());
            assertEquals(StepStatus.SKIPPED, report.step(StepId.CLIENT_CERTIFICATE).status());
            assertEquals("TLSv1.3", report.negotiated().protocol());
        }
    }

    @Test
    void disabledTlsServesPlaintext() throws Exception {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", "services: {frontend: {rpc: {tls: {enabled: false}}}}\n");

        ConfigFrontend frontend = ConfigFrontend.from(fixture.load(""));

        assertEquals(FrontendSettings.Mode.PLAINTEXT, frontend.mode());
        try (EmbeddedFrontend server = EmbeddedFrontend.start(frontend.settings("127.0.0.1", 0, List.of(), Duration.ZERO))) {
            ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(Target.parse(server.target())).plaintext().build());
            assertEquals(ProbeReport.Result.SUCCESS, report.result(), report.findings().toString());
        }
    }

    @Test
    void missingKeyFileRejectsServing() throws Exception {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml",
                ConfigFixture.goodFrontend().replace("certs/frontend.key", "certs/absent.key"));

        CadenceConfigException error = assertThrows(CadenceConfigException.class, () -> ConfigFrontend.from(fixture.load("")));

        assertEquals(ConfigCode.TLS_FILE_MISSING, error.code());
        assertTrue(error.getMessage().startsWith("services.frontend.rpc.tls cannot be served:"), error.getMessage());
        assertTrue(error.getMessage().contains(folder.resolve("certs/absent.key").toString()), error.getMessage());
    }

    @Test
    void clientAuthWithDerCaOnlyRejectsServing() throws Exception {
        ConfigFixture fixture = new ConfigFixture(folder);
        java.nio.file.Files.write(folder.resolve("certs/ca.der"), fixture.ca.certificate().getEncoded());
        fixture.yaml("development.yaml", ConfigFixture.goodFrontend().replace("certs/ca.crt", "certs/ca.der"));

        CadenceConfigException error = assertThrows(CadenceConfigException.class, () -> ConfigFrontend.from(fixture.load("")));

        assertEquals(ConfigCode.TLS_FILE_NOT_PEM, error.code());
    }
}
