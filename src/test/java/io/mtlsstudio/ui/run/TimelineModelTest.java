package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Evidence;
import io.mtlsstudio.handshake.FailureCode;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.ServerObservation;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.handshake.WireRecord;
import io.mtlsstudio.ui.RecordedRuns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineModelTest {

    private final TimelineModel timeline = new TimelineModel();

    @Test
    void stepChangesSetStatusAndDuration() {
        timeline.applyAll(List.of(
                new ProbeEvent.RunStarted(0, "127.0.0.1:7833", true),
                new ProbeEvent.StepChanged(10, StepId.CONNECT, StepStatus.RUNNING, 0),
                new ProbeEvent.StepChanged(1_510, StepId.CONNECT, StepStatus.PASSED, 1_500)));

        assertEquals(StepStatus.PASSED, timeline.step(StepId.CONNECT).status());
        assertEquals(1_500, timeline.step(StepId.CONNECT).durationMicros());
        assertEquals(StepStatus.PENDING, timeline.step(StepId.SERVER_CERTIFICATE).status());
        assertEquals("127.0.0.1:7833", timeline.targetProperty().get());
        assertTrue(timeline.startedProperty().get());
    }

    @Test
    void runningStepHasNoDurationYet() {
        timeline.apply(new ProbeEvent.StepChanged(10, StepId.CONNECT, StepStatus.RUNNING, 99));

        assertEquals(0, timeline.step(StepId.CONNECT).durationMicros());
    }

    @Test
    void warningCheckMarksStep() {
        timeline.apply(new ProbeEvent.CheckRecorded(5, StepId.CLIENT_CERTIFICATE,
                Check.warning("Certificate sent", "none was configured")));

        assertTrue(timeline.step(StepId.CLIENT_CERTIFICATE).hasWarning());
        assertFalse(timeline.step(StepId.CONNECT).hasWarning());
    }

    @Test
    void checksAndEvidenceLandOnTheirStep() {
        timeline.apply(new ProbeEvent.CheckRecorded(5, StepId.VERIFY_SERVER, Check.passed("Signature", "ok")));
        timeline.apply(new ProbeEvent.EvidenceRecorded(6, StepId.VERIFY_SERVER, Evidence.of("Name checked", "localhost")));

        assertEquals(List.of(Check.passed("Signature", "ok")), timeline.step(StepId.VERIFY_SERVER).checks());
        assertEquals("localhost", timeline.step(StepId.VERIFY_SERVER).evidence().get(0).value());
        assertTrue(timeline.step(StepId.CONNECT).checks().isEmpty());
    }

    @Test
    void errorFindingBecomesStepFailure() {
        Finding error = FailureCode.CLIENT_CERT_REQUIRED.finding("127.0.0.1:7833", "no certificate", "choose one");
        Finding info = FailureCode.CLIENT_CERT_NOT_REQUESTED.finding("127.0.0.1:7833", "not asked", "");

        timeline.apply(new ProbeEvent.FindingRecorded(5, info));
        timeline.apply(new ProbeEvent.FindingRecorded(6, error));

        assertSame(error, timeline.step(StepId.VERIFY_CLIENT).failure());
        assertNull(timeline.step(StepId.CLIENT_CERTIFICATE).failure(), "an INFO finding is no failure");
        assertEquals(List.of(info, error), timeline.findings());
    }

    @Test
    void serverVerdictLandsOnItsStep() {
        ServerObservation verdict = new ServerObservation(40, StepId.VERIFY_CLIENT,
                ServerObservation.Kind.CLIENT_CERTIFICATE_ACCEPTED, "chains to a configured CA", List.of());
        ServerObservation record = new ServerObservation(41, StepId.CLIENT_CERTIFICATE, ServerObservation.Kind.RECORD,
                "RECEIVED application_data", List.of());

        timeline.apply(new ProbeEvent.ServerObserved(40, verdict));
        timeline.apply(new ProbeEvent.ServerObserved(41, record));

        assertEquals(List.of(verdict), timeline.step(StepId.VERIFY_CLIENT).serverObservations());
        assertTrue(timeline.step(StepId.CLIENT_CERTIFICATE).serverObservations().isEmpty(), "records are not listed");
    }

    @Test
    void recordsArePlacedByStepStart() {
        List<ProbeEvent> events = RecordedRuns.get(RecordedRuns.Kind.SUCCESS_TLS_1_3);
        ProbeReport report = ((ProbeEvent.RunFinished) events.get(events.size() - 1)).report();

        timeline.applyAll(events);

        int placed = 0;
        for (StepId step : StepId.values()) {
            placed += timeline.step(step).records().size();
        }
        assertEquals(report.records().size(), placed, "every record is placed once");
        WireRecord clientHello = report.records().get(0);
        assertEquals(List.of("ClientHello"), clientHello.messages());
        StepId expected = StepId.CONNECT;
        for (ProbeReport.StepReport step : report.steps()) {
            if (step.startedMicros() >= 0 && step.startedMicros() <= clientHello.atMicros()) {
                expected = step.id();
            }
        }
        assertTrue(timeline.step(expected).records().contains(clientHello), "ClientHello is on " + expected);
    }

    @Test
    void readOnlyListsAreStableViews() {
        StepModel step = timeline.step(StepId.CONNECT);

        assertSame(step.checks(), step.checks(), "a listener added to the view must stay attached");
        assertSame(step.evidence(), step.evidence());
        assertSame(timeline.findings(), timeline.findings());
    }

    @Test
    void resetReturnsToPending() {
        timeline.apply(new ProbeEvent.RunStarted(0, "127.0.0.1:7833", false));
        timeline.apply(new ProbeEvent.StepChanged(10, StepId.CONNECT, StepStatus.FAILED, 7));
        timeline.apply(new ProbeEvent.FindingRecorded(11,
                FailureCode.CONNECTION_REFUSED.finding("127.0.0.1:7833", "refused", "start it")));

        timeline.reset();

        assertEquals(StepStatus.PENDING, timeline.step(StepId.CONNECT).status());
        assertNull(timeline.step(StepId.CONNECT).failure());
        assertTrue(timeline.findings().isEmpty());
        assertTrue(timeline.tlsProperty().get());
        assertFalse(timeline.startedProperty().get());
        assertNull(timeline.lastEventProperty().get());
    }
}
