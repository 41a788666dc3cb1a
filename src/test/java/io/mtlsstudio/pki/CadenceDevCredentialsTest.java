package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cadence's own development credentials (config/credentials in the Cadence repository): keytest.crt
 * and keytest serve the frontend, client.crt and client.key the client. Both certificates are
 * self-signed, CA:TRUE, RSA-2048, without CN and without subjectAltName.
 */
class CadenceDevCredentialsTest {

    private static final String REPORT = "self-signed, CA:TRUE, no CN and no subjectAltName, so any client that verifies"
            + " the host name rejects the frontend certificate";

    private static Path resource(String name) {
        try {
            return Path.of(CadenceDevCredentialsTest.class.getResource("cadence-dev-credentials/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void allFourFilesLoad() throws CredentialException {
        for (String name : List.of("client.crt", "keytest.crt")) {
            LoadedFile loaded = CredentialLoader.load(resource(name), null);
            assertEquals(1, loaded.certificates().size(), name);
        }
        for (String name : List.of("client.key", "keytest")) {
            LoadedFile loaded = CredentialLoader.load(resource(name), null);
            assertEquals(KeyFormat.PKCS8, loaded.key().format(), name);
            assertEquals("RSA 2048", loaded.key().description(), name);
        }
    }

    @Test
    void frontendCertificateReportSaysWhatMatters() {
        Path certificate = resource("keytest.crt");

        Inspection inspection = CredentialInspector.inspect(List.of(certificate, resource("keytest")), List.of(certificate), null,
                Purpose.SERVER, null);

        Finding noSan = inspection.findings(CredentialCode.CERT_NO_SAN).get(0);
        assertTrue(noSan.message().contains(REPORT), noSan.message());
        assertEquals(certificate.toString(), noSan.subject());
        assertTrue(noSan.fix().contains("subjectAltName=DNS:"), noSan.fix());
        assertEquals(1, inspection.findings(CredentialCode.CERT_SELF_SIGNED).size());
        assertEquals(List.of(), inspection.findings(CredentialCode.KEY_CERT_MISMATCH));
        assertEquals(List.of(), inspection.findings(CredentialCode.CHAIN_UNTRUSTED));
        assertTrue(inspection.credentials().isPresent(), "keytest and keytest.crt belong together");

        CertificateDetails details = inspection.chains().get(0).leaf();
        assertTrue(details.selfSigned());
        assertTrue(details.ca());
        assertEquals(null, details.commonName());
        assertEquals(List.of(), details.subjectAltNames());
        assertEquals("RSA 2048", details.publicKey());
    }

    @Test
    void frontendCertificateFailsAnyDialledName() {
        Path certificate = resource("keytest.crt");

        Inspection inspection = CredentialInspector.inspect(List.of(certificate), List.of(certificate), "localhost", Purpose.SERVER, null);

        Finding noSan = inspection.findings(CredentialCode.CERT_NO_SAN).get(0);
        assertEquals(Severity.ERROR, noSan.severity());
        assertTrue(noSan.message().contains(REPORT), noSan.message());
        assertTrue(noSan.fix().contains("subjectAltName=DNS:localhost"), noSan.fix());
    }

    @Test
    void clientCertificateIsTrustedWhenServerListsIt() {
        Inspection inspection = CredentialInspector.inspect(List.of(resource("client.crt"), resource("client.key")),
                List.of(resource("client.crt")), null, Purpose.CLIENT, null);

        assertEquals(CertificateChain.Status.TRUSTED, inspection.chains().get(0).status());
        assertEquals(List.of("CERT_SELF_SIGNED"), inspection.findings().stream().map(Finding::code).toList());
        assertTrue(inspection.findings().get(0).message().contains("self-signed and CA:TRUE"));
    }

    @Test
    void clientKeyWithFrontendCertificateNamesItsOwner() {
        Path frontend = resource("keytest.crt");
        Path clientKey = resource("client.key");

        Inspection inspection = CredentialInspector.inspect(List.of(frontend, clientKey), List.of(resource("client.crt")), null,
                Purpose.CLIENT, null);

        Finding mismatch = inspection.findings(CredentialCode.KEY_CERT_MISMATCH).get(0);
        assertEquals(clientKey.toString(), mismatch.subject());
        assertTrue(mismatch.message().contains("It is the key of O=Internet Widgits Pty Ltd,ST=Some-State,C=AU (" + resource("client.crt") + ")"),
                mismatch.message());
    }
}
