package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeReport;

/** Turns probe events into one-line log entries for the Log tab. */
public final class EventLog {

    private EventLog() {
    }

    public static String format(ProbeEvent event) {
        String text = switch (event) {
            case ProbeEvent.RunStarted started ->
                    "Run started: " + started.target() + (started.tls() ? " over TLS" : " in plaintext");
            case ProbeEvent.StepChanged changed -> changed.step() + " " + changed.status()
                    + (changed.status().isFinal() && changed.durationMicros() > 0
                    ? " after " + Durations.formatMicros(changed.durationMicros()) : "");
            case ProbeEvent.CheckRecorded recorded -> recorded.step() + " check \"" + recorded.check().name() + "\" "
                    + recorded.check().outcome() + suffix(recorded.check().message());
            case ProbeEvent.EvidenceRecorded recorded -> recorded.step() + " evidence \"" + recorded.evidence().label()
                    + "\"" + suffix(firstLine(recorded.evidence().value()));
            case ProbeEvent.FindingRecorded recorded -> "finding " + recorded.finding().code() + " ("
                    + recorded.finding().severity() + ")"
                    + (recorded.finding().step() == null ? "" : " at " + recorded.finding().step())
                    + suffix(recorded.finding().message());
            case ProbeEvent.RunFinished finished -> "Run finished: " + describe(finished.report());
            case ProbeEvent.RecordObserved observed -> "record " + observed.record().describe();
            case ProbeEvent.ServerObserved observed -> "server " + observed.observation().kind() + " at "
                    + observed.observation().step() + suffix(firstLine(observed.observation().detail()));
        };
        return Durations.formatOffset(event.atMicros()) + "  " + text;
    }

    private static String describe(ProbeReport report) {
        if (report.result() == ProbeReport.Result.SUCCESS) {
            return "SUCCESS";
        }
        return report.result() + (report.failedStep() == null ? "" : " at " + report.failedStep());
    }

    private static String suffix(String message) {
        return message == null || message.isBlank() ? "" : ": " + message;
    }

    /** Returns the first line of a multi-line value, with a count of the lines left out. */
    static String firstLine(String value) {
        String[] lines = value.split("\n", -1);
        if (lines.length <= 1) {
            return value;
        }
        return lines[0] + " (+" + (lines.length - 1) + " more lines)";
    }
}
