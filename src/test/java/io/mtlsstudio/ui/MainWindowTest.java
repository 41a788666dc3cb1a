package io.mtlsstudio.ui;

import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.ui.run.ResultKind;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.mtlsstudio.ui.FxQueries.clearField;
import static io.mtlsstudio.ui.FxQueries.disabled;
import static io.mtlsstudio.ui.FxQueries.onFx;
import static io.mtlsstudio.ui.FxQueries.text;
import static io.mtlsstudio.ui.FxQueries.visible;
import static io.mtlsstudio.ui.FxQueries.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window driven as a user drives it, against the embedded frontend and loopback sockets. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final long PROBE_SECONDS = 30;

    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = MainViewModel.create();
        MtlsStudioApp.show(stage, model);
        model.useSampleCredentials();
    }

    @AfterEach
    void stopFrontend() {
        model.close();
    }

    @Test
    void connectWithSampleDefaultsPassesAllSteps(FxRobot robot) {
        waitForSampleFiles();

        robot.clickOn("#connectButton");
        waitUntil("the run ends", PROBE_SECONDS, () -> model.run().resultKind() == ResultKind.SUCCESS
                || model.run().resultKind() == ResultKind.FAILURE);

        for (StepId step : StepId.values()) {
            assertEquals("PASSED", text(robot, "#step-" + step + "-status"), step + " status");
            assertFalse(text(robot, "#step-" + step + "-duration").isBlank(), step + " shows its duration");
        }
        assertFalse(visible(robot, "#step-CLIENT_CERTIFICATE-warning"));
        assertEquals("SUCCESS", text(robot, "#resultKind"));
        assertTrue(text(robot, "#resultText").startsWith("Success: all 7 steps passed"), text(robot, "#resultText"));
        assertTrue(text(robot, "#embeddedTargetField").matches("127\\.0\\.0\\.1:\\d+"), text(robot, "#embeddedTargetField"));
        assertEquals("TLSv1.3", text(robot, "#statusProtocol"));
        assertEquals("h2", text(robot, "#statusAlpn"));
    }

    @Test
    void clearedClientCertificateFailsAtVerifyClient(FxRobot robot) {
        waitForSampleFiles();

        clearField(robot, "#clientCertificatePath");
        clearField(robot, "#clientKeyPath");
        robot.clickOn("#connectButton");
        waitUntil("the run ends", PROBE_SECONDS, () -> !model.run().resultKind().isBusy());

        assertEquals("FAILED", text(robot, "#step-VERIFY_CLIENT-status"));
        for (StepId step : List.of(StepId.CONNECT, StepId.SERVER_CERTIFICATE, StepId.VERIFY_SERVER)) {
            assertEquals("PASSED", text(robot, "#step-" + step + "-status"), step + " status");
        }
        assertEquals("SKIPPED", text(robot, "#step-ACCESS_GRANTED-status"));
        assertEquals("PASSED", text(robot, "#step-CLIENT_CERTIFICATE-status"));
        assertTrue(visible(robot, "#step-CLIENT_CERTIFICATE-warning"), "no certificate sent is marked as a warning");
        assertEquals("FAILED", text(robot, "#resultKind"));
        assertTrue(text(robot, "#resultText").contains("VERIFY_CLIENT failed with CLIENT_CERT_REQUIRED"),
                text(robot, "#resultText"));
        assertEquals("CLIENT_CERT_REQUIRED", text(robot, "#detailFailureCode"), "the failed step is selected");
        assertTrue(onFx(() -> robot.lookup("#finding-CLIENT_CERT_REQUIRED").tryQuery().isPresent()),
                "the findings list shows the code");
    }

    @Test
    void missingCertificateKeepsWindowUsable(FxRobot robot) {
        waitForSampleFiles();
        String samplePath = text(robot, "#clientCertificatePath");
        String missing = samplePath.replace("client.crt", "no-such-client.crt");

        clearField(robot, "#clientCertificatePath");
        robot.write(missing);
        robot.clickOn("#connectButton");
        waitUntil("the input error shows", PROBE_SECONDS,
                () -> model.run().resultKind() == ResultKind.INPUT_ERROR);

        assertTrue(text(robot, "#clientCertificateMessage").contains(missing + " was not found"),
                text(robot, "#clientCertificateMessage"));
        assertTrue(text(robot, "#resultText").contains(missing), text(robot, "#resultText"));
        assertEquals(missing, text(robot, "#clientCertificatePath"), "the typed path is kept");
        assertFalse(disabled(robot, "#connectButton"), "Connect stays available");

        clearField(robot, "#clientCertificatePath");
        robot.write(samplePath);
        robot.clickOn("#connectButton");
        waitUntil("the corrected run ends", PROBE_SECONDS, () -> model.run().resultKind() == ResultKind.SUCCESS
                || model.run().resultKind() == ResultKind.FAILURE);
        assertEquals("SUCCESS", text(robot, "#resultKind"));
    }

    @Test
    void cancelEndsRunAgainstSilentPeer(FxRobot robot) throws IOException {
        waitForSampleFiles();
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> acceptForever(silent, accepted));

            robot.clickOn("#embeddedFrontendCheck");
            clearField(robot, "#targetField");
            robot.write("127.0.0.1:" + silent.getLocalPort());
            clearField(robot, "#timeoutField");
            robot.write("60");
            robot.clickOn("#connectButton");
            waitUntil("the probe waits for the server's answer", PROBE_SECONDS,
                    () -> model.run().timeline().step(StepId.SERVER_CERTIFICATE).status()
                            == StepStatus.RUNNING);

            long cancelledAt = System.nanoTime();
            robot.clickOn("#cancelButton");
            waitUntil("the run ends as cancelled", 5, () -> model.run().resultKind() == ResultKind.CANCELLED);
            long millis = (System.nanoTime() - cancelledAt) / 1_000_000;
            System.out.println("Cancel to CANCELLED result: " + millis + " ms");

            assertEquals("CANCELLED", text(robot, "#resultKind"));
            assertEquals("FAILED", text(robot, "#step-SERVER_CERTIFICATE-status"));
            assertTrue(text(robot, "#resultText").contains("cancelled at step SERVER_CERTIFICATE"),
                    text(robot, "#resultText"));
            assertFalse(accepted.isEmpty(), "the probe reached the silent peer");
            acceptor.interrupt();
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void shortcutsConnectAndCancel(FxRobot robot) throws IOException {
        waitForSampleFiles();
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> acceptForever(silent, accepted));
            robot.clickOn("#embeddedFrontendCheck");
            clearField(robot, "#targetField");
            robot.write("127.0.0.1:" + silent.getLocalPort());

            robot.push(KeyCode.CONTROL, KeyCode.ENTER);
            waitUntil("the probe waits for the server's answer", PROBE_SECONDS,
                    () -> model.run().timeline().step(StepId.SERVER_CERTIFICATE).status()
                            == StepStatus.RUNNING);
            robot.push(KeyCode.ESCAPE);
            waitUntil("the run ends as cancelled", 5, () -> model.run().resultKind() == ResultKind.CANCELLED);

            assertEquals("CANCELLED", text(robot, "#resultKind"));
            assertEquals("127.0.0.1:" + silent.getLocalPort(), text(robot, "#targetField"), "the typed target is kept");
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private void waitForSampleFiles() {
        FxQueries.waitForSampleFiles(model);
    }

    private static void acceptForever(ServerSocket server, List<Socket> accepted) {
        while (!server.isClosed()) {
            try {
                accepted.add(server.accept());
            } catch (IOException e) {
                return;
            }
        }
    }
}
