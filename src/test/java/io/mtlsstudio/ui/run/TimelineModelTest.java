package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Evidence;
import io.mtlsstudio.handshake.FailureCode;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
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
