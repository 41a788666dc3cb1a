package io.mtlsstudio.cli;

import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.generate.BrokenVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {

    @TempDir
    Path folder;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = MtlsStudioCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static X509Certificate certificate(Path file) throws Exception {
        return CredentialFiles.readCertificates(file).get(0);
    }

    @Test
    void generateWritesGoodSetWithReadme() throws Exception {
        Path out = folder.resolve("pki");

        Run run = run("generate", "--out", out.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Wrote a test PKI to " + out + ":"), run.out());
        for (String name : List.of("README.md", "ca.crt", "ca.key", "frontend.crt", "frontend.key", "client.crt", "client.key")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
            assertTrue(run.out().contains("  " + name), name);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("client.key"))));
        assertTrue(certificate(out.resolve("frontend.crt")).getPublicKey() instanceof ECPublicKey);
        assertFalse(Files.exists(out.resolve("broken")));
    }

    @Test
    void generateRsaWithSansAndBrokenVariants() throws Exception {
        Path out = folder.resolve("pki");

        Run run = run("generate", "--out", out.toString(), "--key-type", "rsa", "--rsa-bits", "3072", "--days", "10",
                "--san", "frontend.example.test", "--san", "10.0.0.5", "--broken-variants");

        assertEquals(0, run.status(), run.err());
        X509Certificate frontend = certificate(out.resolve("frontend.crt"));
        assertEquals(3072, ((RSAPublicKey) frontend.getPublicKey()).getModulus().bitLength());
        assertEquals(List.of("frontend.example.test", "10.0.0.5"),
                frontend.getSubjectAlternativeNames().stream().map(entry -> entry.get(1).toString()).toList());
        for (BrokenVariant variant : BrokenVariant.values()) {
            assertTrue(Files.isRegularFile(out.resolve(variant.certificateFile())), variant.name());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(variant.keyFile()))));
        }
    }

    @Test
    void generateEcP384() throws Exception {
        Path out = folder.resolve("pki");

        Run run = run("generate", "--out", out.toString(), "--key-type", "ec", "--ec-curve", "p384");

        assertEquals(0, run.status(), run.err());
        assertEquals(384, ((ECPublicKey) certificate(out.resolve("ca.crt")).getPublicKey()).getParams().getCurve().getField().getFieldSize());
    }

    @Test
    void generateRefusesExistingFilesWithoutForce() throws Exception {
        Path out = folder.resolve("pki");
        assertEquals(0, run("generate", "--out", out.toString()).status());
        byte[] before = Files.readAllBytes(out.resolve("ca.crt"));

        Run again = run("generate", "--out", out.toString());
        byte[] after = Files.readAllBytes(out.resolve("ca.crt"));
        Run forced = run("generate", "--out", out.toString(), "--force");

        assertEquals(MtlsStudioCommand.EXIT_USAGE, again.status());
        assertTrue(again.err().contains("already exist in " + out), again.err());
        assertTrue(again.err().contains("--force"), again.err());
        assertTrue(java.util.Arrays.equals(before, after));
        assertEquals(0, forced.status(), forced.err());
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("ca.crt"))));
    }

    @Test
    void generateRejectsMismatchedKeyOptions() {
        Run bits = run("generate", "--out", folder.toString(), "--rsa-bits", "3072");
        Run curve = run("generate", "--out", folder.toString(), "--key-type", "rsa", "--ec-curve", "p384");
        Run type = run("generate", "--out", folder.toString(), "--key-type", "dsa");
        Run san = run("generate", "--out", folder.toString(), "--san", "two words");

        assertEquals(MtlsStudioCommand.EXIT_USAGE, bits.status());
        assertTrue(bits.err().contains("--rsa-bits applies to --key-type rsa"), bits.err());
        assertTrue(curve.err().contains("--ec-curve applies to --key-type ec"), curve.err());
        assertTrue(type.err().contains("Invalid --key-type \"dsa\". Use rsa or ec."), type.err());
        assertTrue(san.err().contains("\"two words\" is not a DNS name or IP address"), san.err());
        assertFalse(Files.exists(folder.resolve("ca.crt")));
    }

    @Test
    void generateSampleReproducesSampleCredentials() throws Exception {
        Path out = folder.resolve("sample-credentials");

        Run run = run("generate", "--sample", "--out", out.toString());
        Run again = run("generate", "--sample", "--out", out.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("ca.crt, frontend.crt, frontend.key, client.crt, client.key"), run.out());
        assertEquals(List.of("ca.crt", "client.crt", "client.key", "frontend.crt", "frontend.key"),
                Files.list(out).map(file -> file.getFileName().toString()).sorted().toList());
        assertEquals("CN=cadence-frontend", certificate(out.resolve("frontend.crt")).getSubjectX500Principal().getName());
        assertEquals(MtlsStudioCommand.EXIT_USAGE, again.status());
        assertTrue(again.err().contains("already exist"), again.err());
    }

    @Test
    void generateSampleRejectsOtherOptions() {
        Run run = run("generate", "--sample", "--out", folder.toString(), "--broken-variants");

        assertEquals(MtlsStudioCommand.EXIT_USAGE, run.status());
        assertTrue(run.err().contains("--sample writes the fixed sample set"), run.err());
    }
}
