package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-file check that the connection form runs as soon as a file is chosen. */
class FileCheckTest {

    @TempDir
    Path dir;

    @Test
    void goodCertificateIsValid() throws IOException {
        TestPki.Issued ca = TestCertificate.rootCa("CN=Example Test Root CA");
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), TestCertificate.clientLeaf(ca, "CN=test-client").certificate());

        FileCheck check = CredentialInspector.checkFile(certificate, FileRole.CERTIFICATE, Purpose.CLIENT, null);

        assertEquals(CheckStatus.VALID, check.status());
        assertEquals(List.of(), check.findings());
        assertEquals(FileFormat.PEM, check.loaded().format());
        assertFalse(check.passwordRequired());
    }

    @Test
    void pkcs1KeyIsWarningWithConversion() {
        TestTools.openssl(dir, "genrsa", "-traditional", "-out", "client.key", "2048");
        Path key = dir.resolve("client.key");

        FileCheck check = CredentialInspector.checkFile(key, FileRole.PRIVATE_KEY, Purpose.CLIENT, null);

        assertEquals(CheckStatus.WARNING, check.status());
        Finding finding = check.findings().get(0);
        assertEquals("KEY_PKCS1", finding.code());
        assertEquals("openssl pkcs8 -topk8 -nocrypt -in " + key + " -out " + dir.resolve("client.pk8.key")
                + " && chmod 600 " + dir.resolve("client.pk8.key"), finding.fix());
        assertNotNull(check.loaded().key().key(), "the key is usable for the probe all the same");
    }

    @Test
    void missingFileIsErrorWithoutLoadedContent() {
        Path missing = dir.resolve("nowhere.key");

        FileCheck check = CredentialInspector.checkFile(missing, FileRole.PRIVATE_KEY, Purpose.CLIENT, null);

        assertEquals(CheckStatus.ERROR, check.status());
        assertNull(check.loaded());
        assertEquals("FILE_NOT_FOUND", check.findings().get(0).code());
    }

    @Test
    void caFileWithClientLeafIsError() throws IOException {
        TestPki.Issued ca = TestCertificate.rootCa("CN=Example Test Root CA");
        TestPki.Issued client = TestCertificate.builder("CN=test-client").issuer(ca).ca(false)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
        Path caFile = TestTools.writeCertificates(dir.resolve("ca.crt"), client.certificate());

        FileCheck check = CredentialInspector.checkFile(caFile, FileRole.CA, Purpose.CLIENT, null);

        assertEquals(FileRole.CA, check.role());
        assertEquals(CheckStatus.ERROR, check.status());
        assertEquals("CA_FILE_HAS_LEAF", check.findings().get(0).code());
    }

    @Test
    void encryptedKeyAsksForPassword() throws IOException {
        TestTools.writeKey(dir.resolve("plain.key"), TestCertificate.ecKeyPair().getPrivate());
        TestTools.openssl(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "plain.key", "-passout", "pass:s3cret", "-out", "client.key");

        FileCheck check = CredentialInspector.checkFile(dir.resolve("client.key"), FileRole.PRIVATE_KEY, Purpose.CLIENT, PasswordSource.NONE);

        assertTrue(check.passwordRequired());
        assertEquals(CheckStatus.ERROR, check.status());
        assertEquals("KEY_PASSWORD_REQUIRED", check.findings().get(0).code());
    }
}
