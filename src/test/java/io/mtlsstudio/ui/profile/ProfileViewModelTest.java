package io.mtlsstudio.ui.profile;

import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.profile.ConnectionProfile;
import io.mtlsstudio.profile.ProfileStore;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.TestUiThread;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profile picker's model without a JavaFX toolkit, with the stores in a temporary folder. */
class ProfileViewModelTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private final TestUiThread ui = new TestUiThread();
    private ProfileStore store;
    private RecentFiles recentFiles;
    private ConnectionViewModel connection;
    private ProfileViewModel model;

    @BeforeEach
    void create() {
        store = new ProfileStore(folder.resolve("settings"));
        recentFiles = new RecentFiles(folder.resolve("settings"));
        connection = ui.call(() -> new ConnectionViewModel(ui.work()));
        model = ui.call(() -> new ProfileViewModel(ui.work(), connection, store, recentFiles));
    }

    @AfterEach
    void stop() {
        ui.awaitUntil("the file checks end", LIMIT,
                () -> connection.files().stream().noneMatch(field -> field.state() == CredentialFieldModel.State.CHECKING));
        ui.close();
    }

    private void fillForm() {
        ui.run(() -> {
            connection.targetProperty().set("frontend.staging.example.test:7833");
            connection.serverNameProperty().set("cadence-frontend");
            connection.tlsVersionProperty().set(TlsVersion.TLS_1_2);
            connection.hostnameVerificationProperty().set(false);
            connection.timeoutSecondsProperty().set("25");
            connection.clientCertificate().pathProperty().set("/certs/client.crt");
            connection.clientKey().pathProperty().set("/certs/client.key");
            connection.ca().pathProperty().set("/certs/ca.crt");
        });
    }

    private void saveAs(String name) {
        ui.run(() -> model.saveAs(name));
        ui.awaitUntil("the profile is saved", LIMIT, () -> model.names().contains(name)
                || model.messageProperty().get().contains("failed"));
    }

    @Test
    void saveAsStoresFormWithoutPassword() throws Exception {
        fillForm();

        saveAs("staging");

        ConnectionProfile saved = store.load("staging").orElseThrow();
        assertEquals("frontend.staging.example.test:7833", saved.target());
        assertEquals("cadence-frontend", saved.serverName());
        assertEquals(TlsVersion.TLS_1_2, saved.tlsVersion());
        assertFalse(saved.hostnameVerification());
        assertEquals(Duration.ofSeconds(25), saved.timeout());
        assertEquals(Path.of("/certs/client.crt"), saved.clientCertificate());
        assertEquals(Path.of("/certs/client.key"), saved.clientKey());
        assertEquals(List.of(Path.of("/certs/ca.crt")), saved.caFiles());
        assertFalse(Files.readString(store.file()).toLowerCase().contains("password"));
        assertEquals("staging", ui.call(() -> model.currentProperty().get()));
        assertEquals("staging", ui.call(() -> model.selectedProperty().get()));
        assertEquals("Saved profile \"staging\" to " + store.file() + ".", ui.call(() -> model.messageProperty().get()));
    }

    @Test
    void openRestoresForm() {
        fillForm();
        saveAs("staging");
        ui.run(() -> {
            connection.targetProperty().set("127.0.0.1:7833");
            connection.hostnameVerificationProperty().set(true);
            connection.ca().pathProperty().set("");
            connection.embeddedFrontendProperty().set(true);
        });

        ui.run(() -> model.open("staging"));

        assertEquals("frontend.staging.example.test:7833", ui.call(() -> connection.targetProperty().get()));
        assertFalse(ui.call(() -> connection.hostnameVerificationProperty().get()));
        assertEquals("/certs/ca.crt", ui.call(() -> connection.ca().path()));
        assertEquals("25", ui.call(() -> connection.timeoutSecondsProperty().get()));
        assertFalse(ui.call(() -> connection.embeddedFrontendProperty().get()), "a profile dials its own target");
    }

    @Test
    void choosingProfileOpensIt() throws Exception {
        store.save(ConnectionProfile.of("local", "127.0.0.1:17833"));
        ui.run(model::load);
        ui.awaitUntil("the profiles load", LIMIT, () -> model.names().contains("local"));

        ui.run(() -> model.selectedProperty().set("local"));

        assertEquals("127.0.0.1:17833", ui.call(() -> connection.targetProperty().get()));
        assertEquals("local", ui.call(() -> model.currentProperty().get()));
    }

    @Test
    void saveKeepsCallerAndFurtherCas() throws Exception {
        ConnectionProfile withCaller = new ConnectionProfile("ops", "frontend.example.test:7833", null, true,
                Path.of("/certs/client.crt"), Path.of("/certs/client.key"), List.of(Path.of("/certs/ca.crt"), Path.of("/certs/old-ca.crt")),
                TlsVersion.AUTO, true, Duration.ofMillis(2500), "ops-probe");
        store.save(withCaller);
        ui.run(model::load);
        ui.awaitUntil("the profiles load", LIMIT, () -> model.names().contains("ops"));
        ui.run(() -> model.open("ops"));
        assertEquals("3", ui.call(() -> connection.timeoutSecondsProperty().get()), "2.5 s rounds up to whole seconds");
        assertTrue(ui.call(() -> model.messageProperty().get()).contains("It lists 2 CA files"));

        ui.run(() -> connection.serverNameProperty().set("cadence-frontend"));
        assertTrue(ui.call(model::save));
        ui.awaitUntil("the profile is saved", LIMIT, () -> model.messageProperty().get().startsWith("Saved"));

        ConnectionProfile saved = store.load("ops").orElseThrow();
        assertEquals("ops-probe", saved.caller());
        assertEquals(List.of(Path.of("/certs/ca.crt"), Path.of("/certs/old-ca.crt")), saved.caFiles());
        assertEquals("cadence-frontend", saved.serverName());
    }

    @Test
    void saveWithoutCurrentProfileNeedsName() {
        assertFalse(ui.call(model::save));
    }

    @Test
    void invalidTargetIsNotSaved() {
        ui.run(() -> connection.targetProperty().set("frontend.example.test"));

        ui.run(() -> model.saveAs("broken"));

        assertTrue(ui.call(() -> model.messageProperty().get()).startsWith("The profile was not saved: Invalid target"),
                ui.call(() -> model.messageProperty().get()));
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void invalidTimeoutIsNotSaved() {
        ui.run(() -> connection.timeoutSecondsProperty().set("soon"));

        ui.run(() -> model.saveAs("broken"));

        assertEquals("The profile was not saved: Invalid timeout \"soon\": enter whole seconds from 1 to 600.",
                ui.call(() -> model.messageProperty().get()));
    }

    @Test
    void deleteRemovesProfile() throws Exception {
        fillForm();
        saveAs("staging");

        ui.run(() -> model.delete("staging"));
        ui.awaitUntil("the profile is deleted", LIMIT, () -> model.names().isEmpty());

        assertTrue(store.list().isEmpty());
        assertEquals("", ui.call(() -> model.currentProperty().get()));
        assertEquals("frontend.staging.example.test:7833", ui.call(() -> connection.targetProperty().get()), "the form keeps its values");
    }

    @Test
    void invalidProfileFileIsReported() throws Exception {
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "{ \"profiles\": [ ");

        ui.run(model::load);
        ui.awaitUntil("the error shows", LIMIT, () -> !model.messageProperty().get().isEmpty());

        String message = ui.call(() -> model.messageProperty().get());
        assertTrue(message.startsWith("Reading the profiles failed: " + store.file()), message);
        assertTrue(message.contains("invalid JSON"), message);
    }

    @Test
    void rememberedFileLeadsRecentList() throws Exception {
        Path first = Files.writeString(folder.resolve("first.crt"), "x");
        Path second = Files.writeString(folder.resolve("second.crt"), "x");

        ui.run(() -> model.remember(CredentialFieldModel.Kind.CA, first));
        ui.awaitUntil("the first file is listed", LIMIT, () -> model.recent(CredentialFieldModel.Kind.CA).size() == 1);
        ui.run(() -> model.remember(CredentialFieldModel.Kind.CA, second));
        ui.awaitUntil("the second file is listed", LIMIT, () -> model.recent(CredentialFieldModel.Kind.CA).size() == 2);

        assertEquals(List.of(second, first), ui.call(() -> List.copyOf(model.recent(CredentialFieldModel.Kind.CA))));
        assertEquals(List.of(second, first), recentFiles.list(RecentFiles.CA_FILE));
        assertTrue(recentFiles.list(RecentFiles.CLIENT_CERTIFICATE).isEmpty(), "each picker has its own list");
    }

    @Test
    void chosenRecentFileFillsField() throws Exception {
        Path file = Files.writeString(folder.resolve("client.crt"), "x");
        recentFiles.add(RecentFiles.CLIENT_CERTIFICATE, file);

        ui.run(() -> model.chooseRecent(CredentialFieldModel.Kind.CLIENT_CERTIFICATE, file));

        assertEquals(file.toString(), ui.call(() -> connection.clientCertificate().path()));
    }

    @Test
    void missingRecentFileLeavesList() throws Exception {
        Path missing = folder.resolve("missing.crt");
        recentFiles.add(RecentFiles.CLIENT_CERTIFICATE, missing);
        ui.run(model::load);
        ui.awaitUntil("the list loads", LIMIT, () -> !model.recent(CredentialFieldModel.Kind.CLIENT_CERTIFICATE).isEmpty());

        ui.run(() -> model.chooseRecent(CredentialFieldModel.Kind.CLIENT_CERTIFICATE, missing));
        ui.awaitUntil("the file leaves the list", LIMIT, () -> model.recent(CredentialFieldModel.Kind.CLIENT_CERTIFICATE).isEmpty());

        assertTrue(recentFiles.list(RecentFiles.CLIENT_CERTIFICATE).isEmpty());
        ui.awaitUntil("the field shows the problem", LIMIT,
                () -> connection.clientCertificate().state() == CredentialFieldModel.State.INVALID);
        assertTrue(ui.call(() -> connection.clientCertificate().message()).contains("not found"),
                ui.call(() -> connection.clientCertificate().message()));
    }
}
