package io.mtlsstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.pki.PemFiles;
import io.mtlsstudio.testing.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenariosCommandTest {

    /** The output, error output and exit status of one command line run. */
    private record Run(int status, String out, String err) {
    }

    private static Run scenarios(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = MtlsStudioCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>();
        all.add("scenarios");
        all.addAll(List.of(args));
        int status = commandLine.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void embeddedTableExitsZero() {
        Run run = scenarios();

        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().startsWith("Scenarios on embedded frontends on 127.0.0.1, bundled sample credentials\n"), run.out());
        assertTrue(run.out().contains("\nCadence mutual TLS testing table\nROW "), run.out());
        assertTrue(run.out().contains("\nCommon faults\nROW "), run.out());
        assertTrue(run.out().contains("13 passed, 0 failed, 0 not run in "), run.out());
        assertFalse(run.out().contains("Rows that are not green"), run.out());
        for (String id : List.of("1 ", "2a ", "2b ", "3 ", "4 ", "foreign-ca ", "rejection-tls13 ")) {
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith(id) && line.contains("  PASS  ")), id + "\n" + run.out());
        }
    }

    @Test
    void embeddedTableTextAlignsColumns() {
        Run run = scenarios("--cadence-table-only");

        List<String> rows = run.out().lines().filter(line -> line.startsWith("ROW ") || line.matches("^[0-9][ab]? {2,}.*")).toList();
        assertEquals(6, rows.size(), run.out());
        int verdictColumn = rows.get(0).indexOf("VERDICT");
        for (String row : rows.subList(1, rows.size())) {
            assertEquals("PASS", row.substring(verdictColumn, verdictColumn + 4), row);
        }
        assertTrue(rows.get(3).contains("Fail at VERIFY_CLIENT (CLIENT_CERT_REQUIRED)"), rows.get(3));
    }

    @Test
    void jsonListsEveryRow() throws IOException {
        Run run = scenarios("--json");

        assertEquals(0, run.status(), run.err());
        JsonNode root = ReportJson.mapper().readTree(run.out());
        assertEquals("embedded frontends on 127.0.0.1", root.get("servers").asText());
        assertEquals(13, root.get("passed").asInt());
        assertEquals(0, root.get("failed").asInt());
        assertEquals(0, root.get("notRun").asInt());
        assertTrue(root.get("allRunPassed").asBoolean());
        assertTrue(root.get("setupError").isNull());
        assertEquals(13, root.get("rows").size());

        JsonNode rowTwoB = root.get("rows").get(2);
        assertEquals("2b", rowTwoB.get("id").asText());
        assertEquals("CADENCE_TABLE", rowTwoB.get("group").asText());
        assertEquals("MUTUAL_TLS", rowTwoB.get("server").asText());
        assertEquals("TLS_WITHOUT_CERTIFICATE", rowTwoB.get("client").asText());
        assertEquals("FAIL", rowTwoB.get("expected").get("outcome").asText());
        assertEquals("VERIFY_CLIENT", rowTwoB.get("expected").get("step").asText());
        assertEquals("CLIENT_CERT_REQUIRED", rowTwoB.get("expected").get("codes").get(0).asText());
        assertEquals("FAIL", rowTwoB.get("actual").asText());
        assertEquals("PASS", rowTwoB.get("verdict").asText());
        assertEquals("VERIFY_CLIENT", rowTwoB.get("failedStep").asText());
        assertEquals("CLIENT_CERT_REQUIRED", rowTwoB.get("failureCode").asText());
        assertTrue(rowTwoB.get("elapsedMicros").asLong() > 0);
        assertEquals("FAILURE", rowTwoB.get("report").get("result").asText());
        assertEquals("VERIFY_CLIENT", rowTwoB.get("report").get("failedStep").asText());
        assertEquals(7, rowTwoB.get("report").get("steps").size());

        JsonNode rowFour = root.get("rows").get(4);
        assertEquals("SUCCESS", rowFour.get("actual").asText());
        assertTrue(rowFour.get("failedStep").isNull());
        assertEquals("SUCCESS", rowFour.get("report").get("result").asText());
    }

    @Test
    void plaintextSecuredServerExitsOne() throws IOException {
        try (EmbeddedFrontend plaintext = EmbeddedFrontend.start(FrontendSettings.plaintext(0))) {
            Run run = scenarios("--secured", plaintext.target(), "--unsecured", plaintext.target(), "--cadence-table-only");

            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("2 passed, 3 failed, 0 not run"), run.out());
            assertTrue(run.out().contains("\nRows that are not green\n  2a  FAIL  Secured server, client with no TLS at all\n"
                    + "      Expected Fail at ACCESS_GRANTED"), run.out());
            assertTrue(run.out().contains("      SERVER_PLAINTEXT at SERVER_CERTIFICATE: "), run.out());
        }
    }

    @Test
    void plaintextSecuredServerJsonMarksRowsRed() throws IOException {
        try (EmbeddedFrontend plaintext = EmbeddedFrontend.start(FrontendSettings.plaintext(0))) {
            Run run = scenarios("--secured", plaintext.target(), "--cadence-table-only", "--json");

            assertEquals(1, run.status(), run.err());
            JsonNode rows = ReportJson.mapper().readTree(run.out()).get("rows");
            assertEquals("NOT_RUN", rows.get(0).get("verdict").asText());
            assertEquals("FAIL", rows.get(1).get("verdict").asText());
            assertEquals("SUCCESS", rows.get(1).get("actual").asText());
            assertEquals("FAIL", rows.get(2).get("verdict").asText());
            assertEquals("NOT_RUN", rows.get(3).get("verdict").asText());
            assertEquals("FAIL", rows.get(4).get("verdict").asText());
            assertTrue(rows.get(0).get("report").isNull());
        }
    }

    @Test
    void userServersWithFilesRunGreen(@TempDir Path folder) throws IOException {
        Credentials pki = Credentials.shared();
        PemFiles.writeCertificates(folder.resolve("ca.crt"), List.of(pki.ca.certificate()));
        PemFiles.writePrivateKey(folder.resolve("ca.key"), pki.ca.key());
        PemFiles.writeCertificates(folder.resolve("client.crt"), List.of(pki.client.certificate()));
        PemFiles.writePrivateKey(folder.resolve("client.key"), pki.client.key());
        var chain = List.of(pki.frontend.certificate());

        try (EmbeddedFrontend mutual = EmbeddedFrontend.start(FrontendSettings.mutualTls(0, chain, pki.frontend.key(),
                     List.of(pki.ca.certificate())));
             EmbeddedFrontend plain = EmbeddedFrontend.start(FrontendSettings.plaintext(0));
             EmbeddedFrontend tls = EmbeddedFrontend.start(FrontendSettings.tls(0, chain, pki.frontend.key()))) {
            Run run = scenarios("--secured", mutual.target(), "--unsecured", plain.target(), "--tls-only", tls.target(),
                    "--cert", folder.resolve("client.crt").toString(), "--key", folder.resolve("client.key").toString(),
                    "--ca", folder.resolve("ca.crt").toString(), "--ca-key", folder.resolve("ca.key").toString());

            assertEquals(0, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("13 passed, 0 failed, 0 not run"), run.out());
            assertTrue(run.out().startsWith("Scenarios on user servers: secured " + mutual.target()), run.out());
            assertTrue(run.out().contains(", client certificate " + folder.resolve("client.crt")), run.out());
        }
    }

    @Test
    void missingServerRowsDoNotFailTheRun() throws IOException {
        try (EmbeddedFrontend plaintext = EmbeddedFrontend.start(FrontendSettings.plaintext(0))) {
            Run run = scenarios("--unsecured", plaintext.target(), "--cadence-table-only");

            assertEquals(0, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("2 passed, 0 failed, 3 not run"), run.out());
            assertTrue(run.out().contains("      This row needs a secured server (mutual TLS), and none was given.\n"), run.out());
        }
    }

    @Test
    void embeddedRunWithClientFiles(@TempDir Path folder) throws IOException {
        Credentials pki = Credentials.shared();
        PemFiles.writeCertificates(folder.resolve("ca.crt"), List.of(pki.ca.certificate()));
        PemFiles.writeCertificates(folder.resolve("client.crt"), List.of(pki.client.certificate()));
        PemFiles.writePrivateKey(folder.resolve("client.key"), pki.client.key());

        Run run = scenarios("--cert", folder.resolve("client.crt").toString(), "--key", folder.resolve("client.key").toString(),
                "--ca", folder.resolve("ca.crt").toString());

        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("13 passed, 0 failed, 0 not run"), run.out());
        assertEquals(List.of("ca.crt", "client.crt", "client.key"),
                folder.toFile().list() == null ? List.of() : java.util.Arrays.stream(folder.toFile().list()).sorted().toList());
    }

    @Test
    void invalidTargetExitsTwo() {
        Run run = scenarios("--secured", "nonsense");

        assertEquals(2, run.status());
        assertEquals("error: --secured: Invalid target \"nonsense\": the port is missing. Enter it as HOST:PORT, "
                + "for example 127.0.0.1:7833 or [::1]:7833.\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void certificateWithoutKeyExitsTwo() {
        Run run = scenarios("--cert", "client.crt");

        assertEquals(2, run.status());
        assertEquals("error: --cert was given without --key. Give both, or neither.\n", run.err());
    }

    @Test
    void caKeyWithoutCaExitsTwo() {
        Run run = scenarios("--ca-key", "ca.key");

        assertEquals(2, run.status());
        assertEquals("error: --ca-key needs the CA's certificate in a --ca file.\n", run.err());
    }

    @Test
    void caKeyOfOtherCaExitsTwo(@TempDir Path folder) throws IOException {
        PemFiles.writeCertificates(folder.resolve("ca.crt"), List.of(Credentials.shared().ca.certificate()));
        PemFiles.writePrivateKey(folder.resolve("other.key"), Credentials.fresh().ca.key());

        Run run = scenarios("--ca", folder.resolve("ca.crt").toString(), "--ca-key", folder.resolve("other.key").toString());

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: --ca-key " + folder.resolve("other.key") + ": The CA key belongs to none of the 1 CA "
                + "certificates given."), run.err());
    }

    @Test
    void missingCertificateFileExitsTwo(@TempDir Path folder) {
        Path missing = folder.resolve("missing.crt");

        Run run = scenarios("--cert", missing.toString(), "--key", folder.resolve("missing.key").toString());

        assertEquals(2, run.status());
        assertEquals("error: " + missing + " was not found. Check the path, or choose the file again.\n", run.err());
    }

    @Test
    void unknownOptionExitsTwo() {
        Run run = scenarios("--secure", "127.0.0.1:7833");

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("Unknown options: '--secure'"), run.err());
    }

    @Test
    void zeroTimeoutExitsTwo() {
        Run run = scenarios("--timeout", "0");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("The duration \"0\" must be positive."), run.err());
    }

    @Test
    void helpListsOptions() {
        Run run = scenarios("--help");

        assertEquals(0, run.status());
        for (String option : List.of("--secured", "--unsecured", "--tls-only", "--cert", "--key", "--ca", "--ca-key", "--json",
                "--cadence-table-only", "--timeout")) {
            assertTrue(run.out().contains(option), option);
        }
    }
}
