package io.mtlsstudio.ui.export;

import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.ui.FxQueriesAccess;
import io.mtlsstudio.ui.MainView;
import io.mtlsstudio.ui.MainViewModel;
import io.mtlsstudio.ui.MtlsStudioApp;
import io.mtlsstudio.ui.replay.ReplaySpeed;
import javafx.geometry.Bounds;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static io.mtlsstudio.ui.FxQueriesAccess.onFx;
import static io.mtlsstudio.ui.FxQueriesAccess.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports of a real run: the diagram as PNG at its size and at 2x, and the Markdown report. */
@ExtendWith(ApplicationExtension.class)
class ExportTest {

    private MainViewModel model;
    private MainView view;

    @TempDir
    Path folder;

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
    void diagramPngDecodesAtDiagramSize(FxRobot robot) throws IOException {
        runInstantly(robot);
        Bounds bounds = onFx(() -> view.replayView().diagram().getLayoutBounds());
        BufferedImage drawn = onFx(() -> DiagramImage.draw(view.replayView().diagram(), 1));
        Path file = folder.resolve("diagram.png");

        onFx(() -> {
            model.exportImage(drawn, file);
            return null;
        });
        waitUntil("the PNG is written", 10, () -> model.exportMessageProperty().get().startsWith("Diagram written"));

        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals((int) Math.ceil(bounds.getWidth()), read.getWidth(), 1.0, "width");
        assertEquals((int) Math.ceil(bounds.getHeight()), read.getHeight(), 1.0, "height");
        assertEquals("Diagram written to " + file + " (" + read.getWidth() + " × " + read.getHeight() + " pixels)",
                onFx(() -> model.exportMessageProperty().get()));
    }

    @Test
    void doubleSizePngHasTwiceThePixels(FxRobot robot) throws IOException {
        runInstantly(robot);
        BufferedImage single = onFx(() -> DiagramImage.draw(view.replayView().diagram(), 1));
        BufferedImage doubled = onFx(() -> DiagramImage.draw(view.replayView().diagram(), 2));
        Path file = folder.resolve("diagram@2x.png");

        DiagramImage.writePng(doubled, file);

        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(single.getWidth() * 2, read.getWidth(), 2.0, "width");
        assertEquals(single.getHeight() * 2, read.getHeight(), 2.0, "height");
    }

    @Test
    void markdownHoldsEachStepAndFinding(FxRobot robot) throws IOException {
        FxQueriesAccess.waitForSampleFiles(model);
        FxQueriesAccess.clearField(robot, "#clientCertificatePath");
        FxQueriesAccess.clearField(robot, "#clientKeyPath");
        runInstantly(robot);
        Path file = folder.resolve("report.md");

        onFx(() -> {
            model.exportReport(file);
            return null;
        });
        waitUntil("the report is written", 10, () -> model.exportMessageProperty().get().startsWith("Report written"));

        String markdown = Files.readString(file, StandardCharsets.UTF_8);
        for (StepId step : StepId.values()) {
            assertTrue(markdown.contains("### " + (step.ordinal() + 1) + ". " + step.title() + ": "), step.name());
        }
        for (var finding : onFx(() -> model.run().timeline().findings().stream().toList())) {
            assertTrue(markdown.contains("### `" + finding.code() + "`"), finding.code());
            if (!finding.fix().isBlank()) {
                assertTrue(markdown.contains("**Fix:** " + finding.fix()), finding.code());
            }
        }
        assertTrue(markdown.contains("- Transport: TLS (TLS 1.3, negotiated)"), markdown);
    }

    @Test
    void reportBeforeAnyRunAsksToConnect() {
        FxQueriesAccess.waitForSampleFiles(model);

        onFx(() -> {
            model.exportReport(folder.resolve("early.md"));
            return null;
        });

        assertEquals("No finished run to export. Connect first, then export the report.",
                onFx(() -> model.exportMessageProperty().get()));
        assertTrue(Files.notExists(folder.resolve("early.md")));
    }

    @Test
    void reportIntoMissingFolderNamesFile(FxRobot robot) {
        runInstantly(robot);
        Path file = folder.resolve("missing-folder").resolve("report.md");

        onFx(() -> {
            model.exportReport(file);
            return null;
        });
        waitUntil("the export ends", 10, () -> !model.exportMessageProperty().get().isEmpty());

        String message = onFx(() -> model.exportMessageProperty().get());
        assertTrue(message.startsWith("The report could not be written to " + file + ": "), message);
        assertTrue(message.endsWith("Choose another folder."), message);
    }

    private void runInstantly(FxRobot robot) {
        FxQueriesAccess.waitUntil("the sample CA is checked", 30, () -> !model.connection().ca().isBlank());
        onFx(() -> {
            model.replay().speedProperty().set(ReplaySpeed.INSTANT);
            return null;
        });
        robot.clickOn("#connectButton");
        waitUntil("the replay reaches the end", 30, () -> model.replay().finishedProperty().get());
    }
}
