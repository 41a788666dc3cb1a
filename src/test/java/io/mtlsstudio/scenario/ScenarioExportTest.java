package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.StepId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioExportTest {

    private static final String HEADER = "Group,Row,Scenario,Server,Client,Expected,Actual,Verdict,Failed step,Failure code,"
            + "Message,Time (ms),Target,Reason,Server verdict";

    /** Builds a report of three rows: green, red with a message that needs escaping, and not run. */
    private static ScenarioReport sampleReport() {
        Scenario rowOne = ScenarioTable.byId("1");
        Scenario rowTwoB = ScenarioTable.byId("2b");
        Scenario foreignCa = ScenarioTable.byId("foreign-ca");
        ScenarioResult green = new ScenarioResult(rowOne, Verdict.PASS, Outcome.SUCCESS, null, null, "", Duration.ofMillis(12),
                "127.0.0.1:7834", "", "", null);
        ScenarioResult red = new ScenarioResult(rowTwoB, Verdict.FAIL, Outcome.FAIL, StepId.SERVER_CERTIFICATE, "SERVER_PLAINTEXT",
                "He said \"no TLS\", twice | really\nsecond line", Duration.ofNanos(4_560_000), "127.0.0.1:7833",
                "Expected Fail at VERIFY_CLIENT (CLIENT_CERT_REQUIRED), but it failed elsewhere.", "", null);
        ScenarioResult skipped = ScenarioResult.notRun(foreignCa, "This row needs a secured server (mutual TLS), and none was given.");
        return new ScenarioReport("user servers: secured 127.0.0.1:7833", Instant.parse("2025-01-02T03:04:05Z"),
                Duration.ofMillis(1_250), List.of(green, red, skipped), false, "");
    }

    @Test
    void csvHasHeaderAndOneLinePerRow() {
        String csv = ScenarioExport.csv(sampleReport());

        String[] lines = csv.split("\r\n", -1);
        assertEquals(HEADER, lines[0]);
        assertEquals("Cadence mutual TLS testing table,1,\"Unsecured server, unsecured client\",Unsecured (TLS off),"
                + "Unsecured (no TLS),Success,Success,PASS,,,,12.0,127.0.0.1:7834,,", lines[1]);
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaks() {
        String csv = ScenarioExport.csv(sampleReport());

        assertTrue(csv.contains(",FAIL,SERVER_CERTIFICATE,SERVER_PLAINTEXT,\"He said \"\"no TLS\"\", twice | really\nsecond line\",4.6,"),
                csv);
    }

    @Test
    void csvLeavesTimeEmptyForRowsNotRun() {
        String csv = ScenarioExport.csv(sampleReport());

        assertTrue(csv.contains("Fail at VERIFY_CLIENT (CLIENT_CERT_REQUIRED or CLIENT_CERT_REJECTED),Not run,NOT RUN,,,,,,"
                + "\"This row needs a secured server (mutual TLS), and none was given.\","), csv);
    }

    @Test
    void markdownHasHeaderAndGroupTables() {
        String markdown = ScenarioExport.markdown(sampleReport());

        assertTrue(markdown.startsWith("# Mutual TLS scenario results\n\n- Servers: user servers: secured 127.0.0.1:7833\n"
                + "- Started: 2025-01-02T03:04:05Z\n- Result: 1 passed, 1 failed, 1 not run in 1.3 s\n"), markdown);
        assertTrue(markdown.contains("\n## Cadence mutual TLS testing table\n\n| Row | Scenario | Server | Client | Expected | Actual "
                + "| Verdict | Failed step | Failure code | Message | Time (ms) | Target | Reason | Server verdict |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"), markdown);
        assertTrue(markdown.contains("\n## Common faults\n"), markdown);
        assertTrue(markdown.contains("| 1 | Unsecured server, unsecured client | Unsecured (TLS off) | Unsecured (no TLS) | Success "
                + "| Success | PASS |  |  |  | 12.0 | 127.0.0.1:7834 |  |  |\n"), markdown);
    }

    @Test
    void markdownEscapesPipesAndLineBreaks() {
        String markdown = ScenarioExport.markdown(sampleReport());

        assertTrue(markdown.contains("| He said \"no TLS\", twice \\| really<br>second line | 4.6 |"), markdown);
        for (String line : markdown.split("\n")) {
            if (line.startsWith("| 2b ")) {
                assertEquals(16, line.split("(?<!\\\\)\\|", -1).length, line);
            }
        }
    }

    @Test
    void markdownSkipsEmptyGroupsAndShowsSetupError() {
        ScenarioReport failed = new ScenarioReport("embedded frontends on 127.0.0.1", Instant.EPOCH, Duration.ZERO,
                List.of(ScenarioResult.notRun(ScenarioTable.byId("1"), "Not run: The embedded Secured (mutual TLS) frontend could not start: boom")),
                false, "The embedded Secured (mutual TLS) frontend could not start: boom");

        String markdown = ScenarioExport.markdown(failed);

        assertTrue(markdown.contains("- Set-up error: The embedded Secured (mutual TLS) frontend could not start: boom\n"), markdown);
        assertFalse(markdown.contains("## Common faults"), markdown);
    }

    @Test
    void exportOfRealRunListsEveryRow() throws InterruptedException {
        ScenarioReport report = ScenarioRunner.run(ScenarioSettings.embedded(ScenarioCredentials.none())
                .groups(EnumSet.of(ScenarioGroup.CADENCE_TABLE)).build());

        String csv = ScenarioExport.csv(report);
        String[] lines = csv.split("\r\n");
        assertEquals(6, lines.length, csv);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].contains(",PASS,"), lines[i]);
        }
        assertTrue(ScenarioExport.markdown(report).contains("| 2a | Secured server, client with no TLS at all | Secured (mutual TLS) "
                + "| Unsecured (no TLS) | Fail at ACCESS_GRANTED (SERVER_EXPECTS_TLS or PEER_CLOSED or PEER_RESET) "
                + "| Fail at ACCESS_GRANTED (SERVER_EXPECTS_TLS) | PASS | ACCESS_GRANTED | SERVER_EXPECTS_TLS |"));
    }
}
