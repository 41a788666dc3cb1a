package io.mtlsstudio.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtlsstudio.handshake.TlsVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Saved connection profiles, kept in {@code profiles.json} in the configuration folder. The file
 * lists each profile's target, server name, file paths and TLS options, and has no password field.
 * Fields the store does not know, such as a password someone added by hand, are dropped on the next save.
 */
public final class ProfileStore {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);
    static final String FILE_NAME = "profiles.json";
    static final int FORMAT_VERSION = 1;

    private final Path file;

    public ProfileStore(Path configFolder) {
        this.file = configFolder.resolve(FILE_NAME);
    }

    /** Opens the store in the user's configuration folder. */
    public static ProfileStore open() {
        return new ProfileStore(ConfigFolder.resolve());
    }

    public Path file() {
        return file;
    }

    /**
     * Returns every profile, sorted by name.
     *
     * @throws IOException when the file is not valid JSON or a profile in it is invalid; the message names the file and the place
     */
    public synchronized List<ConnectionProfile> list() throws IOException {
        JsonNode root = JsonFiles.read(file);
        List<ConnectionProfile> profiles = new ArrayList<>();
        if (root == null) {
            return profiles;
        }
        for (JsonNode node : root.path("profiles")) {
            try {
                profiles.add(fromJson(node));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": the profile \"" + node.path("name").asText() + "\" is invalid: " + e.getMessage()
                        + " Correct or delete it in the file.", e);
            }
        }
        profiles.sort(Comparator.comparing(profile -> profile.name().toLowerCase(java.util.Locale.ROOT)));
        return profiles;
    }

    public synchronized Optional<ConnectionProfile> load(String name) throws IOException {
        return list().stream().filter(profile -> profile.name().equals(name.strip())).findFirst();
    }

    /** Saves the profile, replacing a saved profile of the same name. */
    public synchronized void save(ConnectionProfile profile) throws IOException {
        List<ConnectionProfile> profiles = new ArrayList<>(list());
        profiles.removeIf(saved -> saved.name().equals(profile.name()));
        profiles.add(profile);
        write(profiles);
        LOG.info("Saved connection profile \"{}\" to {}", profile.name(), file);
    }

    /** Deletes the named profile; returns false when there was none. */
    public synchronized boolean delete(String name) throws IOException {
        List<ConnectionProfile> profiles = new ArrayList<>(list());
        boolean removed = profiles.removeIf(saved -> saved.name().equals(name.strip()));
        if (removed) {
            write(profiles);
            LOG.info("Deleted connection profile \"{}\" from {}", name, file);
        }
        return removed;
    }

    private void write(List<ConnectionProfile> profiles) throws IOException {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode array = root.putArray("profiles");
        profiles.stream().sorted(Comparator.comparing(ConnectionProfile::name)).forEach(profile -> array.add(toJson(profile)));
        JsonFiles.write(file, root);
    }

    static ObjectNode toJson(ConnectionProfile profile) {
        ObjectNode node = JsonFiles.MAPPER.createObjectNode();
        node.put("name", profile.name());
        node.put("target", profile.target());
        node.put("serverName", profile.serverName());
        node.put("tls", profile.tls());
        node.put("clientCertificate", profile.clientCertificate() == null ? null : profile.clientCertificate().toString());
        node.put("clientKey", profile.clientKey() == null ? null : profile.clientKey().toString());
        ArrayNode cas = node.putArray("caFiles");
        profile.caFiles().forEach(ca -> cas.add(ca.toString()));
        node.put("tlsVersion", profile.tlsVersion().name());
        node.put("hostnameVerification", profile.hostnameVerification());
        node.put("timeoutMillis", profile.timeout().toMillis());
        node.put("caller", profile.caller());
        return node;
    }

    static ConnectionProfile fromJson(JsonNode node) {
        List<Path> cas = new ArrayList<>();
        node.path("caFiles").forEach(ca -> cas.add(Path.of(ca.asText())));
        String tlsVersion = text(node, "tlsVersion");
        long timeoutMillis = node.path("timeoutMillis").asLong(0);
        return new ConnectionProfile(
                text(node, "name"),
                text(node, "target"),
                text(node, "serverName"),
                node.path("tls").asBoolean(true),
                path(node, "clientCertificate"),
                path(node, "clientKey"),
                cas,
                tlsVersion == null ? TlsVersion.AUTO : TlsVersion.valueOf(tlsVersion),
                node.path("hostnameVerification").asBoolean(true),
                timeoutMillis > 0 ? Duration.ofMillis(timeoutMillis) : null,
                text(node, "caller"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Path path(JsonNode node, String field) {
        String text = text(node, field);
        return text == null || text.isBlank() ? null : Path.of(text);
    }
}
