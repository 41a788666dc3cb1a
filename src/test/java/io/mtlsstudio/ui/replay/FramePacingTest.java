package io.mtlsstudio.ui.replay;

import io.mtlsstudio.ui.FxQueriesAccess;
import io.mtlsstudio.ui.MainView;
import io.mtlsstudio.ui.MainViewModel;
import io.mtlsstudio.ui.MtlsStudioApp;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static io.mtlsstudio.ui.FxQueriesAccess.onFx;
import static io.mtlsstudio.ui.FxQueriesAccess.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports the frame pacing of a replay at the teaching pace in the full window. It prints the
 * figures and asserts only that frames were measured, because pulse timing depends on the
 * machine and on other load; the animation aims for no pulse gap over
 * {@link FramePacingProbe#TARGET_MAX_GAP_MILLIS} ms.
 */
@ExtendWith(ApplicationExtension.class)
class FramePacingTest {

    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        model = MainViewModel.create();
        view = MtlsStudioApp.show(stage, model);
        model.useSampleCredentials();
    }

    @AfterEach
    void stopFrontend() {
        model.close();
    }

    @Test
    void replayReportsPulseGaps(FxRobot robot) {
        FxQueriesAccess.waitForSampleFiles(model);
        robot.clickOn("#connectButton");
        waitUntil("the run ends", 30, () -> !model.run().resultKind().isBusy());
        robot.clickOn("#replayRestart");
        long started = System.nanoTime();
        waitUntil("the replay reaches the end", 120, () -> model.replay().finishedProperty().get());
        long millis = (System.nanoTime() - started) / 1_000_000;

        FramePacingProbe.Report report = onFx(() -> view.replayView().framePacing());
        System.out.printf("Frame pacing of a %d-event replay at 1x over %d ms: %s%n",
                onFx(() -> model.replay().lengthProperty().get()), millis, report);

        assertTrue(report.frames() > 10, "the probe measured frames: " + report);
    }
}
