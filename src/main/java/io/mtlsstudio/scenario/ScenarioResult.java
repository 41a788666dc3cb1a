package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.StepId;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one scenario row.
 *
 * @param scenario       the row
 * @param verdict        PASS when the actual outcome matches the expectation, FAIL when it does not, NOT_RUN otherwise
 * @param actual         SUCCESS or FAIL; null when the row did not run to its end
 * @param failedStep     the step where the attempt failed; null on success or when the row did not run
 * @param failureCode    the failure code, for example {@code CLIENT_CERT_REQUIRED}; null on success or when the row did not run
 * @param failureMessage the failure's explanation; empty on success or when the row did not run
 * @param elapsed        time from the start of the attempt to its report; zero when the row did not run
 * @param target         the {@code host:port} dialled; empty when the row did not run
 * @param reason         why the verdict is FAIL or NOT_RUN; empty for PASS
 * @param serverVerdict  the embedded frontend's trust manager verdict on the client certificate, or empty
 * @param report         the complete probe report, for the timeline; null when no attempt started
 */
public record ScenarioResult(Scenario scenario, Verdict verdict, Outcome actual, StepId failedStep, String failureCode,
                             String failureMessage, Duration elapsed, String target, String reason, String serverVerdict,
                             ProbeReport report) {

    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(verdict, "verdict");
        failureMessage = failureMessage == null ? "" : failureMessage;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
        target = target == null ? "" : target;
        reason = reason == null ? "" : reason;
        serverVerdict = serverVerdict == null ? "" : serverVerdict;
    }

    /** Creates the result of a row that did not run, with the reason. */
    public static ScenarioResult notRun(Scenario scenario, String reason) {
        return new ScenarioResult(scenario, Verdict.NOT_RUN, null, null, null, "", Duration.ZERO, "", reason, "", null);
    }

    /**
     * Judges a finished attempt against the row's expectation. A CANCELLED report gives a
     * NOT_RUN result that keeps the partial report.
     */
    public static ScenarioResult judge(Scenario scenario, ProbeReport report, Duration elapsed, String serverVerdict) {
        if (report.result() == ProbeReport.Result.CANCELLED) {
            return new ScenarioResult(scenario, Verdict.NOT_RUN, null, report.failedStep(), null, "", elapsed,
                    report.target(), "Cancelled while running.", serverVerdict, report);
        }

        Outcome actual = report.result() == ProbeReport.Result.SUCCESS ? Outcome.SUCCESS : Outcome.FAIL;
        Optional<Finding> failure = actual == Outcome.FAIL ? report.failure() : Optional.empty();
        String code = failure.map(Finding::code).orElse(null);
        String message = failure.map(Finding::message).orElse("");
        StepId step = actual == Outcome.FAIL ? report.failedStep() : null;

        String mismatch = scenario.expected().mismatch(actual, step, code);
        Verdict verdict = mismatch == null ? Verdict.PASS : Verdict.FAIL;
        return new ScenarioResult(scenario, verdict, actual, step, code, message, elapsed, report.target(), mismatch,
                serverVerdict, report);
    }

    /** Returns the label of the Server column. */
    public String serverMode() {
        return scenario.server().title();
    }

    /** Returns the label of the Client column. */
    public String clientMode() {
        return scenario.clientMode();
    }

    /** Returns the expected outcome as text, for example "Fail at VERIFY_CLIENT (CLIENT_CERT_REQUIRED)". */
    public String expected() {
        return scenario.expected().describe();
    }

    /** Returns the actual outcome as text, for example "Fail at VERIFY_CLIENT (CLIENT_CERT_REQUIRED)"; "Not run" when it did not run. */
    public String describeActual() {
        if (actual == null) {
            return "Not run";
        }
        if (actual == Outcome.SUCCESS) {
            return actual.label();
        }
        return actual.label() + " at " + failedStep + (failureCode == null ? "" : " (" + failureCode + ")");
    }
}
