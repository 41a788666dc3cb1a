package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.testing.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioCancelTest {

    /** A loopback server that accepts connections and never sends a byte, so every attempt waits for its timeout. */
    private ServerSocket silent;
    private final List<Socket> acceptedSockets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSilentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    acceptedSockets.add(silent.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopSilentServer() throws IOException {
        silent.close();
        for (Socket socket : acceptedSockets) {
            socket.close();
        }
    }

    @Test
    void cancelStopsRunningProbeAndSkipsTheRest() throws Exception {
        Target target = new Target("127.0.0.1", silent.getLocalPort());
        Credentials pki = Credentials.shared();
        ScenarioSettings settings = ScenarioSettings.userServers(new ScenarioServers.UserServers(target, target, target),
                        ScenarioCredentials.builder()
                                .clientCertificate(List.of(pki.client.certificate()), pki.client.key())
                                .trustedCas(List.of(pki.ca.certificate()))
                                .build())
                .timeout(Duration.ofSeconds(30))
                .parallelism(1)
                .build();
        CountDownLatch firstRowStarted = new CountDownLatch(1);
        List<ScenarioEvent> events = Collections.synchronizedList(new ArrayList<>());

        long start = System.nanoTime();
        ScenarioRun run = ScenarioRunner.start(settings, event -> {
            events.add(event);
            if (event instanceof ScenarioEvent.RowStarted) {
                firstRowStarted.countDown();
            }
        });
        assertTrue(firstRowStarted.await(10, TimeUnit.SECONDS), "no row started");
        Thread.sleep(200);
        run.cancel();
        ScenarioReport report = run.report().get(10, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(report.cancelled());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "cancel took " + took);
        assertEquals(13, report.count(Verdict.NOT_RUN), () -> ScenarioEmbeddedTableTest.describe(report));

        ScenarioResult running = report.results().get(0);
        assertEquals("Cancelled while running.", running.reason());
        assertNotNull(running.report());
        assertEquals(ProbeReport.Result.CANCELLED, running.report().result());
        for (ScenarioResult rest : report.results().subList(1, 13)) {
            assertEquals("Cancelled before it ran.", rest.reason(), rest.scenario().id());
        }
        assertTrue(report.allRunPassed());
        assertTrue(report.summary().endsWith("(cancelled)"), report.summary());

        assertInstanceOf(ScenarioEvent.TableFinished.class, events.get(events.size() - 1));
        assertEquals(13, events.stream().filter(ScenarioEvent.RowFinished.class::isInstance).count());
        assertEquals(1, events.stream().filter(ScenarioEvent.RowStarted.class::isInstance).count());
    }

    @Test
    void cancelFromListenerStopsEmbeddedFrontends() throws Exception {
        Set<String> targets = Collections.synchronizedSet(new TreeSet<>());
        AtomicReference<ScenarioRun> runRef = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);

        ScenarioRun run = ScenarioRunner.start(ScenarioSettings.embedded(ScenarioCredentials.none()).parallelism(1).build(), event -> {
            if (event instanceof ScenarioEvent.RowStarted rowStarted) {
                targets.add(rowStarted.target());
            }
            if (event instanceof ScenarioEvent.RowFinished) {
                awaitQuietly(started);
                runRef.get().cancel();
            }
        });
        runRef.set(run);
        started.countDown();
        ScenarioReport report = run.report().get(10, TimeUnit.SECONDS);

        assertTrue(report.cancelled());
        assertEquals(Verdict.PASS, report.results().get(0).verdict(), report.results().get(0).reason());
        assertTrue(report.count(Verdict.NOT_RUN) >= 11, () -> ScenarioEmbeddedTableTest.describe(report));
        for (ScenarioResult result : report.results()) {
            if (result.verdict() == Verdict.NOT_RUN) {
                assertTrue(result.reason().startsWith("Cancelled"), result.scenario().id() + ": " + result.reason());
            }
        }
        assertFalse(targets.isEmpty());
        for (String target : targets) {
            int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), target + " still accepts connections");
        }
    }

    @Test
    void cancelRightAfterStartEndsTheRun() throws Exception {
        ScenarioRun run = ScenarioRunner.start(ScenarioSettings.embedded(ScenarioCredentials.none()).build(), ScenarioListener.NONE);
        run.cancel();
        run.cancel();
        ScenarioReport report = run.report().get(10, TimeUnit.SECONDS);
        run.cancel();

        assertTrue(report.cancelled());
        assertEquals(13, report.results().size());
        assertEquals("", report.setupError());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
