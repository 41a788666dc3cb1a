package io.mtlsstudio.cadence.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rendered export, ready to copy or save.
 *
 * @param format     what it is
 * @param text       the code, YAML or command
 * @param fileName   the suggested file name
 * @param companions other files the text refers to, by file name, such as the proto file grpcurl reads
 */
public record Export(ExportFormat format, String text, String fileName, Map<String, String> companions) {

    public Export {
        companions = Map.copyOf(new LinkedHashMap<>(companions));
    }

    /**
     * Writes the text and its companions into {@code folder}.
     *
     * @param overwrite whether to replace existing files; without it an existing file fails the save before anything is written
     * @return the files written, the main file first
     */
    public List<Path> saveTo(Path folder, boolean overwrite) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(folder.resolve(fileName), text);
        companions.forEach((name, content) -> files.put(folder.resolve(name), content));
        if (!overwrite) {
            for (Path file : files.keySet()) {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file.toString(), null, "already exists; confirm to overwrite it, or choose another folder");
                }
            }
        }
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
            if (file.getKey().toString().endsWith(".sh") && Files.getFileStore(file.getKey()).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file.getKey(), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            written.add(file.getKey());
        }
        return written;
    }
}
