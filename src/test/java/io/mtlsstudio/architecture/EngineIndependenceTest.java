package io.mtlsstudio.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The engine must run headless: no engine source may import JavaFX. */
class EngineIndependenceTest {

    private static final List<String> ENGINE_PACKAGES = List.of("pki", "handshake", "cadence", "scenario");

    @Test
    void enginePackagesImportNoJavafx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String name : ENGINE_PACKAGES) {
            Path folder = Path.of("src/main/java/io/mtlsstudio", name);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (Files.readAllLines(file).stream().anyMatch(line -> line.strip().startsWith("import javafx."))) {
                        offenders.add(file.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
