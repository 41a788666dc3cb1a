package io.mtlsstudio.ui.export;

import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Evidence;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.ui.RecordedRuns;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportTest {

    private static final Instant GENERATED = Instant.parse("2026-12-04T20:00:00Z");

    @Test
    void successReportHoldsStepsAndParameters() {
        ProbeReport report = report(RecordedRuns.Kind.SUCCESS_TLS_1_3);

        String markdown = MarkdownReport.render(report, "TLS 1.3, negotiated", GENERATED);

        assertTrue(markdown.startsWith("# mTLS Studio report: " + report.target() + "\n"), markdown);
        assertTrue(markdown.contains("- Result: **SUCCESS**\n"));
        assertTrue(markdown.contains("- Generated: 2026-12-04 20:00:00 UTC\n"));
        assertTrue(markdown.contains("- Transport: TLS (TLS 1.3, negotiated)\n"));
        assertTrue(markdown.contains("- Negotiated: " + report.negotiated().protocol() + ", "
                + report.negotiated().cipherSuite() + ", ALPN h2\n"));
        assertTrue(markdown.contains("- Health: ok, \"OK\" in "));
        for (ProbeReport.StepReport step : report.steps()) {
            String number = Integer.toString(step.id().ordinal() + 1);
            assertTrue(markdown.contains("| " + number + " | " + step.id().title() + " | PASSED | "), step.id().name());
            assertTrue(markdown.contains("### " + number + ". " + step.id().title() + ": PASSED ("), step.id().name());
            for (Check check : step.checks()) {
                assertTrue(markdown.contains("- " + check.outcome() + " **" + check.name() + "**"), check.name());
            }
        }
        assertTrue(markdown.contains("## Findings\n\nNo findings.\n"));
    }

    @Test
    void successReportSummarisesBothChains() {
        String markdown = MarkdownReport.render(report(RecordedRuns.Kind.SUCCESS_TLS_1_3), "", GENERATED);

        assertTrue(markdown.contains("Server chain, as the server sent it:\n\n| # | Subject | Issuer | Valid | Role |"));
        assertTrue(markdown.contains("| 0 | CN=cadence-frontend | CN=mTLS Studio Sample Root CA | "), markdown);
        assertTrue(markdown.contains("Client chain, as the client sent it:"));
        assertTrue(markdown.contains("| 0 | CN=mtls-studio-client | CN=mTLS Studio Sample Root CA | "));
        assertTrue(markdown.contains("  - [0] CN=cadence-frontend — issued by CN=mTLS Studio Sample Root CA\n"),
                "certificate evidence lists subject and issuer");
    }

    @Test
    void reportListsServerSideAndRecords() {
        ProbeReport report = report(RecordedRuns.Kind.SUCCESS_TLS_1_3);

        String markdown = MarkdownReport.render(report, "", GENERATED);

        assertTrue(markdown.contains("## Server side (embedded frontend)\n"), markdown);
        assertTrue(markdown.contains("| VERIFY_CLIENT | CLIENT_CERTIFICATE_ACCEPTED | "), markdown);
        assertTrue(markdown.contains("## TLS records on the client's socket\n"));
        assertTrue(markdown.contains("| SENT | handshake | TLS 1.2 | "), "the ClientHello record");
        assertTrue(markdown.contains(" | ClientHello |"));
        long rows = markdown.lines().filter(line -> line.matches("\\| \\+ *[0-9.]+ ms \\| .*")).count();
        assertEquals(report.records().size(), rows, "one row per record");
    }

    @Test
    void reportHoldsNoKeyOrCertificateEncoding() {
        String markdown = MarkdownReport.render(report(RecordedRuns.Kind.SUCCESS_TLS_1_3), "", GENERATED);

        assertFalse(markdown.contains("PRIVATE KEY"));
        assertFalse(markdown.contains("BEGIN CERTIFICATE"));
        assertFalse(markdown.contains("public x coord"), "the JDK's certificate dump stays out");
    }

    @Test
    void failureReportNamesCodeAndFix() {
        ProbeReport report = report(RecordedRuns.Kind.NO_CLIENT_CERTIFICATE_TLS_1_3);
        Finding failure = report.failure().orElseThrow();

        String markdown = MarkdownReport.render(report, "TLS 1.3, negotiated", GENERATED);

        assertTrue(markdown.contains("- Result: **FAILURE** at `VERIFY_CLIENT`: `CLIENT_CERT_REQUIRED`\n"), markdown);
        assertTrue(markdown.contains("### `CLIENT_CERT_REQUIRED` (ERROR, VERIFY_CLIENT)\n"));
        assertTrue(markdown.contains(failure.message() + "\n\n**Fix:** " + failure.fix() + "\n"));
        assertTrue(markdown.contains("| 5 | Verify client | FAILED | "));
        assertTrue(markdown.contains("| 6 | Access granted | SKIPPED | not run |"));
        assertTrue(markdown.contains("### 7. Encrypted channel: SKIPPED\n"));
        for (Finding finding : report.findings()) {
            assertTrue(markdown.contains("### `" + finding.code() + "`"), finding.code());
        }
    }

    @Test
    void multiLineEvidenceBecomesCodeBlock() {
        ProbeReport report = report(RecordedRuns.Kind.NO_CLIENT_CERTIFICATE_TLS_1_3);

        String markdown = MarkdownReport.render(report, "", GENERATED);

        assertTrue(markdown.contains("- Error:\n\n  ```text\n  gRPC status UNAVAILABLE"), markdown);
    }

    @Test
    void tableCellsEscapePipes() {
        List<ProbeReport.StepReport> steps = new ArrayList<>();
        for (StepId id : StepId.values()) {
            steps.add(new ProbeReport.StepReport(id, StepStatus.PASSED, 0, 5, List.of(),
                    List.of(Evidence.of("Note", "a|b"))));
        }
        Finding finding = new Finding("CUSTOM", Severity.INFO, StepId.CONNECT, "x|y", "a message", "");
        ProbeReport report = new ProbeReport("host:1", true, ProbeReport.Result.SUCCESS, null, steps, List.of(finding),
                null, null, List.of(), List.of(), List.of());

        String markdown = MarkdownReport.render(report, "", GENERATED);

        assertTrue(markdown.contains("- Note: `a|b`"), "inline code keeps the pipe");
        assertTrue(markdown.contains("- Negotiated: no TLS session\n"));
        assertTrue(markdown.contains("- Health: no answer\n"));
        assertTrue(markdown.contains("No certificates were exchanged.\n"));
        assertFalse(markdown.contains("**Fix:**"), "no fix line without a fix");
    }

    private static ProbeReport report(RecordedRuns.Kind kind) {
        List<ProbeEvent> events = RecordedRuns.get(kind);
        return ((ProbeEvent.RunFinished) events.get(events.size() - 1)).report();
    }
}
