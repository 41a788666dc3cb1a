package io.mtlsstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtlsstudio.pki.PemFiles;
import io.mtlsstudio.pki.TestPki;
import io.mtlsstudio.testing.Credentials;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine commandLine = MtlsStudioCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, TestPki.Issued issued) throws IOException {
        return Files.writeString(dir.resolve(name), PemFiles.toPem(List.of(issued.certificate())));
    }

    private Path writeKey(String name, TestPki.Issued issued) throws IOException {
        Path file = dir.resolve(name);
        PemFiles.writePrivateKey(file, issued.key());
        return file;
    }

    @Test
    void inspectGoodClientExitsZero() throws IOException {
        Credentials pki = Credentials.shared();
        Path certificate = write("client.crt", pki.client);
        Path key = writeKey("client.key", pki.client);
        Path ca = write("ca.crt", pki.ca);

        // The shared test PKI is valid for 30 days, inside the default 30-day expiry warning.
        Run run = run("inspect", "--expiry-warning-days", "7", "--ca", ca.toString(), certificate.toString(), key.toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Chain of CN=test-client (" + certificate + "): TRUSTED"), run.out());
        assertTrue(run.out().contains("issued by CN=Example Test Root CA: issuer name matches, key identifiers match, signature verified"), run.out());
        assertTrue(run.out().contains("Extended key usage  clientAuth"), run.out());
        assertTrue(run.out().contains("Result: VALID"), run.out());
    }

    @Test
    void inspectKeyMismatchExitsOne() throws IOException {
        Credentials pki = Credentials.shared();
        Path certificate = write("client.crt", pki.client);
        Path key = writeKey("client.key", pki.frontend);

        Run run = run("inspect", certificate.toString(), key.toString());

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("ERROR KEY_CERT_MISMATCH (" + key + ")"), run.out());
        assertTrue(run.out().contains("Fix: Use the key that was generated for this certificate"), run.out());
    }

    @Test
    void inspectServerNameImpliesServerPurpose() throws IOException {
        Path certificate = write("frontend.crt", Credentials.shared().frontend);
        Path ca = write("ca.crt", Credentials.shared().ca);

        Run good = run("inspect", "--ca", ca.toString(), "--server-name", "cadence-frontend", certificate.toString());
        Run wrongName = run("inspect", "--ca", ca.toString(), "--server-name", "other.example.test", certificate.toString());

        assertEquals(0, good.exit(), good.out());
        assertEquals(1, wrongName.exit(), wrongName.out());
        assertTrue(wrongName.out().contains("ERROR CERT_NAME_MISMATCH (" + certificate + ")"), wrongName.out());
    }

    @Test
    void inspectJsonHasCertificatesChainsAndFindings() throws Exception {
        Instant now = Instant.now();
        TestPki.Issued ca = Credentials.shared().ca;
        TestPki.Issued expired = TestPki.leaf(ca, "old-client", List.of(), List.of(KeyPurposeId.id_kp_clientAuth), TestPki.KeyType.EC_P256,
                now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(2)));
        Path certificate = write("old.crt", expired);
        Path caFile = write("ca.crt", ca);

        Run run = run("inspect", "--json", "--purpose", "client", "--expiry-warning-days", "7", "--ca", caFile.toString(),
                certificate.toString());

        assertEquals(1, run.exit(), run.err());
        JsonNode root = ReportJson.mapper().readTree(run.out());
        assertEquals("ERROR", root.get("status").asText());
        assertEquals("client", root.get("purpose").asText());
        assertEquals("PEM", root.get("files").get(0).get("format").asText());
        assertEquals("CA", root.get("files").get(1).get("role").asText());
        JsonNode leaf = root.get("certificates").get(0);
        assertEquals("CN=old-client", leaf.get("subject").asText());
        assertEquals("EC P-256", leaf.get("publicKey").asText());
        assertEquals("clientAuth", leaf.get("extendedKeyUsage").get(0).asText());
        assertTrue(leaf.get("pem").asText().startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals(95, leaf.get("sha256").asText().length());
        JsonNode chain = root.get("chains").get(0);
        assertEquals("TRUSTED", chain.get("status").asText());
        assertTrue(chain.get("links").get(0).get("signatureVerified").asBoolean());
        List<String> codes = new ArrayList<>();
        root.get("findings").forEach(finding -> codes.add(finding.get("code").asText()));
        assertEquals(List.of("CERT_EXPIRED"), codes);
        assertEquals(certificate.toString(), root.get("findings").get(0).get("subject").asText());
    }

    @Test
    void inspectPasswordFileDecryptsKey() throws IOException {
        Path key = writeKey("plain.key", Credentials.shared().client);
        Path encrypted = dir.resolve("client.key");
        Process process = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", key.toString(),
                "-passout", "pass:s3cret", "-out", encrypted.toString()).redirectErrorStream(true).start();
        assertEquals(0, waitFor(process));
        Path passwordFile = Files.writeString(dir.resolve("password.txt"), "s3cret\n");

        Run run = run("inspect", "--json", "--password-file", passwordFile.toString(), encrypted.toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("\"format\" : \"PKCS8_ENCRYPTED\""), run.out());
        assertTrue(run.out().contains("KEY_ENCRYPTED"), run.out());
    }

    @Test
    void inspectUsageErrorsExitTwo() throws IOException {
        Path certificate = write("client.crt", Credentials.shared().client);

        Run noFiles = run("inspect");
        Run badPurpose = run("inspect", "--purpose", "both", certificate.toString());
        Run missingPasswordFile = run("inspect", "--password-file", dir.resolve("nope.txt").toString(), certificate.toString());

        assertEquals(2, noFiles.exit());
        assertTrue(noFiles.err().contains("FILE"), noFiles.err());
        assertEquals(2, badPurpose.exit());
        assertTrue(badPurpose.err().contains("Invalid --purpose \"both\". Use client or server."), badPurpose.err());
        assertEquals(2, missingPasswordFile.exit());
        assertTrue(missingPasswordFile.err().contains("nope.txt was not found"), missingPasswordFile.err());
    }

    @Test
    void inspectMissingFileExitsTwo() {
        Path missing = dir.resolve("missing.crt");

        Run run = run("inspect", missing.toString());

        assertEquals(2, run.exit());
        assertTrue(run.out().contains("ERROR FILE_NOT_FOUND (" + missing + ")"), run.out());
        assertTrue(run.out().contains("[ERROR]  " + missing + ": not loaded"), run.out());
    }

    private static int waitFor(Process process) {
        try {
            process.getInputStream().readAllBytes();
            return process.waitFor();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
