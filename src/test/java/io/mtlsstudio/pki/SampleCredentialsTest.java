package io.mtlsstudio.pki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleCredentialsTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @Test
    void regeneratedSampleSetHasRolesNamesAndValidity(@TempDir Path folder) throws Exception {
        TestPki.writeSampleCredentials(folder);

        assertSampleSet(folder);
        for (String key : List.of("frontend.key", "client.key")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(key))), key);
            assertTrue(Files.readString(folder.resolve(key)).startsWith("-----BEGIN PRIVATE KEY-----"), key + " is PKCS#8");
        }
        X509Certificate ca = CredentialFiles.readCertificates(folder.resolve("ca.crt")).get(0);
        Duration validity = Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant());
        assertTrue(validity.toDays() >= 20 * 365, "valid for " + validity.toDays() + " days");
    }

    @Test
    void committedSampleSetIsConsistent() throws Exception {
        assertSampleSet(Path.of("sample-credentials"));
    }

    private static void assertSampleSet(Path folder) throws Exception {
        X509Certificate ca = CredentialFiles.readCertificates(folder.resolve("ca.crt")).get(0);
        X509Certificate frontend = CredentialFiles.readCertificates(folder.resolve("frontend.crt")).get(0);
        X509Certificate client = CredentialFiles.readCertificates(folder.resolve("client.crt")).get(0);

        assertTrue(ca.getBasicConstraints() >= 0, "ca.crt is a CA");
        assertEquals(-1, frontend.getBasicConstraints());
        assertEquals(List.of(SERVER_AUTH), frontend.getExtendedKeyUsage());
        assertEquals(List.of(CLIENT_AUTH), client.getExtendedKeyUsage());
        var sans = frontend.getSubjectAlternativeNames().stream().map(entry -> entry.get(0) + ":" + entry.get(1)).toList();
        assertEquals(List.of("2:cadence-frontend", "2:localhost", "7:127.0.0.1"), sans);
        assertTrue(frontend.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(365))));

        validate(frontend, ca);
        validate(client, ca);
        assertKeyMatches(CredentialFiles.readPrivateKey(folder.resolve("frontend.key")), frontend);
        assertKeyMatches(CredentialFiles.readPrivateKey(folder.resolve("client.key")), client);
    }

    private static void validate(X509Certificate leaf, X509Certificate ca) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    private static void assertKeyMatches(java.security.PrivateKey key, X509Certificate cert) throws Exception {
        byte[] data = "sample".getBytes();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        assertTrue(verifier.verify(signature), "the key belongs to " + cert.getSubjectX500Principal());
    }
}
