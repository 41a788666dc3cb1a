package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per finding code, each on files it makes itself, checking the code, the file named and the fix. */
class CredentialFindingsTest {

    private static TestPki.Issued ca;
    private static TestPki.Issued client;
    private static TestPki.Issued server;

    @TempDir
    Path dir;

    @BeforeAll
    static void issueBaseline() {
        ca = TestCertificate.rootCa("CN=Example Test Root CA");
        client = TestCertificate.clientLeaf(ca, "CN=test-client");
        server = TestCertificate.serverLeaf(ca, "CN=server.example.test", "server.example.test");
    }

    private static Inspection client(List<Path> files, List<Path> caFiles) {
        return CredentialInspector.inspect(files, caFiles, null, Purpose.CLIENT, PasswordSource.NONE);
    }

    private static Inspection server(List<Path> files, List<Path> caFiles, String serverName) {
        return CredentialInspector.inspect(files, caFiles, serverName, Purpose.SERVER, PasswordSource.NONE);
    }

    /** Asserts that the code was reported once, about {@code file}, naming it, with a fix that contains {@code fixPart}. */
    private static Finding assertFinding(Inspection inspection, CredentialCode code, Path file, String fixPart) {
        List<Finding> found = inspection.findings(code);
        assertEquals(1, found.size(), () -> code + " once, in " + inspection.findings());
        Finding finding = found.get(0);
        assertEquals(file.toString(), finding.subject());
        assertTrue(finding.message().contains(file.toString()), () -> "the message names " + file + ": " + finding.message());
        assertTrue(finding.fix().contains(fixPart), () -> "the fix contains \"" + fixPart + "\": " + finding.fix());
        assertEquals(null, finding.step());
        return finding;
    }

    private static void assertCheckFinding(FileCheck check, CredentialCode code, Path file, String fixPart) {
        Finding finding = check.findings().stream().filter(f -> f.code().equals(code.name())).findFirst()
                .orElseThrow(() -> new AssertionError(code + " in " + check.findings()));
        assertEquals(file.toString(), finding.subject());
        assertTrue(finding.message().contains(file.toString()), finding.message());
        assertTrue(finding.fix().contains(fixPart), finding.fix());
    }

    private Path clientFiles() throws IOException {
        TestTools.writeKey(dir.resolve("client.key"), client.key());
        return TestTools.writeCertificates(dir.resolve("client.crt"), client.certificate());
    }

    private Path caFile() throws IOException {
        return TestTools.writeCertificates(dir.resolve("ca.crt"), ca.certificate());
    }

    @Test
    void baselineClientHasNoFindings() throws IOException {
        Inspection inspection = client(List.of(clientFiles(), dir.resolve("client.key")), List.of(caFile()));

        assertEquals(List.of(), inspection.findings());
        assertEquals(CheckStatus.VALID, inspection.status());
        assertEquals(CertificateChain.Status.TRUSTED, inspection.chains().get(0).status());
        assertTrue(inspection.credentials().isPresent());
    }

    @Test
    void fileNotFound() {
        Path missing = dir.resolve("missing.crt");
        Finding finding = assertFinding(client(List.of(missing), List.of()), CredentialCode.FILE_NOT_FOUND, missing, "ls -l " + missing);
        assertEquals(Severity.ERROR, finding.severity());
    }

    @Test
    void fileUnreadableWhenFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("certs"));
        assertFinding(client(List.of(folder), List.of()), CredentialCode.FILE_UNREADABLE, folder, "chmod u+r");
    }

    @Test
    void fileEmpty() throws IOException {
        Path empty = TestTools.write(dir.resolve("client.crt"), "\n  \n");
        assertFinding(client(List.of(empty), List.of()), CredentialCode.FILE_EMPTY, empty, "Copy the file again");
    }

    @Test
    void fileUnrecognizedForBinaryNoise() throws IOException {
        Path noise = Files.write(dir.resolve("client.crt"), new byte[] {0x13, 0x37, 0x00, (byte) 0xff, 0x42, 0x01});
        assertFinding(client(List.of(noise), List.of()), CredentialCode.FILE_UNRECOGNIZED, noise, "openssl storeutl -noout -text " + noise);
    }

    @Test
    void fileUnrecognizedNamesCertificateRequest() {
        TestTools.openssl(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "client.key", "-subj", "/CN=test-client", "-out", "client.csr");
        Path csr = dir.resolve("client.csr");

        Finding finding = assertFinding(client(List.of(csr), List.of()), CredentialCode.FILE_UNRECOGNIZED, csr, "openssl storeutl");
        assertTrue(finding.message().contains("certificate signing request"), finding.message());
        assertTrue(finding.message().contains("openssl x509 -req -in " + csr), finding.message());
    }

    @Test
    void fileDerCertificateIsLoadedAndExplained() throws IOException {
        clientFiles();
        TestTools.openssl(dir, "x509", "-in", "client.crt", "-outform", "DER", "-out", "client.der");
        Path der = dir.resolve("client.der");

        Inspection inspection = client(List.of(der, dir.resolve("client.key")), List.of(caFile()));

        assertFinding(inspection, CredentialCode.FILE_DER, der, "openssl x509 -inform DER -in " + der + " -out " + dir.resolve("client.pem"));
        assertEquals(CertificateChain.Status.TRUSTED, inspection.chains().get(0).status());
        assertTrue(inspection.credentials().isPresent());
    }

    @Test
    void filePkcs7Bundle() throws IOException {
        clientFiles();
        TestTools.openssl(dir, "crl2pkcs7", "-nocrl", "-certfile", "client.crt", "-out", "client.p7b");
        Path bundle = dir.resolve("client.p7b");

        assertFinding(client(List.of(bundle), List.of()), CredentialCode.FILE_PKCS7, bundle, "openssl pkcs7 -print_certs -in " + bundle);
    }

    @Test
    void fileKeystore() throws IOException {
        clientFiles();
        TestTools.openssl(dir, "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-name", "client",
                "-passout", "pass:", "-out", "client.p12");
        Path keystore = dir.resolve("client.p12");

        Inspection inspection = client(List.of(keystore), List.of(caFile()));

        Finding finding = assertFinding(inspection, CredentialCode.FILE_KEYSTORE, keystore, "openssl pkcs12 -in " + keystore + " -nokeys");
        assertEquals(Severity.INFO, finding.severity());
        assertTrue(inspection.credentials().isPresent());
    }

    @Test
    void fileNoCertificateInCertificateSlot() throws IOException {
        Path key = TestTools.writeKey(dir.resolve("client.key"), client.key());

        FileCheck check = CredentialInspector.checkFile(key, FileRole.CERTIFICATE, Purpose.CLIENT, PasswordSource.NONE);

        assertEquals(CheckStatus.ERROR, check.status());
        assertCheckFinding(check, CredentialCode.FILE_NO_CERTIFICATE, key, "-----BEGIN CERTIFICATE-----");
    }

    @Test
    void fileNoKeyInKeySlot() throws IOException {
        Path certificate = clientFiles();

        FileCheck check = CredentialInspector.checkFile(certificate, FileRole.PRIVATE_KEY, Purpose.CLIENT, PasswordSource.NONE);

        assertEquals(CheckStatus.ERROR, check.status());
        assertCheckFinding(check, CredentialCode.FILE_NO_KEY, certificate, "-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void pemBlockCorruptAfterGoodBlockIsWarning() throws IOException {
        String good = PemFiles.toPem(List.of(client.certificate()));
        String broken = PemFiles.toPem(List.of(ca.certificate())).replaceFirst("\n[A-Za-z0-9+/]{10}", "\n!!notbase64");
        Path file = TestTools.write(dir.resolve("client.crt"), good + broken);

        Finding finding = assertFinding(client(List.of(file), List.of()), CredentialCode.PEM_BLOCK_CORRUPT, file, "openssl x509 -noout -in " + file);
        assertEquals(Severity.WARNING, finding.severity());
        assertTrue(finding.message().contains("PEM block 2"), finding.message());
    }

    @Test
    void pemBlockCorruptAloneIsError() throws IOException {
        String text = PemFiles.toPem(List.of(client.certificate()));
        Path file = TestTools.write(dir.resolve("client.crt"), text.substring(0, text.length() / 2) + "\n-----END CERTIFICATE-----\n");

        Finding finding = assertFinding(client(List.of(file), List.of()), CredentialCode.PEM_BLOCK_CORRUPT, file, "openssl x509");
        assertEquals(Severity.ERROR, finding.severity());
    }

    @Test
    void bundleMultipleNamesTheAnchor() throws IOException {
        TestPki.Issued other = TestCertificate.rootCa("CN=Other Root CA");
        Path bundle = TestTools.writeCertificates(dir.resolve("cas.crt"), other.certificate(), ca.certificate());

        Inspection inspection = client(List.of(clientFiles()), List.of(bundle));

        Finding finding = assertFinding(inspection, CredentialCode.BUNDLE_MULTIPLE, bundle, "openssl crl2pkcs7 -nocrl -certfile " + bundle);
        assertTrue(finding.message().contains("[1] CN=Other Root CA"), finding.message());
        assertTrue(finding.message().contains("anchored by [2] CN=Example Test Root CA"), finding.message());
    }

    @Test
    void keyPkcs1FromOpenssl() throws IOException {
        TestTools.openssl(dir, "genrsa", "-traditional", "-out", "client.key", "2048");
        Path key = dir.resolve("client.key");

        Finding finding = assertFinding(client(List.of(key), List.of()), CredentialCode.KEY_PKCS1, key,
                "openssl pkcs8 -topk8 -nocrypt -in " + key + " -out " + dir.resolve("client.pk8.key"));
        assertTrue(finding.message().contains("Java gRPC"), finding.message());
        assertTrue(finding.message().contains("Go crypto/tls"), finding.message());
        assertEquals(KeyFormat.PKCS1_RSA, CredentialInspector.checkFile(key, FileRole.PRIVATE_KEY, Purpose.CLIENT, null).loaded().key().format());
    }

    @Test
    void keySec1AfterEcParametersFromOpenssl() {
        TestTools.openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "client.key");
        Path key = dir.resolve("client.key");

        Finding finding = assertFinding(client(List.of(key), List.of()), CredentialCode.KEY_SEC1, key, "openssl pkcs8 -topk8 -nocrypt -in " + key);
        assertTrue(finding.message().contains("EC PARAMETERS block naming P-256"), finding.message());
    }

    @Test
    void keyEncryptedPkcs8WithPassword() throws IOException {
        TestTools.writeKey(dir.resolve("plain.key"), client.key());
        TestTools.openssl(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "plain.key", "-passout", "pass:s3cret", "-out", "client.key");
        Path key = dir.resolve("client.key");

        Inspection inspection;
        try (PasswordSource.Fixed password = PasswordSource.of("s3cret".toCharArray())) {
            inspection = CredentialInspector.inspect(List.of(key), List.of(), null, Purpose.CLIENT, password);
        }

        Finding finding = assertFinding(inspection, CredentialCode.KEY_ENCRYPTED, key, "openssl pkcs8 -topk8 -nocrypt -in " + key);
        assertTrue(finding.message().contains("PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC)"), finding.message());
    }

    @Test
    void keyPasswordRequiredWithoutPassword() throws IOException {
        TestTools.writeKey(dir.resolve("plain.key"), client.key());
        TestTools.openssl(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "plain.key", "-passout", "pass:s3cret", "-out", "client.key");
        Path key = dir.resolve("client.key");

        assertFinding(client(List.of(key), List.of()), CredentialCode.KEY_PASSWORD_REQUIRED, key, "--password-file");
        assertTrue(CredentialInspector.checkFile(key, FileRole.PRIVATE_KEY, Purpose.CLIENT, PasswordSource.NONE).passwordRequired());
    }

    @Test
    void keyWrongPasswordForLegacyEncryptedPem() throws IOException {
        TestTools.openssl(dir, "genrsa", "-traditional", "-aes256", "-passout", "pass:right", "-out", "client.key", "2048");
        Path key = dir.resolve("client.key");

        Inspection inspection;
        try (PasswordSource.Fixed password = PasswordSource.of("wrong".toCharArray())) {
            inspection = CredentialInspector.inspect(List.of(key), List.of(), null, Purpose.CLIENT, password);
        }

        Finding finding = assertFinding(inspection, CredentialCode.KEY_WRONG_PASSWORD, key, "openssl pkey -noout -in " + key);
        assertTrue(finding.message().contains("Proc-Type: 4,ENCRYPTED"), finding.message());
        assertTrue(inspection.findings(CredentialCode.KEY_PASSWORD_REQUIRED).isEmpty());
    }

    @Test
    void keyCertMismatchNamesTheOwner() throws IOException {
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), client.certificate());
        Path key = TestTools.writeKey(dir.resolve("client.key"), ca.key());

        Finding finding = assertFinding(client(List.of(certificate, key), List.of(caFile())), CredentialCode.KEY_CERT_MISMATCH, key,
                "openssl pkey -pubout -in " + key);
        assertTrue(finding.message().contains("It is the key of CN=Example Test Root CA (" + dir.resolve("ca.crt") + ")"), finding.message());
        assertTrue(finding.message().contains("CN=test-client (" + certificate + ")"), finding.message());
    }

    @Test
    void keyRsaTooShort() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Path key = TestTools.writeKey(dir.resolve("client.key"), generator.generateKeyPair().getPrivate());

        assertFinding(client(List.of(key), List.of()), CredentialCode.KEY_RSA_TOO_SHORT, key, "rsa_keygen_bits:2048");
    }

    @Test
    void keystoreAliasNotFound() throws IOException {
        clientFiles();
        TestTools.openssl(dir, "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-name", "client",
                "-passout", "pass:", "-out", "client.p12");
        Path keystore = dir.resolve("client.p12");

        Inspection inspection = CredentialInspector.inspect(InspectionRequest.builder(Purpose.CLIENT)
                .files(List.of(keystore)).alias("server").build());

        Finding finding = assertFinding(inspection, CredentialCode.KEYSTORE_ALIAS_NOT_FOUND, keystore, "keytool -list -keystore " + keystore);
        assertTrue(finding.message().contains("its key entries are client"), finding.message());
    }

    @Test
    void keystoreNoKeyForTrustStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("root", ca.certificate());
        Path keystore = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, new char[0]);
        }

        assertFinding(client(List.of(keystore), List.of()), CredentialCode.KEYSTORE_NO_KEY, keystore, "--ca " + keystore);
    }

    @Test
    void keystoreMultipleKeysUsesFirstAndSaysSo() throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", client.key(), password, new Certificate[] {client.certificate()});
        store.setKeyEntry("server", server.key(), password, new Certificate[] {server.certificate()});
        Path keystore = dir.resolve("both.p12");
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, password);
        }

        Inspection inspection;
        try (PasswordSource.Fixed source = PasswordSource.of(password)) {
            inspection = CredentialInspector.inspect(List.of(keystore), List.of(), null, Purpose.CLIENT, source);
        }

        Finding finding = assertFinding(inspection, CredentialCode.KEYSTORE_MULTIPLE_KEYS, keystore, "--alias");
        assertTrue(finding.message().contains("client, server") || finding.message().contains("server, client"), finding.message());
    }

    @Test
    void certExpired() throws IOException {
        Instant now = Instant.now();
        TestPki.Issued old = TestCertificate.builder("CN=test-client").issuer(ca).ca(false).keyUsage(KeyUsage.digitalSignature)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35))).issue();
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), old.certificate());

        Finding finding = assertFinding(client(List.of(certificate), List.of(caFile())), CredentialCode.CERT_EXPIRED, certificate,
                "openssl x509 -noout -dates -in " + certificate);
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(finding.message().contains("35 day(s) ago"), finding.message());
    }

    @Test
    void certNotYetValid() throws IOException {
        Instant now = Instant.now();
        TestPki.Issued future = TestCertificate.builder("CN=test-client").issuer(ca).ca(false)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).validity(now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(300))).issue();
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), future.certificate());

        Finding finding = assertFinding(client(List.of(certificate), List.of(caFile())), CredentialCode.CERT_NOT_YET_VALID, certificate,
                "timedatectl");
        assertTrue(finding.message().contains("this machine's clock reads"), finding.message());
    }

    @Test
    void certExpiresSoon() throws IOException {
        Instant now = Instant.now();
        TestPki.Issued soon = TestCertificate.builder("CN=test-client").issuer(ca).ca(false)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(10)).plusSeconds(60)).issue();
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), soon.certificate());

        Finding finding = assertFinding(client(List.of(certificate), List.of(caFile())), CredentialCode.CERT_EXPIRES_SOON, certificate,
                "Renew it");
        assertEquals(Severity.WARNING, finding.severity());
        assertTrue(finding.message().contains("in 10 day(s)"), finding.message());
    }

    @Test
    void certNoSanWithCnOnly() throws IOException {
        TestPki.Issued cnOnly = TestCertificate.builder("CN=server.example.test").issuer(ca).ca(false)
                .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
        Path certificate = TestTools.writeCertificates(dir.resolve("server.crt"), cnOnly.certificate());

        Finding finding = assertFinding(server(List.of(certificate), List.of(caFile()), "server.example.test"), CredentialCode.CERT_NO_SAN,
                certificate, "subjectAltName=DNS:server.example.test");
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(finding.message().contains("only in the CN"), finding.message());
        assertTrue(finding.message().contains("relies on legacy Common Name field"), finding.message());
    }

    @Test
    void certNameMismatchListsTheNames() throws IOException {
        Path certificate = TestTools.writeCertificates(dir.resolve("server.crt"), server.certificate());

        Finding finding = assertFinding(server(List.of(certificate), List.of(caFile()), "other.example.test"), CredentialCode.CERT_NAME_MISMATCH,
                certificate, "--server-name server.example.test");
        assertTrue(finding.message().contains("\"other.example.test\""), finding.message());
        assertTrue(finding.message().contains("DNS:server.example.test"), finding.message());
    }

    @Test
    void certIpNotInSan() throws IOException {
        Path certificate = TestTools.writeCertificates(dir.resolve("server.crt"), server.certificate());

        Finding finding = assertFinding(server(List.of(certificate), List.of(caFile()), "127.0.0.1"), CredentialCode.CERT_IP_NOT_IN_SAN,
                certificate, "subjectAltName=DNS:server.example.test,IP:127.0.0.1");
        assertTrue(finding.fix().contains("--server-name server.example.test"), finding.fix());
    }

    @Test
    void certSelfSigned() throws IOException {
        TestPki.Issued self = TestCertificate.builder("CN=lonely-client").ca(false).extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), self.certificate());

        assertFinding(client(List.of(certificate), List.of()), CredentialCode.CERT_SELF_SIGNED, certificate, "client CA file");
    }

    @Test
    void certSha1Signature() throws IOException {
        TestPki.Issued sha1 = TestCertificate.builder("CN=test-client").issuer(ca).ca(false)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).signatureAlgorithm("SHA1withECDSA").issue();
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), sha1.certificate());

        assertFinding(client(List.of(certificate), List.of()), CredentialCode.CERT_SHA1_SIGNATURE, certificate, "-sha256");
    }

    @Test
    void ekuNoClientAuthForServerOnlyCertificate() throws IOException {
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), server.certificate());

        Finding finding = assertFinding(client(List.of(certificate), List.of(caFile())), CredentialCode.EKU_NO_CLIENT_AUTH, certificate,
                "extendedKeyUsage=clientAuth");
        assertTrue(finding.message().contains("extended key usage is serverAuth"), finding.message());
    }

    @Test
    void ekuNoServerAuthForClientOnlyCertificate() throws IOException {
        Path certificate = TestTools.writeCertificates(dir.resolve("server.crt"), client.certificate());

        assertFinding(server(List.of(certificate), List.of(caFile()), null), CredentialCode.EKU_NO_SERVER_AUTH, certificate,
                "extendedKeyUsage=serverAuth");
    }

    @Test
    void keyUsageWithoutDigitalSignature() throws IOException {
        TestPki.Issued encipherOnly = TestCertificate.builder("CN=test-client").issuer(ca).ca(false).keyUsage(KeyUsage.keyAgreement)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), encipherOnly.certificate());

        assertFinding(client(List.of(certificate), List.of(caFile())), CredentialCode.KU_NO_DIGITAL_SIGNATURE, certificate,
                "keyUsage=critical,digitalSignature");
    }

    @Test
    void caFileHasLeafInsteadOfIssuer() throws IOException {
        Path certificate = clientFiles();
        Path wrongCa = TestTools.writeCertificates(dir.resolve("client-ca.crt"), client.certificate());

        Inspection inspection = client(List.of(certificate), List.of(wrongCa));

        Finding finding = assertFinding(inspection, CredentialCode.CA_FILE_HAS_LEAF, wrongCa, "CN=Example Test Root CA");
        assertEquals(Severity.ERROR, finding.severity());
    }

    @Test
    void caFileHasKey() throws IOException {
        String text = PemFiles.toPem(List.of(ca.certificate())) + PemFiles.toPkcs8Pem(ca.key());
        Path bundle = TestTools.write(dir.resolve("ca.pem"), text);

        assertFinding(client(List.of(clientFiles()), List.of(bundle)), CredentialCode.CA_FILE_HAS_KEY, bundle, "openssl pkcs7 -print_certs");
    }

    @Test
    void caWithoutKeyCertSign() throws IOException {
        TestPki.Issued weakCa = TestCertificate.builder("CN=Weak CA").ca(true).keyUsage(KeyUsage.digitalSignature).issue();
        Path caFile = TestTools.writeCertificates(dir.resolve("ca.crt"), weakCa.certificate());

        assertFinding(client(List.of(), List.of(caFile)), CredentialCode.CA_NO_KEY_CERT_SIGN, caFile, "keyUsage=critical,keyCertSign,cRLSign");
    }

    @Test
    void chainUntrustedWhenServerCaIsAnother() throws IOException {
        TestPki.Issued otherCa = TestCertificate.rootCa("CN=Other Root CA");
        TestPki.Issued otherServer = TestCertificate.serverLeaf(otherCa, "CN=server.example.test", "server.example.test");
        Path certificate = TestTools.writeCertificates(dir.resolve("server.crt"), otherServer.certificate(), otherCa.certificate());

        Inspection inspection = server(List.of(certificate), List.of(caFile()), "server.example.test");

        Finding finding = assertFinding(inspection, CredentialCode.CHAIN_UNTRUSTED, certificate, "CN=Other Root CA");
        assertTrue(finding.message().contains("CN=Example Test Root CA"), finding.message());
        assertTrue(finding.message().contains("not a client-certificate problem"), finding.message());
        assertEquals(CertificateChain.Status.UNTRUSTED, inspection.chains().get(0).status());
    }

    @Test
    void chainUntrustedAgainstDefaultTrustStore() throws IOException {
        Path certificate = TestTools.writeCertificates(dir.resolve("server.crt"), server.certificate(), ca.certificate());

        Finding finding = assertFinding(server(List.of(certificate), List.of(), "server.example.test"), CredentialCode.CHAIN_UNTRUSTED,
                certificate, "--ca");
        assertTrue(finding.message().contains("JDK's default trust store"), finding.message());
    }

    @Test
    void chainIncompleteWithoutIntermediate() throws IOException {
        TestPki.Issued intermediate = TestCertificate.intermediateCa(ca, "CN=Example Intermediate CA");
        TestPki.Issued leaf = TestCertificate.clientLeaf(intermediate, "CN=test-client");
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), leaf.certificate());

        Inspection inspection = client(List.of(certificate), List.of(caFile()));

        Finding finding = assertFinding(inspection, CredentialCode.CHAIN_INCOMPLETE, certificate, "cat intermediate.crt >> " + certificate);
        assertTrue(finding.message().contains("CN=Example Intermediate CA"), finding.message());

        Path complete = TestTools.writeCertificates(dir.resolve("client-chain.crt"), leaf.certificate(), intermediate.certificate());
        Inspection fixed = client(List.of(complete), List.of(dir.resolve("ca.crt")));
        assertEquals(CertificateChain.Status.TRUSTED, fixed.chains().get(0).status());
        assertEquals(3, fixed.chains().get(0).certificates().size());
    }

    @Test
    void chainSignatureInvalidWhenCaWasRegenerated() throws IOException {
        TestPki.Issued regenerated = TestCertificate.rootCa("CN=Example Test Root CA");
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), client.certificate());
        Path caFile = TestTools.writeCertificates(dir.resolve("ca.crt"), regenerated.certificate());

        Inspection inspection = client(List.of(certificate), List.of(caFile));

        assertFinding(inspection, CredentialCode.CHAIN_SIGNATURE_INVALID, certificate, "-ext authorityKeyIdentifier");
        ChainLink link = inspection.chains().get(0).links().get(0);
        assertTrue(link.issuerNameMatches());
        assertEquals(ChainLink.KeyIdentifierMatch.MISMATCH, link.keyIdentifier());
        assertFalse(link.signatureVerified());
    }

    @Test
    void chainInvalidWhenIntermediateIsNotCa() throws IOException {
        TestPki.Issued notCa = TestCertificate.builder("CN=Not A CA").issuer(ca).ca(false).keyUsage(KeyUsage.digitalSignature).issue();
        TestPki.Issued leaf = TestCertificate.clientLeaf(notCa, "CN=test-client");
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), leaf.certificate(), notCa.certificate());

        Finding finding = assertFinding(client(List.of(certificate), List.of(caFile())), CredentialCode.CHAIN_INVALID, certificate,
                "openssl verify -CAfile");
        assertTrue(finding.message().contains("PKIX"), finding.message());
    }

    @Test
    void chainOrderWhenIntermediateComesFirst() throws IOException {
        TestPki.Issued intermediate = TestCertificate.intermediateCa(ca, "CN=Example Intermediate CA");
        TestPki.Issued leaf = TestCertificate.clientLeaf(intermediate, "CN=test-client");
        Path certificate = TestTools.writeCertificates(dir.resolve("client.crt"), intermediate.certificate(), leaf.certificate());

        Inspection inspection = client(List.of(certificate), List.of(caFile()));

        assertFinding(inspection, CredentialCode.CHAIN_ORDER, certificate, "the leaf first");
        assertEquals("CN=test-client", inspection.chains().get(0).leaf().subject());
    }

    @Test
    void everyCodeHasATest() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/mtlsstudio/pki/CredentialFindingsTest.java"));
        for (CredentialCode code : CredentialCode.values()) {
            assertTrue(source.contains("CredentialCode." + code.name() + ","), () -> code + " has no test");
        }
    }
}
