package io.mtlsstudio.ui;

import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
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

    /** Returns whether a node matches {@code query}, is in a scene, and it and all its parents are visible. */
    static boolean visible(FxRobot robot, String query) {
        return onFx(() -> {
            Node node = robot.lookup(query).tryQuery().orElse(null);
            if (node == null || node.getScene() == null) {
                return false;
            }
            for (Node current = node; current != null; current = current.getParent()) {
                if (!current.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Selects the whole text of a field and deletes it, as a user does with Ctrl+A and Backspace. */
    static void clearField(FxRobot robot, String query) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the form has checked the three sample files that a new window starts with. */
    static void waitForSampleFiles(MainViewModel model) {
        waitUntil("the sample files are checked", 30, () -> model.connection().files().stream()
                .allMatch(field -> field.state() == CredentialFieldModel.State.VALID));
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
