package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeListener;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.ProbeRun;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.Target;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ConcurrentHashMap;

/** One scenario run: prepares credentials and servers, runs the rows, and stops the servers. */
final class TableExecution {

    private static final Logger LOG = LoggerFactory.getLogger(TableExecution.class);
    private static final String CALLER = "mtls-studio-scenarios";

    private final ScenarioSettings settings;
    private final ScenarioListener listener;
    private final List<Scenario> scenarios;
    private final ScenarioResult[] results;
    private final CompletableFuture<ScenarioReport> report = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<ProbeRun> activeProbes = ConcurrentHashMap.newKeySet();

    private volatile RunCredentials credentials;
    private volatile EmbeddedServers embedded;

    TableExecution(ScenarioSettings settings, ScenarioListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.scenarios = settings.scenarios();
        this.results = new ScenarioResult[scenarios.size()];
    }

    CompletableFuture<ScenarioReport> report() {
        return report;
    }

    void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            LOG.info("Scenario run cancelled; stopping {} connection attempts", activeProbes.size());
            activeProbes.forEach(ProbeRun::cancel);
        }
    }

    void run() {
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        String servers = settings.servers().describe();
        LOG.info("Scenario run of {} rows on {}", scenarios.size(), servers);
        emit(new ScenarioEvent.TableStarted(scenarios, servers));

        String setupError = "";
        try {
            setupError = prepare();
            if (setupError.isEmpty()) {
                runRows();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        } catch (RuntimeException e) {
            LOG.error("Scenario run on {} failed unexpectedly", servers, e);
            setupError = "The scenario run failed unexpectedly: " + e;
        } finally {
            stopEmbedded();
        }

        finishRemaining(setupError);
        ScenarioReport finished = new ScenarioReport(servers, startedAt, Duration.ofNanos(System.nanoTime() - startNanos),
                Arrays.asList(results), cancelled.get(), setupError);
        LOG.info("Scenario run on {}: {}", servers, finished.summary());
        emit(new ScenarioEvent.TableFinished(finished));
        report.complete(finished);
    }

    /** Fills the credentials and starts the embedded frontends; returns a set-up error, or an empty string. */
    private String prepare() {
        Set<ClientSetup> setups = EnumSet.noneOf(ClientSetup.class);
        Set<ServerMode> modes = EnumSet.noneOf(ServerMode.class);
        for (Scenario scenario : scenarios) {
            setups.add(scenario.client());
            modes.add(scenario.server());
        }

        if (!(settings.servers() instanceof ScenarioServers.Embedded)) {
            credentials = RunCredentials.forUserServers(settings.credentials(), setups);
            return "";
        }
        credentials = RunCredentials.forEmbedded(settings.credentials(), setups);
        if (cancelled.get()) {
            return "";
        }
        try {
            embedded = EmbeddedServers.start(modes, credentials);
            return "";
        } catch (IOException e) {
            LOG.error("Embedded frontends for the scenario run could not start", e);
            return e.getMessage();
        }
    }

    private void runRows() throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(settings.parallelism(), Math.max(1, scenarios.size())),
                new DefaultThreadFactory("mtls-scenario-row", true));
        try {
            List<Future<?>> rows = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                int index = i;
                rows.add(workers.submit(() -> runRow(index)));
            }
            for (Future<?> row : rows) {
                try {
                    row.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("A scenario row failed unexpectedly", e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private void runRow(int index) {
        Scenario scenario = scenarios.get(index);
        if (cancelled.get()) {
            return;
        }
        String notRunnable = notRunnableReason(scenario);
        if (notRunnable != null) {
            finish(index, ScenarioResult.notRun(scenario, notRunnable));
            return;
        }

        Target target = target(scenario.server());
        RunCredentials.ClientCertificate certificate = credentials.certificate(scenario.client());
        ProbeOptions options = options(scenario, target, certificate);
        emit(new ScenarioEvent.RowStarted(index, scenario, target.toString()));

        long start = System.nanoTime();
        ProbeRun probe = HandshakeProbe.start(options, ProbeListener.NONE);
        activeProbes.add(probe);
        if (cancelled.get()) {
            probe.cancel();
        }
        ProbeReport probeReport = probe.report().join();
        activeProbes.remove(probe);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        finish(index, ScenarioResult.judge(scenario, probeReport, elapsed, serverVerdict(scenario, certificate, probeReport)));
    }

    /**
     * Returns the embedded mutual TLS frontend's verdict on the certificate this row sent. Rows
     * that sent no certificate get none, even when another row sent the same one.
     */
    private String serverVerdict(Scenario scenario, RunCredentials.ClientCertificate certificate, ProbeReport probeReport) {
        if (embedded == null || certificate == null || scenario.server() != ServerMode.MUTUAL_TLS) {
            return "";
        }
        X509Certificate leaf = certificate.chain().get(0);
        boolean sent = probeReport.step(StepId.CLIENT_CERTIFICATE).evidence().stream()
                .anyMatch(evidence -> evidence.certificates().contains(leaf));
        return sent ? embedded.takeVerdict(leaf) : "";
    }

    private String notRunnableReason(Scenario scenario) {
        if (settings.servers() instanceof ScenarioServers.UserServers user && user.target(scenario.server()) == null) {
            return "This row needs " + describeServer(scenario.server()) + ", and none was given.";
        }
        if (scenario.client().tls() && scenario.serverName() != null && !credentials.hostnameVerification()) {
            return "This row tests the host name check, and host name verification is turned off.";
        }
        return credentials.missingReason(scenario.client());
    }

    private static String describeServer(ServerMode mode) {
        return switch (mode) {
            case MUTUAL_TLS -> "a secured server (mutual TLS)";
            case UNSECURED -> "an unsecured server (TLS off)";
            case TLS_ONLY -> "a TLS-only server (no client authentication)";
        };
    }

    private Target target(ServerMode mode) {
        if (settings.servers() instanceof ScenarioServers.UserServers user) {
            return user.target(mode);
        }
        return embedded.target(mode);
    }

    private ProbeOptions options(Scenario scenario, Target target, RunCredentials.ClientCertificate certificate) {
        ProbeOptions.Builder builder = ProbeOptions.builder(target)
                .timeout(settings.timeout())
                .caller(CALLER);
        if (!scenario.client().tls()) {
            return builder.plaintext().build();
        }
        builder.trustedCas(credentials.trustedCas())
                .serverName(scenario.serverName() != null ? scenario.serverName() : credentials.serverName())
                .hostnameVerification(credentials.hostnameVerification())
                .tlsVersion(scenario.tlsVersion());
        if (certificate != null) {
            builder.clientCertificate(certificate.chain(), certificate.key());
        }
        return builder.build();
    }

    private void finish(int index, ScenarioResult result) {
        LOG.debug("Scenario row {}: {} ({}) {}", result.scenario().id(), result.verdict(), result.describeActual(), result.reason());
        synchronized (results) {
            results[index] = result;
        }
        emit(new ScenarioEvent.RowFinished(index, result));
    }

    /** Gives every row without a result a NOT_RUN result: cancelled, or stopped by a set-up error. */
    private void finishRemaining(String setupError) {
        for (int i = 0; i < results.length; i++) {
            boolean missing;
            synchronized (results) {
                missing = results[i] == null;
            }
            if (missing) {
                String reason = !setupError.isEmpty() ? "Not run: " + setupError : "Cancelled before it ran.";
                finish(i, ScenarioResult.notRun(scenarios.get(i), reason));
            }
        }
    }

    private void stopEmbedded() {
        EmbeddedServers running = embedded;
        if (running != null) {
            running.close();
        }
    }

    private synchronized void emit(ScenarioEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A scenario listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }
}
