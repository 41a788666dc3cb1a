package io.mtlsstudio.ui.findings;

import io.mtlsstudio.pki.PemFiles;
import io.mtlsstudio.pki.TestPki;
import org.bouncycastle.asn1.x509.KeyPurposeId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Writes credential files the way users get them: PEM from the test PKI, and keys made by openssl. */
public final class TestFiles {

    /** A root CA, a frontend certificate and a client certificate valid for a year, made once per test JVM. */
    public static final Pki PKI = new Pki();

    private TestFiles() {
    }

    /** A small PKI whose certificates stay far from their expiry, so that no CERT_EXPIRES_SOON appears. */
    public static final class Pki {
        public final TestPki.Issued ca;
        public final TestPki.Issued frontend;
        public final TestPki.Issued client;

        private Pki() {
            Instant start = Instant.now().minus(Duration.ofMinutes(1));
            Instant end = start.plus(Duration.ofDays(365));
            ca = TestPki.rootCa("Window Test Root CA", TestPki.KeyType.EC_P256, start, end);
            frontend = TestPki.leaf(ca, "cadence-frontend", TestPki.FRONTEND_NAMES, List.of(KeyPurposeId.id_kp_serverAuth),
                    TestPki.KeyType.EC_P256, start, end);
            client = TestPki.leaf(ca, "window-test-client", List.of(), List.of(KeyPurposeId.id_kp_clientAuth),
                    TestPki.KeyType.EC_P256, start, end);
        }
    }

    /** Writes the certificate of {@code issued} to {@code dir/name}. */
    public static Path writeCertificate(Path dir, String name, TestPki.Issued issued) throws IOException {
        Path file = dir.resolve(name);
        PemFiles.writeCertificates(file, List.of(issued.certificate()));
        return file;
    }

    /** Writes the private key of {@code issued} to {@code dir/name} as PKCS#8, owner-only. */
    public static Path writeKey(Path dir, String name, TestPki.Issued issued) throws IOException {
        Path file = dir.resolve(name);
        PemFiles.writePrivateKey(file, issued.key());
        return file;
    }

    /** Runs {@code openssl ARGS...} in {@code dir} and fails the test with its output when it fails. */
    public static void openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed with exit " + process.exitValue() + ":\n" + output);
            }
        } catch (IOException e) {
            throw new AssertionError("openssl cannot be run; install it to make the test's key files: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Writes the CA's certificate as {@code ca.crt} and its key as {@code ca.key} in {@code dir}. */
    public static void writeCa(Path dir, TestPki.Issued ca) throws IOException {
        PemFiles.writeCertificates(dir.resolve("ca.crt"), List.of(ca.certificate()));
        PemFiles.writePrivateKey(dir.resolve("ca.key"), ca.key());
    }

    /**
     * Makes a client certificate {@code <name>.crt} with clientAuth for the key {@code <name>.key}
     * in {@code dir}, issued by {@code ca.crt} and {@code ca.key} of the same folder.
     */
    public static Path issueClientCertificate(Path dir, String name) throws IOException {
        Files.writeString(dir.resolve("client.ext"),
                "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n");
        openssl(dir, "req", "-new", "-key", name + ".key", "-subj", "/CN=" + name, "-out", name + ".csr");
        openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-extfile", "client.ext", "-days", "90", "-out", name + ".crt");
        return dir.resolve(name + ".crt");
    }

    /** Makes a PKCS#1 RSA key {@code <name>.key} (BEGIN RSA PRIVATE KEY) with openssl. */
    public static Path pkcs1Key(Path dir, String name) {
        openssl(dir, "genrsa", "-traditional", "-out", name + ".key", "2048");
        return dir.resolve(name + ".key");
    }

    /** Makes an RSA key {@code <name>.key} encrypted as PKCS#8 with PBES2 and AES-256-CBC under {@code password}. */
    public static Path encryptedKey(Path dir, String name, String password) {
        openssl(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes-256-cbc",
                "-pass", "pass:" + password, "-out", name + ".key");
        return dir.resolve(name + ".key");
    }
}
