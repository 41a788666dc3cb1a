package io.mtlsstudio.ui;

import javafx.application.Platform;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs blocking work (file reads, server start-up, cancelling a probe) off the UI thread and
 * hands its outcome back on the UI thread. View models take an instance instead of calling
 * {@link Platform#runLater} themselves, so that their tests can run without a JavaFX toolkit.
 */
public final class BackgroundWork {

    private final Executor background;
    private final Executor ui;

    public BackgroundWork(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Work on daemon threads named {@code mtls-ui-work-N}; outcomes on the JavaFX application thread. */
    public static BackgroundWork javafx() {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "mtls-ui-work-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new BackgroundWork(pool, Platform::runLater);
    }

    /**
     * Runs {@code work} in the background, then {@code onSuccess} with its value or
     * {@code onFailure} with the exception it threw, on the UI thread.
     */
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        background.execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onSuccess.accept(value));
        });
    }

    /** Runs a task in the background with no outcome to report. */
    public void background(Runnable task) {
        background.execute(task);
    }

    /** Runs a task on the UI thread, later. */
    public void ui(Runnable task) {
        ui.execute(task);
    }

    public Executor uiExecutor() {
        return ui;
    }
}
