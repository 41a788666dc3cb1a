package io.mtlsstudio.ui.config;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Scene queries and waits for the TestFX tests of the config, export, generator and profile views:
 * every read runs on the FX thread.
 */
public final class Fx {

    private Fx() {
    }

    /** Shows {@code root} on {@code stage} with the application's stylesheets. */
    public static void show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(stylesheet("app.css"), stylesheet("light.css"));
        stage.setScene(scene);
        stage.show();
    }

    private static String stylesheet(String name) {
        return Fx.class.getResource("/io/mtlsstudio/ui/" + name).toExternalForm();
    }

    /** Runs {@code query} on the FX thread and returns its value. */
    public static <T> T onFx(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new IllegalStateException("FX query failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("FX query timed out", e);
        }
    }

    /** Runs {@code action} on the FX thread and waits for it and the events it caused. */
    public static void runFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static String text(FxRobot robot, String query) {
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

    public static boolean disabled(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).query().isDisabled());
    }

    public static boolean exists(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().isPresent());
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds; fails naming {@code description} after {@code seconds}. */
    public static void waitUntil(String description, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting until " + description, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
