package io.mtlsstudio.ui.export;

import io.mtlsstudio.cadence.config.CadenceConfig;
import io.mtlsstudio.cadence.config.CadenceConfigLoader;
import io.mtlsstudio.cadence.config.CadenceDevLayout;
import io.mtlsstudio.cadence.config.ConfigRequest;
import io.mtlsstudio.cadence.export.ExportFormat;
import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.TestUiThread;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export tab's model without a JavaFX toolkit. */
class ExportViewModelTest {

    @TempDir
    Path folder;

    private final TestUiThread ui = new TestUiThread();
    private final SimpleObjectProperty<CadenceConfig> loaded = new SimpleObjectProperty<>();
    private ConnectionViewModel connection;
    private ExportViewModel model;

    @BeforeEach
    void create() {
        connection = ui.call(() -> new ConnectionViewModel(ui.work()));
        model = ui.call(() -> new ExportViewModel(ui.work(), connection, loaded, new RecentFiles(folder.resolve("settings"))));
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    private void fillForm() {
        ui.run(() -> {
            connection.targetProperty().set("frontend.example.test:7833");
            connection.serverNameProperty().set("cadence-frontend");
            connection.tlsVersionProperty().set(TlsVersion.TLS_1_3);
            connection.clientCertificate().pathProperty().set("/certs/client.crt");
            connection.clientKey().pathProperty().set("/certs/client.key");
            connection.ca().pathProperty().set("/certs/ca.crt");
        });
    }

    private String text(ExportFormat format) {
        return ui.call(() -> model.text(format));
    }

    private String problem(ExportFormat format) {
        return ui.call(() -> model.problemProperty(format).get());
    }

    @Test
    void clientExportsFollowConnectionForm() {
        fillForm();

        for (ExportFormat format : List.of(ExportFormat.GO_CLIENT, ExportFormat.JAVA_CLIENT, ExportFormat.OPENSSL_S_CLIENT,
                ExportFormat.GRPCURL)) {
            assertEquals("", problem(format), format.name());
            assertTrue(text(format).contains("frontend.example.test"), format + ": " + text(format));
            assertTrue(text(format).contains("/certs/client.crt"), format + " names the client certificate");
            assertTrue(text(format).contains("/certs/ca.crt"), format + " names the CA");
        }
        assertTrue(text(ExportFormat.OPENSSL_S_CLIENT).contains("-servername cadence-frontend"), text(ExportFormat.OPENSSL_S_CLIENT));
        assertTrue(text(ExportFormat.OPENSSL_S_CLIENT).contains("-tls1_3"), text(ExportFormat.OPENSSL_S_CLIENT));
        assertTrue(text(ExportFormat.GRPCURL).contains("rpc-service: cadence-frontend"), text(ExportFormat.GRPCURL));
        assertEquals("Client side from the connection form: frontend.example.test:7833, server name cadence-frontend, "
                + "client certificate client.crt, CA ca.crt.", ui.call(() -> model.clientSummaryProperty().get()));
    }

    @Test
    void exportsChangeWithForm() {
        fillForm();
        assertFalse(text(ExportFormat.GRPCURL).contains("-plaintext"));

        ui.run(() -> connection.tlsProperty().set(false));

        assertTrue(text(ExportFormat.GRPCURL).contains("-plaintext"), text(ExportFormat.GRPCURL));
        assertTrue(ui.call(() -> model.clientSummaryProperty().get()).endsWith(", plaintext."));
    }

    @Test
    void invalidTargetShowsProblem() {
        ui.run(() -> connection.targetProperty().set("frontend.example.test"));

        String problem = problem(ExportFormat.GO_CLIENT);
        assertTrue(problem.contains("Invalid target \"frontend.example.test\": the port is missing."), problem);
        assertEquals("", text(ExportFormat.GO_CLIENT));
        assertEquals("", text(ExportFormat.JAVA_CLIENT));
    }

    @Test
    void certificateWithoutKeyShowsProblem() {
        fillForm();
        ui.run(() -> connection.clientKey().pathProperty().set(""));

        assertTrue(problem(ExportFormat.JAVA_CLIENT).contains("A client certificate needs its key file"),
                problem(ExportFormat.JAVA_CLIENT));
    }

    @Test
    void embeddedFrontendAddressIsExported() {
        fillForm();
        ui.run(() -> {
            connection.embeddedFrontendProperty().set(true);
            connection.setEmbeddedAddress("127.0.0.1:45678");
        });

        assertTrue(text(ExportFormat.OPENSSL_S_CLIENT).contains("127.0.0.1:45678"), text(ExportFormat.OPENSSL_S_CLIENT));
    }

    @Test
    void serverYamlNeedsCertificateAndKey() {
        fillForm();

        assertEquals("", text(ExportFormat.SERVER_YAML));
        assertTrue(problem(ExportFormat.SERVER_YAML).startsWith("The server TLS YAML needs the frontend's certificate and key"),
                problem(ExportFormat.SERVER_YAML));
    }

    @Test
    void serverYamlNeedsCaForClientAuth() {
        ui.run(() -> {
            model.serverCertificateProperty().set("/certs/frontend.crt");
            model.serverKeyProperty().set("/certs/frontend.key");
        });

        assertTrue(problem(ExportFormat.SERVER_YAML).startsWith("requireClientAuth needs a CA file"), problem(ExportFormat.SERVER_YAML));

        ui.run(() -> model.requireClientAuthProperty().set(false));
        assertEquals("", problem(ExportFormat.SERVER_YAML));
        assertTrue(text(ExportFormat.SERVER_YAML).contains("requireClientAuth: false"), text(ExportFormat.SERVER_YAML));
    }

    @Test
    void serverYamlListsEveryCaFile() {
        ui.run(() -> {
            model.serverCertificateProperty().set("/certs/frontend.crt");
            model.serverKeyProperty().set("/certs/frontend.key");
            model.serverCaFilesProperty().set("/certs/ca.crt" + File.pathSeparator + "/certs/old-ca.crt");
        });

        String yaml = text(ExportFormat.SERVER_YAML);
        assertTrue(yaml.contains("certFile: /certs/frontend.crt"), yaml);
        assertTrue(yaml.contains("- /certs/ca.crt"), yaml);
        assertTrue(yaml.contains("- /certs/old-ca.crt"), yaml);
        assertTrue(yaml.contains("requireClientAuth: true"), yaml);
        assertTrue(yaml.contains("enableHostVerification: true"), yaml);
    }

    @Test
    void configFrontendFillsServerSettings() throws Exception {
        CadenceConfig config = CadenceConfigLoader.load(ConfigRequest.of(CadenceDevLayout.configFolder()).withZone("tls")
                .withEnvironment(Map.of()));
        ui.run(() -> {
            loaded.set(config);
            model.useConfigFrontend();
        });

        assertEquals(CadenceDevLayout.credentials().resolve("keytest.crt").toString(),
                ui.call(() -> model.serverCertificateProperty().get()));
        assertFalse(ui.call(() -> model.enableHostVerificationProperty().get()));
        String yaml = text(ExportFormat.SERVER_YAML);
        assertTrue(yaml.contains("certFile: config/credentials/keytest.crt"), yaml);
        assertTrue(yaml.contains("- config/credentials/client.crt"), yaml);
        assertTrue(yaml.contains("enableHostVerification: false"), yaml);
    }

    @Test
    void saveWritesCommandAndProtoFile() throws Exception {
        fillForm();
        Path file = folder.resolve("out/health.sh");

        ExportViewModel.SaveOutcome outcome = save(ExportFormat.GRPCURL, file, false);

        assertFalse(outcome.needsConfirmation());
        assertEquals(List.of(file, folder.resolve("out/cadence_meta.proto")), outcome.written());
        assertEquals(text(ExportFormat.GRPCURL), Files.readString(file));
        assertTrue(Files.isExecutable(file), "the command is executable");
        assertTrue(Files.readString(folder.resolve("out/cadence_meta.proto")).contains("service MetaAPI"));
        assertEquals(List.of(folder.resolve("out")), new RecentFiles(folder.resolve("settings")).list(RecentFiles.EXPORT_FOLDER));
    }

    @Test
    void saveAsksBeforeReplacingCompanion() throws Exception {
        fillForm();
        Path proto = Files.createDirectories(folder.resolve("out")).resolve("cadence_meta.proto");
        Files.writeString(proto, "mine");
        Path file = folder.resolve("out/health.sh");

        ExportViewModel.SaveOutcome refused = save(ExportFormat.GRPCURL, file, false);

        assertEquals(List.of(proto), refused.existing());
        assertEquals("mine", Files.readString(proto));
        assertFalse(Files.exists(file), "nothing is written before the confirmation");

        ExportViewModel.SaveOutcome confirmed = save(ExportFormat.GRPCURL, file, true);
        assertEquals(2, confirmed.written().size());
        assertTrue(Files.readString(proto).contains("service MetaAPI"));
    }

    private ExportViewModel.SaveOutcome save(ExportFormat format, Path file, boolean overwrite) throws Exception {
        CompletableFuture<ExportViewModel.SaveOutcome> outcome = new CompletableFuture<>();
        ui.run(() -> model.save(format, file, overwrite, outcome::complete));
        ui.awaitUntil("the save ends", Duration.ofSeconds(10), () -> outcome.isDone() || model.saveMessageProperty().get().contains("failed"));
        return outcome.get(1, TimeUnit.SECONDS);
    }
}
