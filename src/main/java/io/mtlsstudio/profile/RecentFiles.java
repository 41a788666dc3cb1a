package io.mtlsstudio.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files recently chosen in each file picker, most recent first, kept in
 * {@code recent-files.json} in the configuration folder. Each picker has its own list, named by
 * a key such as {@link #CLIENT_CERTIFICATE}.
 */
public final class RecentFiles {

    public static final String CLIENT_CERTIFICATE = "clientCertificate";
    public static final String CLIENT_KEY = "clientKey";
    public static final String CA_FILE = "caFile";
    public static final String CADENCE_CONFIG = "cadenceConfig";
    public static final String GENERATOR_OUTPUT = "generatorOutput";
    public static final String EXPORT_FOLDER = "exportFolder";

    /** Entries kept per picker; older ones drop off the end. */
    public static final int MAX_ENTRIES = 10;
    static final String FILE_NAME = "recent-files.json";

    private final Path file;

    public RecentFiles(Path configFolder) {
        this.file = configFolder.resolve(FILE_NAME);
    }

    /** Opens the list in the user's configuration folder. */
    public static RecentFiles open() {
        return new RecentFiles(ConfigFolder.resolve());
    }

    public Path file() {
        return file;
    }

    /** Returns the picker's files, most recent first; empty when it has none. */
    public synchronized List<Path> list(String picker) throws IOException {
        JsonNode root = JsonFiles.read(file);
        List<Path> files = new ArrayList<>();
        if (root != null) {
            root.path("pickers").path(picker).forEach(entry -> files.add(Path.of(entry.asText())));
        }
        return files;
    }

    /** Puts {@code chosen} first in the picker's list, removing an older entry of the same file. */
    public synchronized void add(String picker, Path chosen) throws IOException {
        Path normalized = chosen.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(list(picker));
        files.remove(normalized);
        files.add(0, normalized);
        write(picker, files.subList(0, Math.min(files.size(), MAX_ENTRIES)));
    }

    /** Removes a file from the picker's list, for example after it was found missing. */
    public synchronized void remove(String picker, Path file) throws IOException {
        List<Path> files = new ArrayList<>(list(picker));
        if (files.remove(file.toAbsolutePath().normalize())) {
            write(picker, files);
        }
    }

    public synchronized void clear(String picker) throws IOException {
        write(picker, List.of());
    }

    private void write(String picker, List<Path> files) throws IOException {
        JsonNode existing = JsonFiles.read(file);
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        root.put("version", 1);
        ObjectNode pickers = root.putObject("pickers");
        if (existing != null) {
            for (Map.Entry<String, JsonNode> field : existing.path("pickers").properties()) {
                if (!field.getKey().equals(picker) && field.getValue().isArray()) {
                    pickers.set(field.getKey(), field.getValue());
                }
            }
        }
        ArrayNode entries = pickers.putArray(picker);
        files.forEach(path -> entries.add(path.toString()));
        JsonFiles.write(file, root);
    }
}
