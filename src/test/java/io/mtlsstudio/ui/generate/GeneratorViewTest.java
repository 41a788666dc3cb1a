package io.mtlsstudio.ui.generate;

import io.mtlsstudio.cadence.config.CadenceConfig;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.config.Fx;
import io.mtlsstudio.ui.export.ExportViewModel;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import javafx.beans.property.SimpleObjectProperty;
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
import java.util.Arrays;
import java.util.List;

import static io.mtlsstudio.ui.config.Fx.disabled;
import static io.mtlsstudio.ui.config.Fx.exists;
import static io.mtlsstudio.ui.config.Fx.onFx;
import static io.mtlsstudio.ui.config.Fx.runFx;
import static io.mtlsstudio.ui.config.Fx.text;
import static io.mtlsstudio.ui.config.Fx.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator dialog driven as a user drives it, writing into a temporary folder. */
@ExtendWith(ApplicationExtension.class)
class GeneratorViewTest {

    private static final long LIMIT_SECONDS = 60;

    @TempDir
    Path folder;

    private ConnectionViewModel connection;
    private GeneratorViewModel model;
    private GeneratorView view;

    @Start
    void start(Stage stage) {
        BackgroundWork work = BackgroundWork.javafx();
        RecentFiles recent = new RecentFiles(folder.resolve("settings"));
        connection = new ConnectionViewModel(work);
        ExportViewModel export = new ExportViewModel(work, connection, new SimpleObjectProperty<CadenceConfig>(), recent);
        model = new GeneratorViewModel(work, connection, export, recent);
        view = new GeneratorView(model);
        Fx.show(stage, view, 640, 720);
    }

    private Path chooseOutput(FxRobot robot) {
        Path out = folder.resolve("pki");
        runFx(() -> view.setFolderChooser(owner -> out.toFile()));
        robot.clickOn("#generatorBrowse");
        return out;
    }

    private void generateAndWait(FxRobot robot) {
        robot.clickOn("#generatorRun");
        waitUntil("the run ends", LIMIT_SECONDS, () -> !model.runningProperty().get());
    }

    @Test
    void generateWritesFilesIntoChosenFolder(FxRobot robot) {
        Path out = chooseOutput(robot);
        assertEquals(out.toString(), text(robot, "#generatorOutField"));
        assertTrue(disabled(robot, "#generatorUseInForm"), "nothing generated yet");

        generateAndWait(robot);

        for (String file : List.of("README.md", "ca.crt", "ca.key", "frontend.crt", "frontend.key", "client.crt", "client.key")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(text(robot, "#generatorMessage").startsWith("Wrote 7 files to " + out), text(robot, "#generatorMessage"));
        assertFalse(disabled(robot, "#generatorUseInForm"));
    }

    @Test
    void generateRefusesOverwriteWithoutConfirmation(FxRobot robot) throws Exception {
        Path out = chooseOutput(robot);
        generateAndWait(robot);
        byte[] ca = Files.readAllBytes(out.resolve("ca.crt"));

        robot.clickOn("#generatorRun");
        waitUntil("the question shows", LIMIT_SECONDS, () -> robot.lookup("#generatorOverwriteDialog").tryQuery().isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(exists(robot, "#generatorOverwriteDialog"));
        assertArrayEquals(ca, Files.readAllBytes(out.resolve("ca.crt")), "cancel keeps the files");
        assertEquals("Nothing written: 7 of the files exist in " + out + ".", text(robot, "#generatorMessage"));

        robot.clickOn("#generatorRun");
        waitUntil("the question shows", LIMIT_SECONDS, () -> robot.lookup("#generatorOverwriteDialog").tryQuery().isPresent());
        robot.clickOn("Overwrite");
        waitUntil("the confirmed run ends", LIMIT_SECONDS, () -> model.resultProperty().get() != null);

        assertFalse(Arrays.equals(ca, Files.readAllBytes(out.resolve("ca.crt"))), "overwrite replaces the files");
    }

    @Test
    void editedNamesAndVariantsChangePlan(FxRobot robot) {
        robot.clickOn("#generatorNameField").write("frontend.example.test");
        robot.clickOn("#generatorAddName");
        robot.clickOn("localhost");
        robot.clickOn("#generatorRemoveName");
        robot.clickOn("#generatorBroken");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("cadence-frontend", "127.0.0.1", "frontend.example.test"), onFx(() -> List.copyOf(model.frontendNames())));
        assertEquals(20, onFx(() -> model.plannedFiles().size()));

        robot.clickOn("#generatorNameField").write("not a name");
        robot.clickOn("#generatorAddName");
        assertTrue(text(robot, "#generatorProblem").startsWith("\"not a name\" is not a DNS name or IP address"),
                text(robot, "#generatorProblem"));
    }

    @Test
    void useInFormFillsConnectionFiles(FxRobot robot) {
        Path out = chooseOutput(robot);
        generateAndWait(robot);

        robot.clickOn("#generatorUseInForm");

        assertEquals(out.resolve("client.crt").toString(), onFx(() -> connection.clientCertificate().path()));
        assertEquals(out.resolve("client.key").toString(), onFx(() -> connection.clientKey().path()));
        assertEquals(out.resolve("ca.crt").toString(), onFx(() -> connection.ca().path()));
        assertTrue(text(robot, "#generatorMessage").startsWith("The connection form now uses client.crt, client.key and ca.crt"),
                text(robot, "#generatorMessage"));
    }
}
