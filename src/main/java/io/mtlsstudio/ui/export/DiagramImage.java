package io.mtlsstudio.ui.export;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws a node into a PNG file: the snapshot on the FX thread, the encoding anywhere. */
public final class DiagramImage {

    private DiagramImage() {
    }

    /**
     * Draws {@code node} at {@code scale} times its size on screen, on an opaque background.
     * Must run on the FX thread.
     */
    public static BufferedImage draw(Node node, double scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(parameters, null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Encodes {@code image} as PNG into {@code file}, replacing it. Blocks; call it off the FX thread. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("The folder " + parent + " does not exist. Choose an existing folder.");
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG encoder is available in this Java runtime.");
        }
    }
}
