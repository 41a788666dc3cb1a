package io.mtlsstudio.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one JavaFX application in this JVM, prints the wall-clock time of its first frame and
 * exits; {@link StartupBenchmark} runs it in child processes and subtracts their spawn time.
 *
 * <p>Usage: {@code StartupProbe APPLICATION_CLASS [--connect]}. The application is created and
 * started by {@link Host}, the way {@code Application.launch} would, so that the app and the
 * minimal window are timed by the same code. For {@code io.mtlsstudio.ui.MtlsStudioApp}
 * the probe first sends java.util.logging through SLF4J, as {@code io.mtlsstudio.Main} does.
 *
 * <p>The first frame is the first pulse after the one that laid out the shown scene: JavaFX
 * starts a pulse only after the previous pulse's frame has been rendered, so the time is taken
 * once the window's first full frame is done. The probe also prints when the application's
 * {@code start} method was entered and returned, and when the first layout pulse ended.
 *
 * <p>With {@code --connect} the probe then waits for the window's own connection (the app must
 * run with {@code -Dmtls.studio.autoConnect=true}, which presses Connect against the embedded
 * demo frontend): it watches the Cancel button turn enabled and back to disabled, then reads the
 * resident set size of the process from {@code /proc/self/status}.
 *
 * <p>Output lines start with {@code startup-probe} and hold {@code key=value} pairs.
 */
public final class StartupProbe {

    static final String OUTPUT_PREFIX = "startup-probe";
    static final String CONNECT_OPTION = "--connect";

    private static final String APP_CLASS = "io.mtlsstudio.ui.MtlsStudioApp";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;

    private static String applicationClass;
    private static boolean connect;

    // Written and read on the FX thread only.
    private static Instant startEntered;
    private static Instant startReturned;
    private static Instant firstLayout;

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StartupProbe APPLICATION_CLASS [--connect]");
            System.exit(2);
        }
        applicationClass = args[0];
        connect = List.of(args).contains(CONNECT_OPTION);
        if (APP_CLASS.equals(applicationClass)) {
            Method route = Class.forName("io.mtlsstudio.Main").getDeclaredMethod("routeJavaUtilLogging");
            route.setAccessible(true);
            route.invoke(null);
        }
        Application.launch(Host.class);
    }

    /**
     * Creates, initialises and starts the measured application on the FX thread. The probe's
     * main class must not extend {@link Application}: the java launcher would then demand
     * JavaFX as modules, which a class-path run from the shaded jar does not have.
     */
    public static final class Host extends Application {

        private Application target;

        @Override
        public void start(Stage stage) throws Exception {
            startEntered = Instant.now();
            target = Class.forName(applicationClass).asSubclass(Application.class).getDeclaredConstructor().newInstance();
            target.init();
            target.start(stage);
            startReturned = Instant.now();
            watchFirstFrame(stage.getScene());
        }

        @Override
        public void stop() throws Exception {
            if (target != null) {
                target.stop();
            }
        }
    }

    private static void watchFirstFrame(Scene scene) {
        Runnable afterLayout = new Runnable() {
            @Override
            public void run() {
                firstLayout = Instant.now();
                scene.removePostLayoutPulseListener(this);
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        stop();
                        onFirstFrame(scene);
                    }
                }.start();
            }
        };
        scene.addPostLayoutPulseListener(afterLayout);
    }

    private static void onFirstFrame(Scene scene) {
        print("first-frame-epoch-micros=" + epochMicros(Instant.now())
                + " start-entered-epoch-micros=" + epochMicros(startEntered)
                + " start-returned-epoch-micros=" + epochMicros(startReturned)
                + " first-layout-epoch-micros=" + epochMicros(firstLayout));
        if (!connect) {
            print(memory("after-first-frame"));
            exit(0);
            return;
        }
        Thread waiter = new Thread(() -> awaitConnection(scene), "startup-probe-connect");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Waits off the FX thread for the Cancel button to be enabled and disabled again, which brackets one run. */
    private static void awaitConnection(Scene scene) {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        boolean started = false;
        try {
            while (System.nanoTime() < deadline) {
                Boolean enabled = cancelEnabled(scene);
                if (enabled == null) {
                    print("error=no-cancel-button");
                    exit(1);
                    return;
                }
                if (enabled) {
                    started = true;
                } else if (started) {
                    // The window publishes the report right after the run ends; give it one more pulse.
                    Thread.sleep(500);
                    print(memory("after-connection"));
                    exit(0);
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print("error=connection-not-observed started=" + started + " " + memory("at-timeout"));
        exit(1);
    }

    private static Boolean cancelEnabled(Scene scene) throws InterruptedException {
        Boolean[] result = new Boolean[1];
        java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            Node cancel = scene.lookup("#cancelButton");
            result[0] = cancel == null ? null : !cancel.isDisabled();
            read.countDown();
        });
        if (!read.await(5, TimeUnit.SECONDS)) {
            return null;
        }
        return result[0];
    }

    /**
     * Returns, in KiB, VmHWM (peak resident set), VmRSS and its parts RssAnon (heap, metaspace,
     * code, native allocations) and RssFile (mapped files: libraries, CDS archives, the jimage),
     * read from {@code /proc/self/status}, and the Java heap in use and committed.
     */
    static String memory(String when) {
        Map<String, Long> status = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                int colon = line.indexOf(':');
                String key = colon < 0 ? "" : line.substring(0, colon);
                if (List.of("VmHWM", "VmRSS", "RssAnon", "RssFile").contains(key)) {
                    status.put(key, Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException e) {
            return "memory=unavailable reason=" + e.getMessage().replace(' ', '_');
        }
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = (runtime.totalMemory() - runtime.freeMemory()) / 1024;
        return String.format(Locale.ROOT, "memory-when=%s vm-hwm-kib=%d vm-rss-kib=%d rss-anon-kib=%d rss-file-kib=%d"
                        + " heap-used-kib=%d heap-committed-kib=%d",
                when, status.getOrDefault("VmHWM", -1L), status.getOrDefault("VmRSS", -1L),
                status.getOrDefault("RssAnon", -1L), status.getOrDefault("RssFile", -1L),
                heapUsed, runtime.totalMemory() / 1024);
    }

    static long epochMicros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1000;
    }

    private static void print(String fields) {
        System.out.println(OUTPUT_PREFIX + " " + fields);
        System.out.flush();
    }

    /** Ends the JVM without waiting for the app's threads; the measurement is complete. */
    private static void exit(int status) {
        Runtime.getRuntime().halt(status);
    }
}
