package io.mtlsstudio.ui.findings;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads the scene on the FX thread and waits for asynchronous outcomes, for the TestFX tests of the window parts. */
public final class FxWait {

    private FxWait() {
    }

    /** Runs {@code query} on the FX thread and returns its value. */
    public static <T> T onFx(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("FX query failed", e);
        }
    }

    /** Returns the text of the labeled or text input node that {@code query} finds. */
    public static String text(FxRobot robot, String query) {
        return onFx(() -> textOf(robot.lookup(query).query()));
    }

    /** Returns whether {@code query} finds a node that is visible. */
    public static boolean showing(FxRobot robot, String query) {
        return onFx(() -> {
            Optional<Node> node = robot.lookup(query).tryQuery();
            return node.isPresent() && node.get().isVisible() && node.get().getScene() != null;
        });
    }

    static String textOf(Node node) {
        if (node instanceof Labeled labeled) {
            return labeled.getText();
        }
        if (node instanceof TextInputControl input) {
            return input.getText();
        }
        throw new IllegalArgumentException(node + " is a " + node.getClass().getSimpleName() + ", not a text node");
    }

    /**
     * Waits until {@code condition}, evaluated on the FX thread, holds. After {@code seconds} it
     * fails with a message that names {@code description}.
     */
    public static void waitUntil(String description, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting until " + description, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
