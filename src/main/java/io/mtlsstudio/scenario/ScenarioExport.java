package io.mtlsstudio.scenario;

import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ScenarioReport} as Markdown or CSV. Both list the rows in table order with the
 * same columns; the verdict is text (PASS, FAIL, NOT RUN), so the table reads without colour.
 */
public final class ScenarioExport {

    /** Column headers shared by both formats. */
    public static final List<String> COLUMNS = List.of("Group", "Row", "Scenario", "Server", "Client", "Expected", "Actual",
            "Verdict", "Failed step", "Failure code", "Message", "Time (ms)", "Target", "Reason", "Server verdict");

    private ScenarioExport() {
    }

    /**
     * Returns a Markdown document: a header with where the rows ran and the summary, then one
     * table per group. Pipes and line breaks inside cells are escaped so that every row stays one line.
     */
    public static String markdown(ScenarioReport report) {
        StringBuilder text = new StringBuilder();
        text.append("# Mutual TLS scenario results\n\n");
        text.append("- Servers: ").append(report.servers()).append('\n');
        text.append("- Started: ").append(report.startedAt()).append('\n');
        text.append("- Result: ").append(report.summary()).append('\n');
        if (!report.setupError().isEmpty()) {
            text.append("- Set-up error: ").append(markdownCell(report.setupError())).append('\n');
        }

        for (ScenarioGroup group : ScenarioGroup.values()) {
            List<ScenarioResult> rows = report.results().stream().filter(result -> result.scenario().group() == group).toList();
            if (rows.isEmpty()) {
                continue;
            }
            text.append("\n## ").append(group.title()).append("\n\n");
            List<String> columns = COLUMNS.subList(1, COLUMNS.size());
            text.append("| ").append(String.join(" | ", columns)).append(" |\n");
            text.append("|").append("---|".repeat(columns.size())).append('\n');
            for (ScenarioResult result : rows) {
                List<String> cells = cells(result).subList(1, COLUMNS.size());
                text.append("| ");
                for (int i = 0; i < cells.size(); i++) {
                    text.append(i == 0 ? "" : " | ").append(markdownCell(cells.get(i)));
                }
                text.append(" |\n");
            }
        }
        return text.toString();
    }

    /** Returns CSV as RFC 4180 describes it: a header line, one line per row, CRLF line ends, quoted fields where needed. */
    public static String csv(ScenarioReport report) {
        StringBuilder text = new StringBuilder();
        appendCsvLine(text, COLUMNS);
        for (ScenarioResult result : report.results()) {
            appendCsvLine(text, cells(result));
        }
        return text.toString();
    }

    /** Returns the cells of one row, in the order of {@link #COLUMNS}. */
    static List<String> cells(ScenarioResult result) {
        Scenario scenario = result.scenario();
        return List.of(
                scenario.group().title(),
                scenario.id(),
                scenario.title(),
                result.serverMode(),
                result.clientMode(),
                result.expected(),
                result.describeActual(),
                result.verdict().label(),
                result.failedStep() == null ? "" : result.failedStep().name(),
                result.failureCode() == null ? "" : result.failureCode(),
                result.failureMessage(),
                result.actual() == null && result.report() == null ? ""
                        : String.format(Locale.ROOT, "%.1f", result.elapsed().toNanos() / 1e6),
                result.target(),
                result.reason(),
                result.serverVerdict());
    }

    private static String markdownCell(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }

    private static void appendCsvLine(StringBuilder text, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(csvField(fields.get(i)));
        }
        text.append("\r\n");
    }

    private static String csvField(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
