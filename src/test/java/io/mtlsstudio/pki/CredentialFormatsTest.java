package io.mtlsstudio.pki;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads each certificate, key and keystore form that people have, and checks each key against its certificate. */
class CredentialFormatsTest {

    private static TestPki.Issued ca;
    private static TestPki.Issued client;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        ca = TestCertificate.rootCa("CN=Example Test Root CA");
        client = TestCertificate.clientLeaf(ca, "CN=test-client");
    }

    /** A password source that counts requests and remembers the arrays it handed out, to check they were zeroed. */
    private static final class RecordingPasswords implements PasswordSource {
        private final String password;
        final List<char[]> handedOut = new ArrayList<>();
        final List<PasswordRequest> requests = new ArrayList<>();

        RecordingPasswords(String password) {
            this.password = password;
        }

        @Override
        public char[] password(PasswordRequest request) {
            requests.add(request);
            char[] copy = password.toCharArray();
            handedOut.add(copy);
            return copy;
        }

        void assertAllZeroed() {
            for (char[] array : handedOut) {
                assertArrayEquals(new char[array.length], array, "a password array handed to the loader was not zeroed");
            }
        }
    }

    /** Makes a self-signed certificate for an openssl key so that the pair can be checked. */
    private Path certificateFor(String keyFile) {
        String certificate = keyFile + ".crt";
        TestTools.openssl(dir, "req", "-x509", "-new", "-key", keyFile, "-subj", "/CN=format-test", "-days", "30", "-out", certificate,
                "-passin", "pass:s3cret");
        return dir.resolve(certificate);
    }

    private static void assertKeyMatches(Path certificate, LoadedFile key) throws CredentialException {
        X509Certificate leaf = CredentialFiles.readCertificates(certificate).get(0);
        assertTrue(KeyMatch.matches(key.key().key(), leaf.getPublicKey()), "the key matches its certificate");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "RSA 2048 PKCS#1;   genrsa -traditional -out k.pem 2048;                                 PKCS1_RSA; RSA 2048",
            "RSA 3072 PKCS#8;   genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out k.pem;    PKCS8;     RSA 3072",
            "EC P-256 SEC1;     ecparam -name prime256v1 -genkey -out k.pem;                         SEC1_EC;   EC P-256",
            "EC P-384 SEC1;     ecparam -name secp384r1 -genkey -noout -out k.pem;                   SEC1_EC;   EC P-384",
            "EC P-521 PKCS#8;   genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-521 -out k.pem;  PKCS8;     EC P-521",
            "Ed25519 PKCS#8;    genpkey -algorithm ed25519 -out k.pem;                               PKCS8;     Ed25519",
    })
    void opensslKeyLoadsAndMatchesCertificate(String name, String command, KeyFormat format, String description) throws Exception {
        TestTools.openssl(dir, command.strip().split(" +"));
        Path key = dir.resolve("k.pem");

        LoadedFile loaded = CredentialLoader.load(key, PasswordSource.NONE);

        assertEquals(format, loaded.key().format());
        assertEquals(description, loaded.key().description());
        assertKeyMatches(certificateFor("k.pem"), loaded);
    }

    @Test
    void sec1KeyWithoutParametersBlockLoads() throws Exception {
        TestTools.openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "k.pem");

        LoadedFile loaded = CredentialLoader.load(dir.resolve("k.pem"), PasswordSource.NONE);

        assertEquals(KeyFormat.SEC1_EC, loaded.key().format());
        assertEquals(null, loaded.key().ecParameters());
        assertKeyMatches(certificateFor("k.pem"), loaded);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "encrypted PKCS#8 PBES2 AES-256; pkcs8 -topk8 -v2 aes-256-cbc -in plain.pem -passout pass:s3cret -out k.pem; PKCS8_ENCRYPTED",
            "encrypted PKCS#8 PBES2 DES3;    pkcs8 -topk8 -v2 des3 -in plain.pem -passout pass:s3cret -out k.pem;        PKCS8_ENCRYPTED",
            "legacy PEM RSA AES-256;         rsa -in plain.pem -traditional -aes256 -passout pass:s3cret -out k.pem;     LEGACY_ENCRYPTED_PKCS1_RSA",
    })
    void encryptedRsaKeyAsksOnceAndZeroesPassword(String name, String command, KeyFormat format) throws Exception {
        TestTools.openssl(dir, "genrsa", "-traditional", "-out", "plain.pem", "2048");
        TestTools.openssl(dir, command.strip().split(" +"));
        Path key = dir.resolve("k.pem");
        RecordingPasswords passwords = new RecordingPasswords("s3cret");

        LoadedFile loaded = CredentialLoader.load(key, passwords);

        assertEquals(format, loaded.key().format());
        assertEquals(1, passwords.requests.size());
        assertEquals(PasswordRequest.Target.PRIVATE_KEY, passwords.requests.get(0).target());
        passwords.assertAllZeroed();
        assertKeyMatches(certificateFor("plain.pem"), loaded);
    }

    @Test
    void legacyEncryptedEcKeyLoads() throws Exception {
        TestTools.openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "plain.pem");
        TestTools.openssl(dir, "ec", "-in", "plain.pem", "-aes256", "-passout", "pass:s3cret", "-out", "k.pem");

        LoadedFile loaded;
        try (PasswordSource.Fixed password = PasswordSource.of("s3cret".toCharArray())) {
            loaded = CredentialLoader.load(dir.resolve("k.pem"), password);
        }

        assertEquals(KeyFormat.LEGACY_ENCRYPTED_SEC1_EC, loaded.key().format());
        assertTrue(loaded.key().encryption().contains("AES-256-CBC"), loaded.key().encryption());
        assertKeyMatches(certificateFor("plain.pem"), loaded);
    }

    @Test
    void unencryptedKeyNeverAsksForPassword() throws Exception {
        Path key = TestTools.writeKey(dir.resolve("client.key"), client.key());
        RecordingPasswords passwords = new RecordingPasswords("unused");

        LoadedFile loaded = CredentialLoader.load(key, passwords);

        assertEquals(KeyFormat.PKCS8, loaded.key().format());
        assertEquals(List.of(), passwords.requests);
    }

    @Test
    void readPrivateKeyRaisesPasswordRequired() throws Exception {
        TestTools.writeKey(dir.resolve("plain.pem"), client.key());
        TestTools.openssl(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "plain.pem", "-passout", "pass:s3cret", "-out", "k.pem");

        PasswordRequiredException required = assertThrows(PasswordRequiredException.class,
                () -> CredentialFiles.readPrivateKey(dir.resolve("k.pem")));
        assertEquals(CredentialCode.KEY_PASSWORD_REQUIRED, required.code());
        assertTrue(required.request().prompt().contains("k.pem"));

        try (PasswordSource.Fixed wrong = PasswordSource.of("nope".toCharArray())) {
            WrongPasswordException exception = assertThrows(WrongPasswordException.class,
                    () -> CredentialFiles.readPrivateKey(dir.resolve("k.pem"), wrong));
            assertEquals(CredentialCode.KEY_WRONG_PASSWORD, exception.code());
        }
    }

    @Test
    void derKeysLoad() throws Exception {
        TestTools.openssl(dir, "genrsa", "-traditional", "-out", "rsa.pem", "2048");
        TestTools.openssl(dir, "rsa", "-in", "rsa.pem", "-traditional", "-outform", "DER", "-out", "rsa.der");
        TestTools.openssl(dir, "pkcs8", "-topk8", "-nocrypt", "-in", "rsa.pem", "-outform", "DER", "-out", "rsa.pk8.der");
        TestTools.openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem");
        TestTools.openssl(dir, "ec", "-in", "ec.pem", "-outform", "DER", "-out", "ec.der");

        LoadedFile pkcs1 = CredentialLoader.load(dir.resolve("rsa.der"), null);
        LoadedFile pkcs8 = CredentialLoader.load(dir.resolve("rsa.pk8.der"), null);
        LoadedFile sec1 = CredentialLoader.load(dir.resolve("ec.der"), null);

        assertEquals(KeyFormat.PKCS1_RSA, pkcs1.key().format());
        assertTrue(pkcs1.key().der());
        assertEquals(KeyFormat.PKCS8, pkcs8.key().format());
        assertEquals(KeyFormat.SEC1_EC, sec1.key().format());
        assertEquals(FileFormat.DER, sec1.format());
        assertKeyMatches(certificateFor("rsa.pem"), pkcs1);
        assertKeyMatches(dir.resolve("rsa.pem.crt"), pkcs8);
        assertKeyMatches(certificateFor("ec.pem"), sec1);
    }

    @Test
    void pemBundleWithTextAndCrlfLoads() throws Exception {
        String pem = "subject=CN=test-client\nissuer=CN=Example Test Root CA\n" + PemFiles.toPem(List.of(client.certificate()))
                + "\nsome notes between the blocks\n" + PemFiles.toPem(List.of(ca.certificate())) + "trailing text\n";
        Path file = TestTools.write(dir.resolve("bundle.pem"), pem.replace("\n", "\r\n"));

        LoadedFile loaded = CredentialLoader.load(file, null);

        assertEquals(FileFormat.PEM, loaded.format());
        assertEquals(List.of(client.certificate(), ca.certificate()), loaded.certificates());
        assertEquals(List.of(), loaded.corruptBlocks());
    }

    @Test
    void pemWithUtf8ByteOrderMarkLoads() throws Exception {
        byte[] pem = PemFiles.toPem(List.of(client.certificate())).getBytes(StandardCharsets.US_ASCII);
        byte[] withBom = new byte[pem.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(pem, 0, withBom, 3, pem.length);
        Path file = Files.write(dir.resolve("client.crt"), withBom);

        assertEquals(List.of(client.certificate()), CredentialLoader.load(file, null).certificates());
    }

    @Test
    void derAndPkcs7CertificatesLoad() throws Exception {
        TestTools.writeCertificates(dir.resolve("chain.pem"), client.certificate(), ca.certificate());
        TestTools.openssl(dir, "x509", "-in", "chain.pem", "-outform", "DER", "-out", "client.der");
        TestTools.openssl(dir, "crl2pkcs7", "-nocrl", "-certfile", "chain.pem", "-out", "chain.p7b");
        TestTools.openssl(dir, "crl2pkcs7", "-nocrl", "-certfile", "chain.pem", "-outform", "DER", "-out", "chain.p7b.der");

        LoadedFile der = CredentialLoader.load(dir.resolve("client.der"), null);
        LoadedFile p7bPem = CredentialLoader.load(dir.resolve("chain.p7b"), null);
        LoadedFile p7bDer = CredentialLoader.load(dir.resolve("chain.p7b.der"), null);

        assertEquals(FileFormat.DER, der.format());
        assertEquals(List.of(client.certificate()), der.certificates());
        assertEquals(FileFormat.PKCS7_PEM, p7bPem.format());
        assertEquals(2, p7bPem.certificates().size());
        assertTrue(p7bPem.certificates().containsAll(List.of(client.certificate(), ca.certificate())));
        assertEquals(FileFormat.PKCS7_DER, p7bDer.format());
        assertEquals(2, p7bDer.certificates().size());
    }

    @Test
    void systemCaBundleLoads() throws Exception {
        Path bundle = Path.of("/etc/ssl/certs/ca-certificates.crt");
        long blocks = Files.readString(bundle, StandardCharsets.ISO_8859_1).lines().filter(line -> line.startsWith("-----BEGIN CERTIFICATE")).count();

        LoadedFile loaded = CredentialLoader.load(bundle, null);

        assertEquals(blocks, loaded.certificates().size());
        assertTrue(blocks > 100, "the system bundle holds over 100 certificates");
    }

    @Test
    void pkcs12WithPasswordGivesCertificateAndKeyTogether() throws Exception {
        TestTools.writeCertificates(dir.resolve("client.crt"), client.certificate(), ca.certificate());
        TestTools.writeKey(dir.resolve("client.key"), client.key());
        TestTools.openssl(dir, "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-name", "client",
                "-passout", "pass:s3cret", "-out", "client.pfx");
        RecordingPasswords passwords = new RecordingPasswords("s3cret");

        LoadedFile loaded = CredentialLoader.load(dir.resolve("client.pfx"), passwords);

        assertEquals(FileFormat.PKCS12, loaded.format());
        assertEquals("client", loaded.keystore().chosenAlias());
        assertEquals(client.certificate(), loaded.certificates().get(0));
        assertTrue(KeyMatch.matches(loaded.key().key(), client.certificate().getPublicKey()));
        assertEquals(1, passwords.requests.size());
        passwords.assertAllZeroed();
    }

    @Test
    void pkcs12WrongPasswordIsItsOwnOutcome() {
        TestTools.openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "k.pem", "-subj", "/CN=x", "-days", "1", "-out", "c.pem");
        TestTools.openssl(dir, "pkcs12", "-export", "-in", "c.pem", "-inkey", "k.pem", "-passout", "pass:right", "-out", "c.p12");

        try (PasswordSource.Fixed wrong = PasswordSource.of("wrong".toCharArray())) {
            CredentialException exception = assertThrows(WrongPasswordException.class, () -> CredentialLoader.load(dir.resolve("c.p12"), wrong));
            assertEquals(CredentialCode.KEY_WRONG_PASSWORD, exception.code());
        }
        assertThrows(PasswordRequiredException.class, () -> CredentialLoader.load(dir.resolve("c.p12"), PasswordSource.NONE));
    }

    @Test
    void jksFromKeytoolWithAliasChoice() throws Exception {
        TestTools.writeCertificates(dir.resolve("client.crt"), client.certificate());
        TestTools.writeKey(dir.resolve("client.key"), client.key());
        TestTools.openssl(dir, "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-name", "client",
                "-passout", "pass:s3cret", "-out", "client.p12");
        TestTools.keytool(dir, "-importkeystore", "-noprompt", "-srckeystore", "client.p12", "-srcstoretype", "PKCS12",
                "-srcstorepass", "s3cret", "-destkeystore", "client.jks", "-deststoretype", "JKS", "-deststorepass", "s3cret");
        TestTools.keytool(dir, "-importcert", "-noprompt", "-alias", "root", "-file", "client.crt",
                "-keystore", "client.jks", "-storepass", "s3cret");
        Path keystore = dir.resolve("client.jks");

        LoadedFile loaded;
        try (PasswordSource.Fixed password = PasswordSource.of("s3cret".toCharArray())) {
            loaded = CredentialLoader.load(keystore, password, "CLIENT");
        }

        assertEquals(FileFormat.JKS, loaded.format());
        assertEquals("client", loaded.keystore().chosenAlias());
        assertEquals(List.of("root"), loaded.keystore().trustedAliases());
        assertEquals(KeyFormat.KEYSTORE_ENTRY, loaded.key().format());
        assertTrue(KeyMatch.matches(loaded.key().key(), client.certificate().getPublicKey()));
    }

    @Test
    void inspectionCredentialsAreUsableForTheProbe() throws Exception {
        TestTools.openssl(dir, "genrsa", "-traditional", "-out", "client.key", "2048");
        Path certificate = certificateFor("client.key");

        Inspection inspection = CredentialInspector.inspect(List.of(certificate, dir.resolve("client.key")), List.of(), null,
                Purpose.CLIENT, null);

        Inspection.Credentials credentials = inspection.credentials().orElseThrow();
        assertEquals(CredentialFiles.readCertificates(certificate), credentials.chain());
        assertInstanceOf(java.security.interfaces.RSAPrivateCrtKey.class, credentials.key());
        assertFalse(credentials.toString().contains(credentials.key().toString()));
    }

    @Test
    void loadedKeyToStringHoldsNoKeyMaterial() throws Exception {
        Path key = TestTools.writeKey(dir.resolve("client.key"), client.key());

        LoadedFile loaded = CredentialLoader.load(key, null);

        String text = loaded.toString() + loaded.key();
        String encoded = java.util.HexFormat.of().formatHex(Arrays.copyOfRange(client.key().getEncoded(), 36, 52));
        assertFalse(text.toLowerCase().contains(encoded), text);
        assertNotNull(loaded.key().description());
    }

    @Test
    void passwordFileReadsFirstLineOnly() throws IOException, CredentialException {
        Path file = TestTools.write(dir.resolve("password.txt"), "s3cret\nsecond line\n");

        try (PasswordSource.Fixed password = PasswordSource.fromFile(file)) {
            assertArrayEquals("s3cret".toCharArray(), password.password(null));
        }
    }
}
