package io.mtlsstudio.ui.export;

import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Evidence;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.ServerObservation;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.WireRecord;
import io.mtlsstudio.ui.run.Certificates;
import io.mtlsstudio.ui.run.Durations;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a probe run as a Markdown report for tickets and slides: the target and outcome, each
 * step with its timing, checks and evidence, the findings with their fixes, and the negotiated
 * parameters. Summaries of the certificates seen, the embedded frontend's observations and the
 * TLS records follow. Certificates appear as subject, issuer
 * and validity only; the report never contains key material.
 */
public final class MarkdownReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private MarkdownReport() {
    }

    /**
     * Renders {@code report}.
     *
     * @param protocolNote how the handshake was drawn, for example "TLS 1.3, negotiated"
     * @param generatedAt  the time written into the report
     */
    public static String render(ProbeReport report, String protocolNote, Instant generatedAt) {
        StringBuilder out = new StringBuilder();
        out.append("# mTLS Studio report: ").append(report.target()).append("\n\n");
        summary(out, report, protocolNote, generatedAt);
        stepTable(out, report);
        for (ProbeReport.StepReport step : report.steps()) {
            stepSection(out, step);
        }
        findings(out, report.findings());
        certificates(out, report);
        serverSide(out, report.serverLane());
        records(out, report.records());
        return out.toString();
    }

    private static void summary(StringBuilder out, ProbeReport report, String protocolNote, Instant generatedAt) {
        String outcome = switch (report.result()) {
            case SUCCESS -> "**SUCCESS**";
            case CANCELLED -> "**CANCELLED**" + (report.failedStep() == null ? "" : " at " + code(report.failedStep().name()));
            case FAILURE -> "**FAILURE**" + (report.failedStep() == null ? "" : " at " + code(report.failedStep().name()))
                    + report.failure().map(finding -> ": " + code(finding.code())).orElse("");
        };
        out.append("- Result: ").append(outcome).append('\n');
        out.append("- Generated: ").append(TIME.format(generatedAt)).append('\n');
        out.append("- Transport: ").append(report.tls() ? "TLS" : "plaintext (h2c)");
        if (protocolNote != null && !protocolNote.isBlank()) {
            out.append(" (").append(protocolNote).append(')');
        }
        out.append('\n');
        ProbeReport.Negotiated negotiated = report.negotiated();
        out.append("- Negotiated: ").append(negotiated == null ? "no TLS session"
                : negotiated.protocol() + ", " + negotiated.cipherSuite() + ", ALPN " + negotiated.alpn()).append('\n');
        ProbeReport.Health health = report.health();
        out.append("- Health: ").append(health == null ? "no answer"
                : (health.ok() ? "ok" : "not ok") + ", \"" + health.message() + "\" in "
                + Durations.formatMicros(health.roundTripMicros())).append("\n\n");
    }

    private static void stepTable(StringBuilder out, ProbeReport report) {
        out.append("## Steps\n\n| # | Step | Status | Duration |\n|---|---|---|---|\n");
        for (ProbeReport.StepReport step : report.steps()) {
            out.append("| ").append(step.id().ordinal() + 1)
                    .append(" | ").append(cell(step.id().title()))
                    .append(" | ").append(step.status())
                    .append(" | ").append(step.startedMicros() < 0 ? "not run" : Durations.formatMicros(step.durationMicros()))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static void stepSection(StringBuilder out, ProbeReport.StepReport step) {
        StepId id = step.id();
        out.append("### ").append(id.ordinal() + 1).append(". ").append(id.title()).append(": ").append(step.status());
        if (step.startedMicros() >= 0) {
            out.append(" (").append(Durations.formatMicros(step.durationMicros())).append(')');
        }
        out.append("\n\n").append(id.summary()).append(".\n\n");

        if (!step.checks().isEmpty()) {
            out.append("Checks:\n\n");
            for (Check check : step.checks()) {
                out.append("- ").append(check.outcome()).append(" **").append(check.name()).append("**");
                if (!check.message().isBlank()) {
                    out.append(": ").append(oneLine(check.message()));
                }
                out.append('\n');
            }
            out.append('\n');
        }
        if (!step.evidence().isEmpty()) {
            out.append("Evidence:\n\n");
            for (Evidence evidence : step.evidence()) {
                evidence(out, evidence);
            }
            out.append('\n');
        }
    }

    private static void evidence(StringBuilder out, Evidence evidence) {
        out.append("- ").append(evidence.label()).append(':');
        if (!evidence.certificates().isEmpty()) {
            out.append('\n');
            for (String line : Certificates.summaries(evidence.certificates())) {
                out.append("  - ").append(line).append('\n');
            }
        } else if (evidence.value().contains("\n")) {
            out.append("\n\n  ```text\n");
            for (String line : evidence.value().split("\n")) {
                out.append("  ").append(line.replace("```", "'''")).append('\n');
            }
            out.append("  ```\n");
        } else {
            out.append(' ').append(code(evidence.value())).append('\n');
        }
    }

    private static void findings(StringBuilder out, List<Finding> findings) {
        out.append("## Findings\n\n");
        if (findings.isEmpty()) {
            out.append("No findings.\n\n");
            return;
        }
        for (Finding finding : findings) {
            out.append("### ").append(code(finding.code())).append(" (").append(finding.severity());
            if (finding.step() != null) {
                out.append(", ").append(finding.step());
            }
            out.append(")\n\n");
            if (!finding.subject().isBlank()) {
                out.append("Concerns: ").append(oneLine(finding.subject())).append("\n\n");
            }
            out.append(finding.message()).append("\n\n");
            if (!finding.fix().isBlank()) {
                out.append("**Fix:** ").append(finding.fix()).append("\n\n");
            }
        }
    }

    private static void certificates(StringBuilder out, ProbeReport report) {
        out.append("## Certificates\n\n");
        List<X509Certificate> client = clientChain(report);
        if (report.serverChain().isEmpty() && client.isEmpty()) {
            out.append("No certificates were exchanged.\n");
            return;
        }
        if (!report.serverChain().isEmpty()) {
            out.append("Server chain, as the server sent it:\n\n");
            certificateTable(out, report.serverChain());
        }
        if (!client.isEmpty()) {
            out.append("Client chain, as the client sent it:\n\n");
            certificateTable(out, client);
        }
    }

    private static void serverSide(StringBuilder out, List<ServerObservation> lane) {
        List<ServerObservation> shown = lane.stream()
                .filter(observation -> observation.kind() != ServerObservation.Kind.RECORD)
                .toList();
        if (shown.isEmpty()) {
            return;
        }
        out.append("\n## Server side (embedded frontend)\n\n| Step | Observation | Detail |\n|---|---|---|\n");
        for (ServerObservation observation : shown) {
            out.append("| ").append(observation.step())
                    .append(" | ").append(observation.kind())
                    .append(" | ").append(cell(observation.detail()))
                    .append(" |\n");
        }
    }

    private static void records(StringBuilder out, List<WireRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        out.append("\n## TLS records on the client's socket\n\n| Time | Direction | Type | Version | Bytes | Content |\n"
                + "|---|---|---|---|---|---|\n");
        for (WireRecord record : records) {
            String content = !record.messages().isEmpty() ? String.join(", ", record.messages())
                    : record.alert() != null ? "alert " + record.alert()
                    : record.encrypted() ? "encrypted" : "";
            out.append("| ").append(Durations.formatOffset(record.atMicros()).strip())
                    .append(" | ").append(record.direction())
                    .append(" | ").append(record.contentTypeName())
                    .append(" | ").append(record.versionName())
                    .append(" | ").append(record.length())
                    .append(" | ").append(cell(content))
                    .append(" |\n");
        }
    }

    private static void certificateTable(StringBuilder out, List<X509Certificate> chain) {
        out.append("| # | Subject | Issuer | Valid | Role |\n|---|---|---|---|---|\n");
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            out.append("| ").append(i)
                    .append(" | ").append(cell(Certificates.subject(cert)))
                    .append(" | ").append(cell(Certificates.issuer(cert)))
                    .append(" | ").append(cell(Certificates.validity(cert)))
                    .append(" | ").append(Certificates.role(cert))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static List<X509Certificate> clientChain(ProbeReport report) {
        return report.step(StepId.CLIENT_CERTIFICATE).evidence().stream()
                .filter(evidence -> !evidence.certificates().isEmpty())
                .map(Evidence::certificates)
                .findFirst()
                .orElse(List.of());
    }

    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static String code(String text) {
        String value = oneLine(text);
        return value.contains("`") ? "``" + value + "``" : "`" + value + "`";
    }
}
