package io.mtlsstudio.ui.config;

import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.TestUiThread;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Background work for view-model tests whose outcomes go to a {@link TestUiThread}, and which
 * closes in order: it waits for the background tasks, then for the outcomes they handed to the UI
 * thread, and only then closes the UI thread. Closing both at once would reject late outcomes on
 * a background thread, and TestFX reports such an exception in whichever test runs next.
 */
public final class DrainedWork implements AutoCloseable {

    private final TestUiThread ui;
    private final ExecutorService background = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "drained-background");
        thread.setDaemon(true);
        return thread;
    });
    private final BackgroundWork work;

    public DrainedWork(TestUiThread ui) {
        this.ui = ui;
        this.work = new BackgroundWork(background, task -> ui.work().ui(task));
    }

    public BackgroundWork work() {
        return work;
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new AssertionError("Background work still ran 30 s after the test");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for background work", e);
        }
        // The UI thread runs tasks in order, so this runs after every outcome handed to it.
        ui.run(() -> { });
        ui.close();
    }
}
