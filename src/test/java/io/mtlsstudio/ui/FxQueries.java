package io.mtlsstudio.ui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads the scene on the FX thread and waits for asynchronous outcomes, for TestFX tests. */
final class FxQueries {

    private FxQueries() {
    }

    /** Runs {@code query} on the FX thread and returns its value. */
    static <T> T onFx(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("FX query failed", e);
        }
    }

    static String text(FxRobot robot, String query) {
        return onFx(() -> {
            Node node = robot.lookup(query).query();
            if (node instanceof Labeled labeled) {
                return labeled.getText();
            }
            if (node instanceof TextInputControl input) {
                return input.getText();
            }
            throw new IllegalArgumentException(query + " is a " + node.getClass().getSimpleName() + ", not a text node");
        });
    }

    static boolean disabled(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).query().isDisabled());
    }

    /**
     * Waits until {@code condition}, evaluated on the FX thread, holds. After {@code seconds} it
     * fails with a message that names {@code description}.
     */
    static void waitUntil(String description, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting until " + description, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
