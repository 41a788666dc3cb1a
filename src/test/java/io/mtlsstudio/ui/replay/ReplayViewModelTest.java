package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.ui.RecordedRuns;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay driven by hand-fed frame times over real recorded runs; no JavaFX toolkit is needed. */
class ReplayViewModelTest {

    private static final long MILLIS = 1_000_000;

    private final ObservableList<ProbeEvent> recording = FXCollections.observableArrayList();
    private final ReplayViewModel replay = new ReplayViewModel(recording);

    @Test
    void autoPlayStartsWithFirstEvent() {
        assertTrue(replay.isPlaying(), "waits for the first event");

        recording.add(RecordedRuns.get(RecordedRuns.Kind.SUCCESS_TLS_1_3).get(0));

        assertTrue(replay.isPlaying());
        assertEquals(0, replay.position(), "the first event waits for its beat");
    }

    @Test
    void autoPlayOffWaitsForPlay() {
        replay.autoPlayProperty().set(false);
        recording.clear();
        recording.add(RecordedRuns.get(RecordedRuns.Kind.SUCCESS_TLS_1_3).get(0));
        recording.clear();
        recording.addAll(success());

        assertFalse(replay.isPlaying());
        replay.advance(10_000 * MILLIS);
        assertEquals(0, replay.position());
    }

    @Test
    void autoPlayOffStopsWaiting() {
        replay.autoPlayProperty().set(false);

        recording.addAll(success());

        assertFalse(replay.isPlaying());
        replay.advance(10_000 * MILLIS);
        assertEquals(0, replay.position());
    }

    @Test
    void normalSpeedShowsEventAfterItsBeat() {
        recording.addAll(success());

        replay.advance(Pace.RUN_STARTED_MILLIS * MILLIS - 1);
        assertEquals(0, replay.position());
        replay.advance(1);
        assertEquals(1, replay.position());
        assertTrue(replay.shown().startedProperty().get());
    }

    @Test
    void doubleSpeedHalvesTheWait() {
        recording.addAll(success());
        replay.speedProperty().set(ReplaySpeed.DOUBLE);

        replay.advance(Pace.RUN_STARTED_MILLIS / 2 * MILLIS);

        assertEquals(1, replay.position());
    }

    @Test
    void quarterSpeedQuadruplesTheWait() {
        recording.addAll(success());
        replay.speedProperty().set(ReplaySpeed.QUARTER);

        replay.advance(Pace.RUN_STARTED_MILLIS * 4 * MILLIS - MILLIS);
        assertEquals(0, replay.position());
        replay.advance(MILLIS);
        assertEquals(1, replay.position());
    }

    @Test
    void instantShowsWholeRun() {
        recording.addAll(success());
        replay.speedProperty().set(ReplaySpeed.INSTANT);

        replay.advance(0);

        assertEquals(success().size(), replay.position());
        assertTrue(replay.finishedProperty().get());
        assertFalse(replay.isPlaying(), "the replay stops at the end");
        for (StepId step : StepId.values()) {
            assertEquals(StepStatus.PASSED, replay.shown().step(step).status(), step.name());
        }
    }

    @Test
    void pauseStopsTime() {
        recording.addAll(success());
        replay.advance(Pace.RUN_STARTED_MILLIS * MILLIS);
        int before = replay.position();

        replay.pause();
        replay.advance(60_000 * MILLIS);

        assertFalse(replay.isPlaying());
        assertEquals(before, replay.position());
    }

    @Test
    void playResumesWhereItPaused() {
        recording.addAll(success());
        replay.advance(Pace.RUN_STARTED_MILLIS * MILLIS);
        replay.pause();

        replay.play();
        replay.advance(Pace.STEP_RUNNING_MILLIS * MILLIS);

        assertEquals(2, replay.position());
        assertEquals(StepStatus.RUNNING, replay.shown().step(StepId.CONNECT).status());
    }

    @Test
    void stepForwardEndsAtNextStep() {
        recording.addAll(success());

        replay.stepForward();

        assertFalse(replay.isPlaying(), "stepping pauses");
        assertEquals(StepStatus.PASSED, replay.shown().step(StepId.CONNECT).status());
        assertEquals(StepStatus.PENDING, replay.shown().step(StepId.SERVER_CERTIFICATE).status());
        assertEquals(StepId.CONNECT, replay.activeStep());
        assertEquals(1, replay.activeProgress());
    }

    @Test
    void stepForwardTwiceEndsSecondStep() {
        recording.addAll(success());

        replay.stepForward();
        replay.stepForward();

        assertEquals(StepStatus.PASSED, replay.shown().step(StepId.SERVER_CERTIFICATE).status());
        assertEquals(StepStatus.PENDING, replay.shown().step(StepId.VERIFY_SERVER).status());
        assertFalse(replay.shown().step(StepId.SERVER_CERTIFICATE).evidence().isEmpty(), "the chain is shown");
    }

    @Test
    void stepBackReturnsToPreviousStep() {
        recording.addAll(success());
        replay.stepForward();
        replay.stepForward();
        replay.stepForward();

        replay.stepBack();

        assertEquals(StepStatus.PASSED, replay.shown().step(StepId.SERVER_CERTIFICATE).status());
        assertEquals(StepStatus.PENDING, replay.shown().step(StepId.VERIFY_SERVER).status());
        assertTrue(replay.shown().step(StepId.VERIFY_SERVER).checks().isEmpty(), "the step's checks are taken back");
    }

    @Test
    void stepBackAtStartStaysAtStart() {
        recording.addAll(success());
        replay.stepForward();

        replay.stepBack();
        replay.stepBack();

        assertEquals(0, replay.position());
        assertNull(replay.activeStep());
        assertEquals(StepStatus.PENDING, replay.shown().step(StepId.CONNECT).status());
    }

    @Test
    void stepForwardAtEndStaysAtEnd() {
        recording.addAll(success());

        for (int i = 0; i < 20; i++) {
            replay.stepForward();
        }

        assertEquals(success().size(), replay.position());
        assertTrue(replay.finishedProperty().get());
    }

    @Test
    void restartReplaysFromStart() {
        recording.addAll(success());
        replay.speedProperty().set(ReplaySpeed.INSTANT);
        replay.advance(0);
        replay.speedProperty().set(ReplaySpeed.NORMAL);

        replay.restart();

        assertTrue(replay.isPlaying());
        assertEquals(0, replay.position());
        assertEquals(StepStatus.PENDING, replay.shown().step(StepId.ENCRYPTED_CHANNEL).status());
    }

    @Test
    void playAtEndStartsOver() {
        recording.addAll(success());
        replay.speedProperty().set(ReplaySpeed.INSTANT);
        replay.advance(0);
        replay.speedProperty().set(ReplaySpeed.NORMAL);

        replay.play();

        assertTrue(replay.isPlaying());
        assertEquals(0, replay.position());
    }

    @Test
    void progressGrowsWhileStepRuns() {
        List<ProbeEvent> events = success();
        recording.addAll(events);
        replay.advance((Pace.RUN_STARTED_MILLIS + Pace.STEP_RUNNING_MILLIS) * MILLIS);
        assertEquals(StepId.CONNECT, replay.activeStep());
        assertEquals(0, replay.activeProgress());

        long span = 0;
        for (int i = 2; i < events.size(); i++) {
            span += Pace.beforeNanos(events.get(i));
            if (events.get(i) instanceof ProbeEvent.StepChanged changed && changed.status() == StepStatus.PASSED) {
                break;
            }
        }
        replay.advance(Pace.EVIDENCE_MILLIS * MILLIS / 2);

        double expected = (Pace.EVIDENCE_MILLIS * MILLIS / 2.0) / span;
        assertEquals(expected, replay.activeProgress(), 1e-9);
        assertTrue(replay.activeProgress() > 0, "the arrow has started");
        assertTrue(replay.activeProgress() < 1, "the arrow has not arrived");
    }

    @Test
    void liveRunWaitsForNextEvent() {
        List<ProbeEvent> events = success();
        recording.add(events.get(0));
        replay.advance(10_000 * MILLIS);
        assertEquals(1, replay.position());

        recording.add(events.get(1));
        replay.advance(Pace.STEP_RUNNING_MILLIS * MILLIS - MILLIS);

        assertEquals(1, replay.position(), "the late event still gets its full beat");
        assertTrue(replay.isPlaying());
    }

    @Test
    void eventAfterRunFinishedKeepsReplayFinished() {
        List<ProbeEvent> events = success();
        recording.addAll(events);
        replay.speedProperty().set(ReplaySpeed.INSTANT);
        replay.advance(0);

        ProbeEvent late = new ProbeEvent.CheckRecorded(9_999_999, StepId.CONNECT,
                io.mtlsstudio.handshake.Check.passed("ClientHello sent", "late"));
        recording.add(late);

        assertTrue(replay.finishedProperty().get());
        assertFalse(replay.isPlaying());
        assertEquals(events.size(), replay.position(), "the late event waits for a restart");
    }

    @Test
    void newRunStartsOverWithAutoPlay() {
        recording.addAll(success());
        replay.speedProperty().set(ReplaySpeed.INSTANT);
        replay.advance(0);

        recording.clear();

        assertEquals(0, replay.position());
        assertTrue(replay.isPlaying());
        assertFalse(replay.finishedProperty().get());
        assertEquals(StepStatus.PENDING, replay.shown().step(StepId.CONNECT).status());
    }

    @Test
    void fasterAndSlowerStopAtEnds() {
        replay.speedProperty().set(ReplaySpeed.QUADRUPLE);
        replay.faster();
        assertEquals(ReplaySpeed.INSTANT, replay.speedProperty().get());
        replay.faster();
        assertEquals(ReplaySpeed.INSTANT, replay.speedProperty().get());

        replay.speedProperty().set(ReplaySpeed.HALF);
        replay.slower();
        assertEquals(ReplaySpeed.QUARTER, replay.speedProperty().get());
        replay.slower();
        assertEquals(ReplaySpeed.QUARTER, replay.speedProperty().get());
    }

    @Test
    void failedRunShowsFailureAndUnreachedSteps() {
        recording.addAll(RecordedRuns.get(RecordedRuns.Kind.NO_CLIENT_CERTIFICATE_TLS_1_3));
        replay.speedProperty().set(ReplaySpeed.INSTANT);

        replay.advance(0);

        assertEquals(StepStatus.FAILED, replay.shown().step(StepId.VERIFY_CLIENT).status());
        assertEquals("CLIENT_CERT_REQUIRED", replay.shown().step(StepId.VERIFY_CLIENT).failure().code());
        assertEquals(StepStatus.SKIPPED, replay.shown().step(StepId.ACCESS_GRANTED).status());
        assertEquals(StepStatus.SKIPPED, replay.shown().step(StepId.ENCRYPTED_CHANNEL).status());
        assertEquals(DrawnProtocol.TLS_1_3, replay.protocolProperty().get().protocol());
    }

    private static List<ProbeEvent> success() {
        return RecordedRuns.get(RecordedRuns.Kind.SUCCESS_TLS_1_3);
    }
}
