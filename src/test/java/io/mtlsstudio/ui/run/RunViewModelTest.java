package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.FailureCode;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunViewModelTest {

    private final RunViewModel run = new RunViewModel();

    @Test
    void failureNamesStepCodeAndFix() {
        Finding finding = FailureCode.CLIENT_CERT_REQUIRED.finding("127.0.0.1:7833",
                "The server requires a client certificate.", "Choose a client certificate and key.");
        run.preparing("Reading the credential files…");
        run.accept(new ProbeEvent.FindingRecorded(5, finding));
        run.accept(new ProbeEvent.RunFinished(6, report(ProbeReport.Result.FAILURE, StepId.VERIFY_CLIENT, List.of(finding),
                new ProbeReport.Negotiated("TLSv1.3", "TLS_AES_128_GCM_SHA256", "h2"), null, true)));

        assertEquals(ResultKind.FAILURE, run.resultKind());
        assertEquals("VERIFY_CLIENT failed with CLIENT_CERT_REQUIRED: The server requires a client certificate.",
                run.resultTextProperty().get());
        assertEquals("Choose a client certificate and key.", run.resultFixProperty().get());
        assertEquals(StepId.VERIFY_CLIENT, run.failedStepProperty().get());
        assertEquals("TLSv1.3", run.protocolProperty().get());
        assertEquals(RunViewModel.NONE, run.healthProperty().get());
    }

    @Test
    void successCountsPassedSteps() {
        run.preparing("Reading the credential files…");
        run.accept(new ProbeEvent.RunFinished(9, report(ProbeReport.Result.SUCCESS, null, List.of(),
                new ProbeReport.Negotiated("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "h2"),
                new ProbeReport.Health(true, "OK", 1_250), true)));

        assertEquals(ResultKind.SUCCESS, run.resultKind());
        assertEquals("Success: all 7 steps passed against 127.0.0.1:7833. Health answered \"OK\".",
                run.resultTextProperty().get());
        assertEquals("", run.resultFixProperty().get());
        assertEquals("ok, \"OK\" in 1.3 ms", run.healthProperty().get());
        assertEquals("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", run.cipherSuiteProperty().get());
    }

    @Test
    void plaintextSuccessSaysNothingIsEncrypted() {
        run.accept(new ProbeEvent.RunFinished(9, report(ProbeReport.Result.SUCCESS, null, List.of(), null,
                new ProbeReport.Health(true, "OK", 900), false)));

        assertTrue(run.resultTextProperty().get().contains("nothing is encrypted"), run.resultTextProperty().get());
        assertEquals("plaintext (h2c)", run.protocolProperty().get());
    }

    @Test
    void everyEventBecomesLogLineAndIsRecorded() {
        List<ProbeEvent> events = List.of(
                new ProbeEvent.RunStarted(0, "127.0.0.1:7833", true),
                new ProbeEvent.StepChanged(12, StepId.CONNECT, StepStatus.RUNNING, 0),
                new ProbeEvent.StepChanged(2_012, StepId.CONNECT, StepStatus.PASSED, 2_000));
        run.preparing("Reading the credential files…");

        events.forEach(run::accept);

        assertEquals(events, run.recording());
        assertEquals(1 + events.size(), run.log().size(), "the preparing note and one line per event");
        assertEquals("+    2.012 ms  CONNECT PASSED after 2.0 ms", run.log().get(3));
        assertTrue(run.isBusy(), "the run has not finished yet");
    }

    @Test
    void readOnlyListsAreStableViews() {
        assertSame(run.recording(), run.recording(), "the replay listens to this view");
        assertSame(run.log(), run.log());
    }

    @Test
    void eventAfterRunFinishedIsLoggedAsLate() {
        run.preparing("Reading the credential files…");
        run.accept(new ProbeEvent.RunFinished(9, report(ProbeReport.Result.SUCCESS, null, List.of(), null, null, true)));

        run.accept(new ProbeEvent.StepChanged(10, StepId.CONNECT, StepStatus.PASSED, 5));

        assertTrue(run.log().get(run.log().size() - 1).endsWith("(after the run finished)"));
        assertEquals(ResultKind.SUCCESS, run.resultKind(), "the result stands");
    }

    @Test
    void preparingForgetsPreviousRun() {
        run.accept(new ProbeEvent.StepChanged(12, StepId.CONNECT, StepStatus.PASSED, 5));

        run.preparing("Reading the credential files…");

        assertEquals(StepStatus.PENDING, run.timeline().step(StepId.CONNECT).status());
        assertTrue(run.recording().isEmpty());
        assertEquals(ResultKind.PREPARING, run.resultKind());
    }

    @Test
    void inputErrorKeepsStepsAndShowsFix() {
        run.accept(new ProbeEvent.StepChanged(12, StepId.CONNECT, StepStatus.PASSED, 5));

        run.inputError("Invalid target \"x\"", "Correct the marked field.");

        assertEquals(ResultKind.INPUT_ERROR, run.resultKind());
        assertEquals(StepStatus.PASSED, run.timeline().step(StepId.CONNECT).status());
        assertEquals("Correct the marked field.", run.resultFixProperty().get());
        assertFalse(run.isBusy());
    }

    private static ProbeReport report(ProbeReport.Result result, StepId failed, List<Finding> findings,
                                      ProbeReport.Negotiated negotiated, ProbeReport.Health health, boolean tls) {
        List<ProbeReport.StepReport> steps = new ArrayList<>();
        for (StepId id : StepId.values()) {
            StepStatus status = failed == null ? StepStatus.PASSED
                    : id.ordinal() < failed.ordinal() ? StepStatus.PASSED
                    : id == failed ? StepStatus.FAILED : StepStatus.SKIPPED;
            if (!tls && id.ordinal() >= 1 && id.ordinal() <= 4) {
                status = StepStatus.SKIPPED;
            }
            steps.add(new ProbeReport.StepReport(id, status, 0, 10, List.of(), List.of()));
        }
        return new ProbeReport("127.0.0.1:7833", tls, result, failed, steps, findings, negotiated, health, List.of(), List.of(), List.of());
    }
}
