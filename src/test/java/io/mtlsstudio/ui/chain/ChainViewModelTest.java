package io.mtlsstudio.ui.chain;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CertificateChain;
import io.mtlsstudio.pki.CertificateDetails;
import io.mtlsstudio.pki.ChainLink;
import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.ui.TestUiThread;
import io.mtlsstudio.ui.findings.CredentialSetModel;
import io.mtlsstudio.ui.findings.TestFiles;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Certificates tab's model on the sample files and on chains received from a real embedded frontend. */
class ChainViewModelTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final TestUiThread ui = new TestUiThread();
    private final SimpleObjectProperty<ProbeReport> reports = new SimpleObjectProperty<>();
    private ConnectionViewModel connection;
    private ChainViewModel chains;
    private SampleCredentials samples;

    @TempDir
    Path dir;

    @BeforeEach
    void create() throws IOException {
        samples = SampleCredentials.locate();
        connection = ui.call(() -> new ConnectionViewModel(ui.work()));
        chains = ui.call(() -> {
            CredentialSetModel set = new CredentialSetModel(connection, ui.work());
            return new ChainViewModel(connection, set, reports, ui.work());
        });
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void clientSideShowsSampleChainToAnchor() {
        ui.run(() -> connection.useSampleCredentials(samples));
        ui.awaitUntil("the client chain is inspected", LIMIT, () -> chains.clientProperty().get().hasChains());

        ChainSide client = ui.call(() -> chains.clientProperty().get());
        CertificateChain chain = client.inspection().chains().get(0);
        assertEquals(CertificateChain.Status.TRUSTED, chain.status());
        assertEquals(2, chain.certificates().size());
        assertEquals("mtls-studio-client", chain.leaf().commonName());
        assertEquals("mTLS Studio Sample Root CA", chain.anchor().commonName());
        assertEquals("From the form's files: client.crt, client.key; checked against CA file ca.crt.", client.origin());
        ChainLink link = chain.links().get(0);
        assertTrue(link.issuerNameMatches());
        assertTrue(link.signatureVerified());
        assertEquals(ChainLink.KeyIdentifierMatch.MATCH, link.keyIdentifier());
        assertEquals(samples.ca().toString(), client.sourceLabel(chain.anchor()));
    }

    @Test
    void clientSideWaitsForCertificate() {
        ChainSide client = ui.call(() -> chains.clientProperty().get());

        assertFalse(client.hasChains());
        assertEquals("Choose a client certificate in the form to see its chain.", client.message());
    }

    @Test
    void serverSideInspectsReceivedChain() throws Exception {
        ui.run(() -> connection.useSampleCredentials(samples));
        ui.awaitUntil("the CA file is checked", LIMIT, () -> connection.ca().state() == CredentialFieldModel.State.VALID);
        ProbeReport report = probeSampleFrontend();

        ui.run(() -> reports.set(report));
        ui.awaitUntil("the server chain is inspected", LIMIT, () -> chains.serverProperty().get().hasChains());

        ChainSide server = ui.call(() -> chains.serverProperty().get());
        CertificateChain chain = server.inspection().chains().get(0);
        assertEquals(CertificateChain.Status.TRUSTED, chain.status());
        assertEquals("cadence-frontend", chain.leaf().commonName());
        assertEquals(List.of("DNS:cadence-frontend", "DNS:localhost", "IP:127.0.0.1"), chain.leaf().subjectAltNames());
        assertEquals("the chain sent by " + report.target() + ", position 1", server.sourceLabel(chain.leaf()));
        assertTrue(server.origin().startsWith("Sent by " + report.target() + " in the last connection; checked against CA file ca.crt"
                + " and the name 127.0.0.1"), server.origin());
        assertFalse(server.sentChain().toFile().exists(), "the temporary copy of the chain is deleted");
        for (Finding finding : server.findings()) {
            assertFalse(finding.message().contains(server.sentChain().toString()), finding.message());
        }
    }

    @Test
    void serverSideNamesMismatchedServerName() throws Exception {
        ui.run(() -> {
            connection.useSampleCredentials(samples);
            connection.serverNameProperty().set("wrong-name.invalid");
        });
        ui.awaitUntil("the CA file is checked", LIMIT, () -> connection.ca().state() == CredentialFieldModel.State.VALID);
        ProbeReport report = probeSampleFrontend();

        ui.run(() -> reports.set(report));
        ui.awaitUntil("the server chain is inspected", LIMIT, () -> chains.serverProperty().get().hasChains());

        List<String> codes = ui.call(() -> chains.serverProperty().get().findings().stream().map(Finding::code).toList());
        assertEquals(List.of("CERT_NAME_MISMATCH"), codes);
    }

    @Test
    void plaintextReportHasNoServerChain() {
        ProbeReport report = new ProbeReport("127.0.0.1:7833", false, ProbeReport.Result.SUCCESS, null, List.of(), List.of(),
                null, null, List.of(), List.of(), List.of());

        ui.run(() -> reports.set(report));

        ChainSide server = ui.call(() -> chains.serverProperty().get());
        assertNull(server.inspection());
        assertEquals("The last connection to 127.0.0.1:7833 was plaintext, so the server sent no certificate.", server.message());
    }

    @Test
    void validityTextCountsDays() throws Exception {
        Path file = TestFiles.writeCertificate(dir, "client.crt", TestFiles.PKI.client);
        CertificateDetails details = CertificateDetails.of(io.mtlsstudio.pki.CredentialFiles.readCertificates(file).get(0),
                new io.mtlsstudio.pki.CertificateSource(file, 1, io.mtlsstudio.pki.CertificateSource.Origin.CREDENTIAL_FILE));
        Instant notAfter = details.notAfter();

        assertEquals("valid, 10 days left", CertificateTexts.validity(details, notAfter.minus(Duration.ofDays(10))));
        assertEquals("EXPIRED 3 days ago", CertificateTexts.validity(details, notAfter.plus(Duration.ofDays(3))));
        assertEquals("NOT YET VALID, starts in 2 days",
                CertificateTexts.validity(details, details.notBefore().minus(Duration.ofDays(2)).minusSeconds(5)));
        assertNotNull(details.sha256());
    }

    private ProbeReport probeSampleFrontend() throws Exception {
        FrontendSettings settings = FrontendSettings.mutualTls(0, samples.loadFrontendChain(), samples.loadFrontendKey(),
                samples.loadCa());
        try (EmbeddedFrontend frontend = EmbeddedFrontend.start(settings)) {
            return HandshakeProbe.run(ProbeOptions.builder(Target.parse(frontend.target()))
                    .trustedCas(samples.loadCa())
                    .timeout(Duration.ofSeconds(20))
                    .build());
        }
    }
}
