package io.mtlsstudio.ui.export;

import io.mtlsstudio.cadence.config.CadenceConfig;
import io.mtlsstudio.cadence.export.ExportFormat;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.config.Fx;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.mtlsstudio.ui.config.Fx.disabled;
import static io.mtlsstudio.ui.config.Fx.onFx;
import static io.mtlsstudio.ui.config.Fx.runFx;
import static io.mtlsstudio.ui.config.Fx.text;
import static io.mtlsstudio.ui.config.Fx.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export tab driven as a user drives it. */
@ExtendWith(ApplicationExtension.class)
class ExportViewTest {

    @TempDir
    Path folder;

    private ConnectionViewModel connection;
    private ExportViewModel model;
    private ExportView view;

    @Start
    void start(Stage stage) {
        BackgroundWork work = BackgroundWork.javafx();
        connection = new ConnectionViewModel(work);
        connection.targetProperty().set("frontend.example.test:7833");
        connection.clientCertificate().pathProperty().set("/certs/client.crt");
        connection.clientKey().pathProperty().set("/certs/client.key");
        connection.ca().pathProperty().set("/certs/ca.crt");
        model = new ExportViewModel(work, connection, new SimpleObjectProperty<CadenceConfig>(),
                new RecentFiles(folder.resolve("settings")));
        model.serverCertificateProperty().set("/certs/frontend.crt");
        model.serverKeyProperty().set("/certs/frontend.key");
        model.serverCaFilesProperty().set("/certs/ca.crt");
        view = new ExportView(model);
        Fx.show(stage, view, 900, 760);
    }

    @Test
    void tabShowsFiveTexts(FxRobot robot) {
        for (ExportFormat format : ExportFormat.values()) {
            String shown = text(robot, "#exportText-" + format.name());
            assertFalse(shown.isBlank(), format + " is shown");
            assertEquals(onFx(() -> model.text(format)), shown, format.name());
            assertFalse(onFx(() -> robot.lookup("#exportText-" + format.name()).<TextArea>query().isEditable()),
                    format + " is read-only");
        }
        assertTrue(text(robot, "#exportText-SERVER_YAML").contains("certFile: /certs/frontend.crt"));
        assertTrue(text(robot, "#exportText-GO_CLIENT").contains("package main"), text(robot, "#exportText-GO_CLIENT"));
        assertTrue(text(robot, "#exportText-JAVA_CLIENT").contains("class"), text(robot, "#exportText-JAVA_CLIENT"));
        assertTrue(text(robot, "#exportText-OPENSSL_S_CLIENT").contains("openssl s_client"));
        assertTrue(text(robot, "#exportText-GRPCURL").contains("grpcurl"));
    }

    @Test
    void copyPutsTextOnClipboard(FxRobot robot) {
        robot.clickOn("#exportFormat-GO_CLIENT");
        robot.clickOn("#exportCopy-GO_CLIENT");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(onFx(() -> model.text(ExportFormat.GO_CLIENT)), onFx(() -> Clipboard.getSystemClipboard().getString()));

        robot.clickOn("#exportFormat-SERVER_YAML");
        robot.clickOn("#exportCopy-SERVER_YAML");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(onFx(() -> model.text(ExportFormat.SERVER_YAML)), onFx(() -> Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void textsFollowConnectionForm(FxRobot robot) {
        runFx(() -> connection.targetProperty().set("127.0.0.1:17833"));

        assertTrue(text(robot, "#exportText-OPENSSL_S_CLIENT").contains("127.0.0.1:17833"), text(robot, "#exportText-OPENSSL_S_CLIENT"));

        runFx(() -> connection.targetProperty().set("no port"));
        assertEquals("", text(robot, "#exportText-OPENSSL_S_CLIENT"));
        assertTrue(text(robot, "#exportProblem-OPENSSL_S_CLIENT").contains("Invalid target"), text(robot, "#exportProblem-OPENSSL_S_CLIENT"));
        assertTrue(disabled(robot, "#exportCopy-OPENSSL_S_CLIENT"), "nothing to copy");
    }

    @Test
    void saveWritesChosenFile(FxRobot robot) throws Exception {
        Path file = folder.resolve("out/frontend-tls.yaml");
        runFx(() -> view.setSaveChooser((owner, export) -> file.toFile()));

        robot.clickOn("#exportSave-SERVER_YAML");
        waitUntil("the file is saved", 10, () -> model.saveMessageProperty().get().startsWith("Saved"));

        assertEquals(onFx(() -> model.text(ExportFormat.SERVER_YAML)), Files.readString(file));
        assertEquals("Saved " + file + ".", text(robot, "#exportSaveMessage"));
    }

    @Test
    void saveAsksBeforeReplacingProtoFile(FxRobot robot) throws Exception {
        Path out = Files.createDirectories(folder.resolve("out"));
        Path proto = out.resolve("cadence_meta.proto");
        Files.writeString(proto, "mine");
        Path file = out.resolve("health.sh");
        runFx(() -> view.setSaveChooser((owner, export) -> file.toFile()));

        robot.clickOn("#exportFormat-GRPCURL");
        robot.clickOn("#exportSave-GRPCURL");
        waitUntil("the question shows", 10, () -> robot.lookup("#exportOverwriteDialog").tryQuery().isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("mine", Files.readString(proto));
        assertFalse(Files.exists(file));

        robot.clickOn("#exportSave-GRPCURL");
        waitUntil("the question shows", 10, () -> robot.lookup("#exportOverwriteDialog").tryQuery().isPresent());
        robot.clickOn("Overwrite");
        waitUntil("the files are saved", 10, () -> model.saveMessageProperty().get().startsWith("Saved"));

        assertTrue(Files.readString(proto).contains("service MetaAPI"));
        assertEquals(onFx(() -> model.text(ExportFormat.GRPCURL)), Files.readString(file));
    }
}
