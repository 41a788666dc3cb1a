package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.ui.FxQueriesAccess;
import io.mtlsstudio.ui.MainView;
import io.mtlsstudio.ui.MainViewModel;
import io.mtlsstudio.ui.MtlsStudioApp;
import io.mtlsstudio.ui.run.ResultKind;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static io.mtlsstudio.ui.FxQueriesAccess.onFx;
import static io.mtlsstudio.ui.FxQueriesAccess.text;
import static io.mtlsstudio.ui.FxQueriesAccess.visible;
import static io.mtlsstudio.ui.FxQueriesAccess.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay as a user drives it, with the player buttons, the speed choice and the shortcuts,
 * over a run recorded from the embedded frontend. Further tests check what the diagram shows
 * for a success and for a client certificate that the server rejects.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {

    private static final long RUN_SECONDS = 30;

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
    void stepButtonsWalkThroughRun(FxRobot robot) {
        connectWithoutAutoPlay(robot);
        assertEquals("PENDING", text(robot, "#diagram-CONNECT-status"));
        assertTrue(text(robot, "#replayPosition").startsWith("0 / "), text(robot, "#replayPosition"));

        robot.clickOn("#replayStepForward");
        assertEquals("PASSED", text(robot, "#diagram-CONNECT-status"));
        assertEquals("PENDING", text(robot, "#diagram-SERVER_CERTIFICATE-status"));

        robot.clickOn("#replayStepForward");
        robot.clickOn("#replayStepForward");
        assertEquals("PASSED", text(robot, "#diagram-VERIFY_SERVER-status"));
        assertEquals("Validity period: PASSED", checkText(robot, StepId.VERIFY_SERVER, 0));
        assertEquals("Extended key usage: PASSED", checkText(robot, StepId.VERIFY_SERVER, 1));
        assertEquals("Signature: PASSED", checkText(robot, StepId.VERIFY_SERVER, 2));
        assertEquals("Chain to a trust anchor: PASSED", checkText(robot, StepId.VERIFY_SERVER, 3));
        assertEquals("Host name: PASSED", checkText(robot, StepId.VERIFY_SERVER, 4));
        assertEquals("PENDING", text(robot, "#diagram-CLIENT_CERTIFICATE-status"));

        robot.clickOn("#replayStepBack");
        assertEquals("PENDING", text(robot, "#diagram-VERIFY_SERVER-status"));
        assertEquals("Validity period", checkText(robot, StepId.VERIFY_SERVER, 0), "the check is not made yet");
        assertEquals("PASSED", text(robot, "#diagram-SERVER_CERTIFICATE-status"));
    }

    @Test
    void runningArrowStopsPartWay(FxRobot robot) {
        connectWithoutAutoPlay(robot);
        robot.clickOn("#replayStepForward");
        robot.clickOn("#replayStepForward");
        robot.clickOn("#replayStepForward");

        onFx(() -> {
            model.replay().play();
            model.replay().advance(1_400_000_000L);
            model.replay().pause();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("RUNNING", text(robot, "#diagram-CLIENT_CERTIFICATE-status"));
        double progress = onFx(() -> model.replay().activeProgress());
        assertTrue(progress > 0.1, "progress " + progress);
        assertTrue(progress < 0.9, "progress " + progress);
        Node arrow = onFx(() -> robot.lookup("#diagram-CLIENT_CERTIFICATE .message-arrow").query());
        assertTrue(onFx(arrow::isVisible), "the message is on its way");
        double width = onFx(() -> arrow.getBoundsInParent().getWidth());
        double lanes = onFx(() -> robot.lookup("#diagram-CLIENT_CERTIFICATE .lane-area").query().getBoundsInLocal().getWidth());
        assertTrue(width > lanes * 0.1, "arrow width " + width + " of " + lanes);
        assertTrue(width < lanes * 0.9, "arrow width " + width + " of " + lanes);
    }

    @Test
    void pauseHoldsAndPlayResumes(FxRobot robot) throws InterruptedException {
        FxQueriesAccess.waitForSampleFiles(model);
        robot.clickOn("#connectButton");
        waitUntil("the replay has started", RUN_SECONDS, () -> model.replay().position() > 0);

        robot.clickOn("#replayPlayPause");
        assertFalse(onFx(() -> model.replay().isPlaying()));
        assertEquals("Play", onFx(() -> robot.lookup("#replayPlayPause").queryAs(Button.class).getAccessibleText()));
        int paused = onFx(() -> model.replay().position());
        Thread.sleep(1_500);
        assertEquals(paused, onFx(() -> model.replay().position()), "a paused replay holds its position");

        robot.clickOn("#replayPlayPause");
        assertEquals("Pause", onFx(() -> robot.lookup("#replayPlayPause").queryAs(Button.class).getAccessibleText()));
        waitUntil("the replay moves on", 10, () -> model.replay().position() > paused);
    }

    @Test
    void instantSpeedShowsWholeRun(FxRobot robot) {
        connectWithoutAutoPlay(robot);

        robot.clickOn("#replaySpeed");
        robot.clickOn("Instant");
        robot.clickOn("#replayPlayPause");
        waitUntil("the replay reaches the end", 5, () -> model.replay().finishedProperty().get());

        assertEquals(ReplaySpeed.INSTANT, onFx(() -> model.replay().speedProperty().get()));
        for (StepId step : StepId.values()) {
            assertEquals("PASSED", text(robot, "#diagram-" + step + "-status"), step.name());
        }
    }

    @Test
    void speedShortcutsChangeChoice(FxRobot robot) {
        FxQueriesAccess.waitForSampleFiles(model);

        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        assertEquals(ReplaySpeed.HALF, speedShown(robot));
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        assertEquals(ReplaySpeed.QUARTER, speedShown(robot), "0.25x is the slowest");
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        assertEquals(ReplaySpeed.HALF, speedShown(robot));
        robot.push(KeyCode.CONTROL, KeyCode.I);
        assertEquals(ReplaySpeed.INSTANT, speedShown(robot));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        assertEquals(ReplaySpeed.NORMAL, speedShown(robot));
    }

    @Test
    void stepShortcutsDriveReplay(FxRobot robot) {
        connectWithoutAutoPlay(robot);
        robot.clickOn("#diagram-CONNECT");

        robot.push(KeyCode.CONTROL, KeyCode.RIGHT);
        robot.push(KeyCode.CONTROL, KeyCode.RIGHT);
        assertEquals("PASSED", text(robot, "#diagram-SERVER_CERTIFICATE-status"));
        robot.push(KeyCode.CONTROL, KeyCode.LEFT);
        assertEquals("PENDING", text(robot, "#diagram-SERVER_CERTIFICATE-status"));
        assertEquals("PASSED", text(robot, "#diagram-CONNECT-status"));

        robot.push(KeyCode.CONTROL, KeyCode.P);
        assertTrue(onFx(() -> model.replay().isPlaying()));
        robot.push(KeyCode.CONTROL, KeyCode.P);
        assertFalse(onFx(() -> model.replay().isPlaying()));
        robot.push(KeyCode.CONTROL, KeyCode.R);
        assertTrue(onFx(() -> model.replay().isPlaying()), "restart plays");
        assertEquals("PENDING", text(robot, "#diagram-SERVER_CERTIFICATE-status"));
    }

    @Test
    void successShowsEveryStep(FxRobot robot) {
        FxQueriesAccess.waitForSampleFiles(model);
        runInstantly(robot);

        for (StepId step : StepId.values()) {
            assertEquals("PASSED", text(robot, "#diagram-" + step + "-status"), step.name());
            assertTrue(text(robot, "#diagram-" + step + "-duration").startsWith("measured "), step.name());
            assertFalse(visible(robot, "#diagram-" + step + "-reason"), step + " has no failure");
            assertFalse(visible(robot, "#diagram-" + step + "-not-reached"), step + " was reached");
            assertFalse(visible(robot, "#diagram-" + step + "-warning"), step + " has no warning");
        }
        assertEquals("TLS 1.3, negotiated", text(robot, "#diagramProtocol"));
        assertTrue(text(robot, "#diagram-CLIENT_CERTIFICATE-message").contains("after the server's Finished"));
        assertEquals("Host name: PASSED", checkText(robot, StepId.VERIFY_SERVER, 4));
        assertEquals("Server verdict (embedded frontend): PASSED", checkText(robot, StepId.VERIFY_CLIENT, 0));
        assertEquals("Observed on the embedded frontend: the client certificate chains to a configured CA",
                text(robot, "#diagram-VERIFY_CLIENT-server-note"), "the server's own reason is drawn");
        assertFalse(visible(robot, "#diagram-VERIFY_CLIENT-alert"));
        assertEquals("Mutual TLS connection established and the Health call answered.",
                text(robot, "#diagramOutcome"));
        assertEquals("7. Encrypted channel: what happens", text(robot, "#narrationTitle"));
        assertTrue(text(robot, "#narrationText").startsWith("Application data now flows encrypted"));
    }

    @Test
    void verifyClientFailureShowsWhereAndWhy(FxRobot robot) {
        FxQueriesAccess.waitForSampleFiles(model);
        FxQueriesAccess.clearField(robot, "#clientCertificatePath");
        FxQueriesAccess.clearField(robot, "#clientKeyPath");
        runInstantly(robot);
        String message = onFx(() -> model.run().timeline().step(StepId.VERIFY_CLIENT).failure().message());
        String fix = onFx(() -> model.run().timeline().step(StepId.VERIFY_CLIENT).failure().fix());

        for (StepId step : List.of(StepId.CONNECT, StepId.SERVER_CERTIFICATE, StepId.VERIFY_SERVER)) {
            assertEquals("PASSED", text(robot, "#diagram-" + step + "-status"), step.name());
        }
        assertEquals("PASSED", text(robot, "#diagram-CLIENT_CERTIFICATE-status"));
        assertTrue(visible(robot, "#diagram-CLIENT_CERTIFICATE-warning"), "no certificate sent is marked as a warning");
        assertEquals("FAILED", text(robot, "#diagram-VERIFY_CLIENT-status"));
        assertTrue(text(robot, "#diagram-VERIFY_CLIENT-server-note").startsWith("Observed on the embedded frontend: "),
                text(robot, "#diagram-VERIFY_CLIENT-server-note"));
        assertEquals(message.substring(0, message.indexOf('.') + 1), text(robot, "#diagram-VERIFY_CLIENT-reason"));
        assertEquals("alert certificate_required, read after the client's Finished",
                text(robot, "#diagram-VERIFY_CLIENT-alert"));
        for (StepId step : List.of(StepId.ACCESS_GRANTED, StepId.ENCRYPTED_CHANNEL)) {
            assertEquals("SKIPPED, not reached", text(robot, "#diagram-" + step + "-status"), step.name());
            assertTrue(visible(robot, "#diagram-" + step + "-not-reached"), step.name());
        }
        assertEquals("The connection failed at step 5, Verify client. The steps after it were not reached.",
                text(robot, "#diagramOutcome"));

        robot.clickOn("#diagram-VERIFY_CLIENT-fix");
        waitUntil("the fix shows", 5, () -> robot.lookup("#fixText").tryQuery().isPresent());
        assertEquals(fix, text(robot, "#fixText"));
        robot.push(KeyCode.ESCAPE);

        robot.clickOn("#diagram-VERIFY_CLIENT");
        assertTrue(text(robot, "#narrationText").contains("What went wrong: " + message), text(robot, "#narrationText"));
        assertEquals("CLIENT_CERT_REQUIRED", text(robot, "#detailFailureCode"), "the step detail follows the diagram");
    }

    @Test
    void narrationCanBeSwitchedOff(FxRobot robot) {
        FxQueriesAccess.waitForSampleFiles(model);
        assertTrue(visible(robot, "#narration"));

        robot.clickOn("#replayNarration");
        assertFalse(visible(robot, "#narration"));
        robot.push(KeyCode.CONTROL, KeyCode.N);
        assertTrue(visible(robot, "#narration"));
    }

    @Test
    void presenterModeShowsOnlyDiagram(FxRobot robot) {
        connectWithoutAutoPlay(robot);

        robot.push(KeyCode.F11);
        assertTrue(onFx(() -> view.getStyleClass().contains("presenter")));
        assertFalse(visible(robot, "#connectButton"), "the form is hidden");
        assertFalse(visible(robot, "#detailTabs"), "the tabs are hidden");
        robot.push(KeyCode.PAGE_DOWN);
        assertEquals("PASSED", text(robot, "#diagram-CONNECT-status"), "Page Down steps forward");
        robot.push(KeyCode.PAGE_UP);
        assertEquals("PENDING", text(robot, "#diagram-CONNECT-status"), "Page Up steps back");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        assertTrue(onFx(() -> view.getStyleClass().contains("theme-dark")));
        assertTrue(onFx(() -> view.getScene().getStylesheets().stream().anyMatch(sheet -> sheet.endsWith("/dark.css"))));

        robot.push(KeyCode.F11);
        assertFalse(onFx(() -> view.getStyleClass().contains("presenter")));
        assertTrue(visible(robot, "#connectButton"), "the form is back");
    }

    private void connectWithoutAutoPlay(FxRobot robot) {
        FxQueriesAccess.waitForSampleFiles(model);
        robot.clickOn("#replayAutoPlay");
        robot.clickOn("#connectButton");
        waitUntil("the run ends", RUN_SECONDS, () -> !model.run().resultKind().isBusy());
        assertEquals(ResultKind.SUCCESS, onFx(() -> model.run().resultKind()));
    }

    private void runInstantly(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.I);
        robot.clickOn("#connectButton");
        waitUntil("the replay reaches the end", RUN_SECONDS, () -> model.replay().finishedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ReplaySpeed speedShown(FxRobot robot) {
        return onFx(() -> ((ChoiceBox<ReplaySpeed>) robot.lookup("#replaySpeed").query()).getValue());
    }

    private static String checkText(FxRobot robot, StepId step, int index) {
        return onFx(() -> robot.lookup("#diagram-" + step + "-check-" + index).lookup(".check-item")
                .queryAs(javafx.scene.control.Label.class).getText());
    }
}
