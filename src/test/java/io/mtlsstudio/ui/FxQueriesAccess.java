package io.mtlsstudio.ui;

import org.testfx.api.FxRobot;

import java.util.concurrent.Callable;

/** Makes the package-private {@link FxQueries} helpers available to TestFX tests in sub-packages. */
public final class FxQueriesAccess {

    private FxQueriesAccess() {
    }

    public static <T> T onFx(Callable<T> query) {
        return FxQueries.onFx(query);
    }

    public static String text(FxRobot robot, String query) {
        return FxQueries.text(robot, query);
    }

    public static boolean visible(FxRobot robot, String query) {
        return FxQueries.visible(robot, query);
    }

    public static void clearField(FxRobot robot, String query) {
        FxQueries.clearField(robot, query);
    }

    public static void waitForSampleFiles(MainViewModel model) {
        FxQueries.waitForSampleFiles(model);
    }

    public static void waitUntil(String description, long seconds, Callable<Boolean> condition) {
        FxQueries.waitUntil(description, seconds, condition);
    }
}
