package io.mtlsstudio.ui.config;

import io.mtlsstudio.cadence.config.CadenceDevLayout;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.TestUiThread;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cadence config tab's model without a JavaFX toolkit, on Cadence's development TLS layout. */
class ConfigViewModelTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private final TestUiThread ui = new TestUiThread();
    private ConnectionViewModel connection;
    private ConfigViewModel model;

    @BeforeEach
    void create() {
        connection = ui.call(() -> new ConnectionViewModel(ui.work()));
        model = ui.call(() -> new ConfigViewModel(ui.work(), connection, new RecentFiles(folder.resolve("settings")), Map::of));
    }

    @AfterEach
    void stop() {
        ui.call(() -> {
            model.close();
            return null;
        });
        ui.close();
    }

    private void loadDevelopmentTls() {
        ui.run(() -> {
            model.pathProperty().set(CadenceDevLayout.configFolder().toString());
            model.load();
        });
        ui.awaitUntil("the configuration loads", LIMIT, () -> !model.loadingProperty().get());
    }

    private SettingRow block(String path) {
        return ui.call(() -> model.blocks().stream().filter(row -> row.key().equals(path)).findFirst().orElseThrow());
    }

    private static SettingRow key(SettingRow block, String key) {
        return block.children().stream().filter(row -> row.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void defaultsAreDevelopmentAndTls() {
        assertEquals("development", ui.call(() -> model.envProperty().get()));
        assertEquals("tls", ui.call(() -> model.zoneProperty().get()));
    }

    @Test
    void developmentTlsShowsEveryBlock() {
        loadDevelopmentTls();

        assertEquals("", ui.call(() -> model.errorProperty().get()));
        List<String> paths = ui.call(() -> model.blocks().stream().map(SettingRow::key).toList());
        assertEquals(List.of("services.frontend.rpc.tls", "services.matching.rpc.tls", "services.history.rpc.tls",
                "clusterGroupMetadata.clusterGroup.cluster0.tls"), paths);
        SettingRow frontend = block("services.frontend.rpc.tls");
        assertEquals(List.of("enabled", "certFile", "keyFile", "caFile", "caFiles", "requireClientAuth", "enableHostVerification",
                "serverName"), frontend.children().stream().map(SettingRow::key).toList());
        assertEquals("TLS on", frontend.value());
        assertEquals("config/development_tls.yaml:6", frontend.source());
        assertEquals("2 warnings", frontend.check());
        assertEquals("1 error, 1 warning", block("clusterGroupMetadata.clusterGroup.cluster0.tls").check());
    }

    @Test
    void developmentTlsShowsValueSourceAndResolvedPath() {
        loadDevelopmentTls();
        SettingRow frontend = block("services.frontend.rpc.tls");
        Path credentials = CadenceDevLayout.credentials();

        SettingRow certFile = key(frontend, "certFile");
        assertEquals("config/credentials/keytest.crt", certFile.value());
        assertEquals("config/development_tls.yaml:8", certFile.source());
        assertEquals(credentials.resolve("keytest.crt").toString(), certFile.resolved());
        assertEquals("WARNING: CERT_SELF_SIGNED, CERT_NO_SAN", certFile.check());

        SettingRow caFile = key(frontend, "caFile");
        assertEquals("\"\"", caFile.value());
        assertEquals("default", caFile.source());

        SettingRow caFiles = key(frontend, "caFiles");
        assertEquals(1, caFiles.children().size());
        assertEquals("caFiles[0]", caFiles.children().get(0).key());
        assertEquals(credentials.resolve("client.crt").toString(), caFiles.children().get(0).resolved());
        assertEquals("VALID", caFiles.children().get(0).check());

        assertEquals("false", key(frontend, "enableHostVerification").value());
        assertEquals("default", key(frontend, "enableHostVerification").source());
    }

    @Test
    void developmentTlsShowsConfigurationAndFileFindings() {
        loadDevelopmentTls();
        List<FindingRow> findings = ui.call(() -> List.copyOf(model.findings()));

        FindingRow cluster = findings.stream().filter(row -> row.code().equals("TLS_CLUSTER_NO_CLIENT_CERT")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, cluster.severity());
        assertEquals(FindingRow.Origin.CONFIGURATION, cluster.origin());
        assertEquals("clusterGroupMetadata.clusterGroup.cluster0.tls at config/development_tls.yaml:31", cluster.where());
        assertTrue(cluster.fix().startsWith("Set certFile and keyFile"), cluster.fix());
        assertEquals(cluster, findings.get(0), "errors come first");

        FindingRow noSan = findings.stream().filter(row -> row.code().equals("CERT_NO_SAN")).findFirst().orElseThrow();
        assertEquals(FindingRow.Origin.FILE, noSan.origin());
        assertEquals("config/credentials/keytest.crt (certificate)", noSan.where());
        assertEquals(4, findings.stream().filter(row -> row.code().equals("TLS_HOST_VERIFICATION_OFF")).count());
        assertTrue(ui.call(() -> model.summaryProperty().get()).startsWith("Loaded base.yaml, development.yaml, development_tls.yaml"),
                ui.call(() -> model.summaryProperty().get()));
    }

    @Test
    void missingZoneLayerIsReported() {
        ui.run(() -> model.zoneProperty().set("tsl"));
        loadDevelopmentTls();

        FindingRow missing = ui.call(() -> model.findings().stream().filter(row -> row.code().equals("CONFIG_LAYER_MISSING"))
                .findFirst().orElseThrow());
        assertTrue(missing.message().contains("development_tsl.yaml does not exist"), missing.message());
        assertEquals("absent", block("services.frontend.rpc.tls").value());
    }

    @Test
    void yamlErrorShowsFileLineAndColumn() throws Exception {
        Path config = Files.createDirectories(folder.resolve("config"));
        Files.writeString(config.resolve("base.yaml"), "services:\n  frontend:\n    rpc: [unclosed\n");
        ui.run(() -> {
            model.pathProperty().set(config.toString());
            model.load();
        });
        ui.awaitUntil("the load fails", LIMIT, () -> !model.errorProperty().get().isEmpty());

        var location = ui.call(() -> model.errorLocationProperty().get());
        assertEquals(config.resolve("base.yaml"), location.file());
        assertEquals(4, location.line());
        assertEquals(1, location.column());
        assertTrue(ui.call(() -> model.errorProperty().get()).contains("invalid YAML"), ui.call(() -> model.errorProperty().get()));
        assertNull(ui.call(() -> model.configProperty().get()));
        assertTrue(ui.call(() -> model.blocks().isEmpty()));
    }

    @Test
    void missingFolderIsReported() {
        Path absent = folder.resolve("no-such-config");
        ui.run(() -> {
            model.pathProperty().set(absent.toString());
            model.load();
        });
        ui.awaitUntil("the load fails", LIMIT, () -> !model.errorProperty().get().isEmpty());

        assertTrue(ui.call(() -> model.errorProperty().get()).startsWith(absent + " was not found."),
                ui.call(() -> model.errorProperty().get()));
    }

    @Test
    void embeddedFrontendServesFrontendBlock() throws Exception {
        loadDevelopmentTls();

        ui.run(model::startFrontend);
        ui.awaitUntil("the frontend runs", LIMIT, () -> model.frontendStateProperty().get() != ConfigViewModel.FrontendState.STARTING);
        String address = ui.call(() -> model.frontendAddressProperty().get());
        assertEquals(ConfigViewModel.FrontendState.RUNNING, ui.call(() -> model.frontendStateProperty().get()),
                ui.call(() -> model.frontendMessageProperty().get()));
        assertTrue(address.matches("127\\.0\\.0\\.1:\\d+"), address);
        assertTrue(ui.call(() -> model.frontendMessageProperty().get()).startsWith("Mutual TLS: client certificates must chain"),
                ui.call(() -> model.frontendMessageProperty().get()));

        ProbeReport report = HandshakeProbe.run(developmentClient(address).build());
        assertEquals(ProbeReport.Result.SUCCESS, report.result(), report.findings().toString());
        ui.awaitUntil("the frontend reports the client", LIMIT, () -> !model.lastFrontendEventProperty().get().isEmpty());

        ProbeReport withoutCertificate = HandshakeProbe.run(ProbeOptions.builder(Target.parse(address))
                .trustedCas(CredentialFiles.readCertificates(CadenceDevLayout.credentials().resolve("keytest.crt")))
                .hostnameVerification(false).build());
        assertEquals(StepId.VERIFY_CLIENT, withoutCertificate.failedStep());
    }

    @Test
    void useAsTargetFillsConnectionForm() {
        loadDevelopmentTls();
        ui.run(() -> connection.embeddedFrontendProperty().set(true));
        ui.run(model::startFrontend);
        ui.awaitUntil("the frontend runs", LIMIT, () -> model.frontendStateProperty().get() == ConfigViewModel.FrontendState.RUNNING);

        ui.run(model::useAsTarget);

        assertEquals(ui.call(() -> model.frontendAddressProperty().get()), ui.call(() -> connection.targetProperty().get()));
        assertFalse(ui.call(() -> connection.embeddedFrontendProperty().get()), "the demo frontend is turned off");
    }

    @Test
    void stopClosesEmbeddedFrontend() throws Exception {
        loadDevelopmentTls();
        ui.run(model::startFrontend);
        ui.awaitUntil("the frontend runs", LIMIT, () -> model.frontendStateProperty().get() == ConfigViewModel.FrontendState.RUNNING);
        String address = ui.call(() -> model.frontendAddressProperty().get());

        ui.run(model::stopFrontend);
        ui.awaitUntil("the frontend stops", LIMIT, () -> model.frontendStateProperty().get() == ConfigViewModel.FrontendState.STOPPED);

        assertEquals("", ui.call(() -> model.frontendAddressProperty().get()));
        assertEquals("Stopped the embedded frontend that listened on " + address + ".",
                ui.call(() -> model.frontendMessageProperty().get()));
        ProbeReport report = HandshakeProbe.run(developmentClient(address).timeout(Duration.ofSeconds(5)).build());
        assertEquals(StepId.CONNECT, report.failedStep());
    }

    @Test
    void brokenFrontendBlockDoesNotStart() throws Exception {
        Path config = Files.createDirectories(folder.resolve("config"));
        Files.writeString(config.resolve("development.yaml"), """
                services:
                  frontend:
                    rpc:
                      tls:
                        enabled: true
                        certFile: certs/absent.crt
                        keyFile: certs/absent.key
                """);
        ui.run(() -> {
            model.pathProperty().set(config.toString());
            model.load();
        });
        ui.awaitUntil("the configuration loads", LIMIT, () -> !model.loadingProperty().get());

        ui.run(model::startFrontend);
        ui.awaitUntil("the start fails", LIMIT, () -> model.frontendMessageProperty().get().startsWith("The embedded frontend did not start"));

        String message = ui.call(() -> model.frontendMessageProperty().get());
        assertTrue(message.contains("services.frontend.rpc.tls cannot be served"), message);
        assertTrue(message.contains("TLS_FILE_MISSING"), message);
        assertEquals(ConfigViewModel.FrontendState.STOPPED, ui.call(() -> model.frontendStateProperty().get()));
    }

    @Test
    void invalidPortIsReported() {
        loadDevelopmentTls();
        ui.run(() -> model.portProperty().set("70000"));

        ui.run(model::startFrontend);

        assertEquals("Invalid port \"70000\": enter 0 for a free port, or a number from 1 to 65535.",
                ui.call(() -> model.frontendMessageProperty().get()));
        assertEquals(ConfigViewModel.FrontendState.STOPPED, ui.call(() -> model.frontendStateProperty().get()));
    }

    @Test
    void openedPathIsRemembered() throws Exception {
        ui.run(() -> model.open(CadenceDevLayout.configFolder().toFile()));
        ui.awaitUntil("the path is remembered", LIMIT, () -> !model.recentPaths().isEmpty());

        assertEquals(List.of(CadenceDevLayout.configFolder()), ui.call(() -> List.copyOf(model.recentPaths())));
        assertEquals(List.of(CadenceDevLayout.configFolder()),
                new RecentFiles(folder.resolve("settings")).list(RecentFiles.CADENCE_CONFIG));
    }

    private static ProbeOptions.Builder developmentClient(String address) throws Exception {
        Path credentials = CadenceDevLayout.credentials();
        return ProbeOptions.builder(Target.parse(address))
                .trustedCas(CredentialFiles.readCertificates(credentials.resolve("keytest.crt")))
                .clientCertificate(CredentialFiles.readCertificates(credentials.resolve("client.crt")),
                        CredentialFiles.readPrivateKey(credentials.resolve("client.key")))
                .hostnameVerification(false);
    }
}
