package io.mtlsstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.pki.SampleCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    private static EmbeddedFrontend frontend;
    private static SampleCredentials sample;

    @BeforeAll
    static void start() throws Exception {
        sample = SampleCredentials.locate();
        frontend = EmbeddedFrontend.start(FrontendSettings.mutualTls(0, sample.loadFrontendChain(), sample.loadFrontendKey(), sample.loadCa()));
    }

    @AfterAll
    static void stop() {
        frontend.close();
    }

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

    @Test
    void checkJsonWithSampleCredentialsPrintsSuccess() throws Exception {
        Run run = run("check", "--json", "--cert", sample.clientCertificate().toString(), "--key", sample.clientKey().toString(),
                "--ca", sample.ca().toString(), frontend.target());

        assertEquals(0, run.status(), run.err());
        JsonNode json = ReportJson.mapper().readTree(run.out());
        assertEquals("SUCCESS", json.get("result").asText());
        assertTrue(json.get("failedStep").isNull());
        assertEquals(7, json.get("steps").size());
        assertTrue(json.get("health").get("ok").asBoolean());
        assertEquals("h2", json.get("negotiated").get("alpn").asText());
    }

    @Test
    void checkJsonWithoutClientCertNamesVerifyClient() throws Exception {
        Run run = run("check", "--json", "--ca", sample.ca().toString(), frontend.target());

        assertEquals(1, run.status());
        JsonNode json = ReportJson.mapper().readTree(run.out());
        assertEquals("FAILURE", json.get("result").asText());
        assertEquals("VERIFY_CLIENT", json.get("failedStep").asText());
        List<String> codes = new ArrayList<>();
        json.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        assertTrue(codes.contains("CLIENT_CERT_REQUIRED"), codes.toString());
    }

    @Test
    void checkTextPrintsEachStepAndResult() {
        Run run = run("check", "--cert", sample.clientCertificate().toString(), "--key", sample.clientKey().toString(),
                "--ca", sample.ca().toString(), frontend.target());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("[PASSED]   ENCRYPTED_CHANNEL"), run.out());
        assertTrue(run.out().contains("SUCCESS: " + frontend.target()), run.out());
    }

    @Test
    void checkMissingCertificateFileExitsTwoNamingIt() {
        Run run = run("check", "--cert", "/nonexistent/client.crt", "--key", sample.clientKey().toString(), frontend.target());

        assertEquals(2, run.status());
        assertTrue(run.err().contains("/nonexistent/client.crt was not found"), run.err());
    }

    @Test
    void checkKeyFileGivenAsCertificateExitsTwo() {
        Run run = run("check", "--cert", sample.clientKey().toString(), "--key", sample.clientKey().toString(), frontend.target());

        assertEquals(2, run.status());
        assertTrue(run.err().contains("a private key but no certificate"), run.err());
    }

    @Test
    void checkUnparsableTargetExitsTwo() {
        Run run = run("check", "127.0.0.1");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("Invalid target \"127.0.0.1\": the port is missing"), run.err());
    }

    @Test
    void checkCertWithoutKeyExitsTwo() {
        Run run = run("check", "--cert", sample.clientCertificate().toString(), frontend.target());

        assertEquals(2, run.status());
        assertTrue(run.err().contains("--cert was given without --key"), run.err());
    }

    @Test
    void checkInvalidTimeoutExitsTwo() {
        Run run = run("check", "--timeout", "soon", frontend.target());

        assertEquals(2, run.status());
        assertTrue(run.err().contains("Invalid duration \"soon\""), run.err());
    }
}
