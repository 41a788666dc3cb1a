package io.mtlsstudio.pki;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Formats file names for the shell commands that findings propose. */
final class Shell {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=+@%,-]+");

    private Shell() {
    }

    /** Returns the path as the user gave it, single-quoted only when the shell would split or expand it. */
    static String quote(Path path) {
        return quote(path.toString());
    }

    static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Returns a sibling of the file with a new ending, for an output file: {@code client.key} with
     * {@code .pk8.key} gives {@code client.pk8.key}.
     */
    static Path sibling(Path file, String newEnding) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(stem + newEnding);
    }
}
