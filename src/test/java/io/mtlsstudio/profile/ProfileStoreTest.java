package io.mtlsstudio.profile;

import io.mtlsstudio.cadence.export.ClientSettings;
import io.mtlsstudio.handshake.TlsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileStoreTest {

    @TempDir
    Path folder;

    private static ConnectionProfile full() {
        return new ConnectionProfile("Staging EU", "frontend.staging.example.test:7833", "cadence-frontend", true,
                Path.of("/home/ops/certs/client.crt"), Path.of("/home/ops/certs/client key.pem"),
                List.of(Path.of("/home/ops/certs/ca.crt"), Path.of("/home/ops/certs/old-ca.crt")), TlsVersion.TLS_1_3, false,
                Duration.ofMillis(2500), "ops-probe");
    }

    @Test
    void profileRoundTripKeepsEveryField() throws IOException {
        ProfileStore store = new ProfileStore(folder.resolve("config"));

        store.save(full());
        ConnectionProfile loaded = new ProfileStore(folder.resolve("config")).load("Staging EU").orElseThrow();

        assertEquals(full(), loaded);
    }

    @Test
    void profileRoundTripKeepsDefaults() throws IOException {
        ProfileStore store = new ProfileStore(folder);
        ConnectionProfile plain = ConnectionProfile.of("local", "127.0.0.1:7833");

        store.save(plain);

        assertEquals(Optional.of(plain), store.load("local"));
    }

    @Test
    void profileJsonHasNoPasswordField() throws IOException {
        ProfileStore store = new ProfileStore(folder);
        store.save(full());

        String json = Files.readString(store.file());

        assertFalse(json.toLowerCase(Locale.ROOT).contains("password"), json);
        assertTrue(json.contains("\"clientKey\" : \"/home/ops/certs/client key.pem\""), json);
        assertTrue(json.contains("\"version\" : 1"), json);
    }

    @Test
    void passwordAddedByHandIsDroppedOnSave() throws IOException {
        ProfileStore store = new ProfileStore(folder);
        Files.writeString(store.file(), """
                {"version": 1, "profiles": [
                  {"name": "hand-made", "target": "127.0.0.1:7833", "keyPassword": "secret", "tls": true}
                ]}
                """);

        ConnectionProfile loaded = store.load("hand-made").orElseThrow();
        store.save(loaded.withName("hand-made"));

        assertFalse(Files.readString(store.file()).contains("secret"));
        assertEquals("127.0.0.1:7833", loaded.target());
    }

    @Test
    void saveReplacesSameNameAndListsSorted() throws IOException {
        ProfileStore store = new ProfileStore(folder);
        store.save(ConnectionProfile.of("beta", "127.0.0.1:7833"));
        store.save(ConnectionProfile.of("Alpha", "127.0.0.1:7834"));
        store.save(ConnectionProfile.of("beta", "127.0.0.1:7835"));

        List<ConnectionProfile> profiles = store.list();

        assertEquals(List.of("Alpha", "beta"), profiles.stream().map(ConnectionProfile::name).toList());
        assertEquals("127.0.0.1:7835", profiles.get(1).target());
    }

    @Test
    void deleteRemovesOnlyNamedProfile() throws IOException {
        ProfileStore store = new ProfileStore(folder);
        store.save(ConnectionProfile.of("one", "127.0.0.1:7833"));
        store.save(ConnectionProfile.of("two", "127.0.0.1:7833"));

        assertTrue(store.delete("one"));
        assertFalse(store.delete("one"));
        assertEquals(List.of("two"), store.list().stream().map(ConnectionProfile::name).toList());
    }

    @Test
    void missingFileListsNothing() throws IOException {
        assertEquals(List.of(), new ProfileStore(folder.resolve("absent")).list());
    }

    @Test
    void invalidJsonIsReportedAndKept() throws IOException {
        ProfileStore store = new ProfileStore(folder);
        Files.writeString(store.file(), "{\"version\": 1,\n \"profiles\": [ {\"name\": \"x\",, } ]}\n");

        IOException error = assertThrows(IOException.class, () -> store.save(ConnectionProfile.of("new", "127.0.0.1:7833")));

        assertTrue(error.getMessage().startsWith(store.file() + ":2:"), error.getMessage());
        assertTrue(error.getMessage().contains("invalid JSON"), error.getMessage());
        assertTrue(Files.readString(store.file()).contains(",, }"));
    }

    @Test
    void invalidTargetInFileNamesProfile() throws IOException {
        ProfileStore store = new ProfileStore(folder);
        Files.writeString(store.file(), "{\"profiles\": [{\"name\": \"broken\", \"target\": \"no-port\"}]}");

        IOException error = assertThrows(IOException.class, store::list);

        assertTrue(error.getMessage().contains("the profile \"broken\" is invalid"), error.getMessage());
        assertTrue(error.getMessage().contains("the port is missing"), error.getMessage());
    }

    @Test
    void profileNameAndTargetAreValidated() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> ConnectionProfile.of("  ", "127.0.0.1:7833"));
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class, () -> ConnectionProfile.of("x", "127.0.0.1"));

        assertTrue(blank.getMessage().contains("1 to 100 characters"), blank.getMessage());
        assertTrue(target.getMessage().contains("the port is missing"), target.getMessage());
    }

    @Test
    void configFolderIsCreatedOwnerOnly() throws IOException {
        Path config = folder.resolve("fresh").resolve("mtls-studio");
        new ProfileStore(config).save(ConnectionProfile.of("local", "127.0.0.1:7833"));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        try (var files = Files.list(config)) {
            assertEquals(List.of(config.resolve("profiles.json")), files.toList());
        }
    }

    @Test
    void profileConvertsToExportSettings() {
        ClientSettings settings = full().toClientSettings();

        assertEquals("frontend.staging.example.test", settings.target().host());
        assertEquals("cadence-frontend", settings.effectiveServerName());
        assertEquals(Path.of("/home/ops/certs/client key.pem"), settings.clientKey());
        assertEquals(2, settings.caFiles().size());
        assertFalse(settings.hostnameVerification());
        assertEquals("ops-probe", settings.caller());
    }

    @Test
    void configFolderFollowsPlatformRules() {
        String home = "/home/ops";

        assertEquals(Path.of("/custom/dir"), ConfigFolder.resolve("Linux", Map.of(), home, "/custom/dir"));
        assertEquals(Path.of("/xdg/mtls-studio"), ConfigFolder.resolve("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), home, null));
        assertEquals(Path.of(home, ".config", "mtls-studio"), ConfigFolder.resolve("Linux", Map.of("XDG_CONFIG_HOME", "relative"), home, null));
        assertEquals(Path.of(home, ".config", "mtls-studio"), ConfigFolder.resolve("Linux", Map.of(), home, null));
        assertEquals(Path.of(home, "Library", "Application Support", "mtls-studio"), ConfigFolder.resolve("Mac OS X", Map.of(), home, null));
        assertEquals(Path.of("/appdata/roaming", "mtls-studio"), ConfigFolder.resolve("Windows 11", Map.of("APPDATA", "/appdata/roaming"), home, null));
        assertEquals(Path.of(home, "AppData", "Roaming", "mtls-studio"), ConfigFolder.resolve("Windows 11", Map.of(), home, null));
    }

    @Test
    void configFolderOverrideComesFromSystemProperty() {
        String before = System.getProperty(ConfigFolder.OVERRIDE_PROPERTY);
        try {
            System.setProperty(ConfigFolder.OVERRIDE_PROPERTY, folder.toString());
            assertEquals(folder, ConfigFolder.resolve());
            assertEquals(folder.resolve("profiles.json"), ProfileStore.open().file());
            assertEquals(folder.resolve("recent-files.json"), RecentFiles.open().file());
        } finally {
            if (before == null) {
                System.clearProperty(ConfigFolder.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(ConfigFolder.OVERRIDE_PROPERTY, before);
            }
        }
    }
}
