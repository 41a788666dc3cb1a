package io.mtlsstudio.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single thread that plays the UI thread for view-model tests without a JavaFX toolkit, and a
 * pool for the background work. View models are touched only through {@link #call}.
 */
public final class TestUiThread implements AutoCloseable {

    // Work that finishes after close() is dropped instead of rejected: a rejection would be thrown on a
    // background thread and TestFX would report it against whichever window test runs next.
    private final ExecutorService ui = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, java.util.concurrent.TimeUnit.SECONDS,
            new java.util.concurrent.LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "test-ui");
                thread.setDaemon(true);
                return thread;
            }, new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
    private final ExecutorService background = new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
            java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "test-background");
                thread.setDaemon(true);
                return thread;
            }, new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
    private final BackgroundWork work = new BackgroundWork(background, ui);

    public BackgroundWork work() {
        return work;
    }

    /** Runs {@code action} on the UI thread and returns its value. */
    public <T> T call(Callable<T> action) {
        try {
            return ui.submit(action).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The UI thread did not answer within 10 s", e);
        }
    }

    public void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Polls {@code condition} on the UI thread until it holds, and fails naming {@code description} after {@code limit}. */
    public void awaitUntil(String description, Duration limit, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!call(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + limit.toSeconds() + " s waiting until " + description);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + description, e);
            }
        }
    }

    @Override
    public void close() {
        ui.shutdownNow();
        background.shutdownNow();
    }
}
