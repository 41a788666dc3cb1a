package io.mtlsstudio.cadence.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A position in a YAML file, as editors count it: line and column both start at 1.
 *
 * @param file   the YAML file
 * @param line   1-based line number
 * @param column 1-based column number
 */
public record YamlLocation(Path file, int line, int column) {

    public YamlLocation {
        Objects.requireNonNull(file, "file");
    }

    /** Returns {@code file:line:column}, the form compilers and editors use for jump-to-location. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
