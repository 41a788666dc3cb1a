package io.mtlsstudio.cadence.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Quotes values for the languages the exports are written in. */
final class Quoting {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final Pattern YAML_PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./-][A-Za-z0-9_./@+-]*");
    // yaml.v2 reads these plain scalars as booleans or null, so a path spelled like one needs quotes.
    private static final Set<String> YAML_RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

    private Quoting() {
    }

    /** Returns the value as one POSIX shell word: as is when safe, else in single quotes. */
    static String shell(String value) {
        if (!value.isEmpty() && SHELL_SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static String shell(Path path) {
        return shell(path.toString());
    }

    /** Returns the value as a YAML scalar that yaml.v2 reads back as the same string. */
    static String yaml(String value) {
        if (YAML_PLAIN_SAFE.matcher(value).matches() && !YAML_RESERVED.contains(value.toLowerCase(Locale.ROOT))
                && !value.matches("[-+]?[0-9][0-9_.eE+-]*")) {
            return value;
        }
        return doubleQuoted(value);
    }

    /** Returns a double-quoted literal, valid in Java, Go and YAML, for printable text. */
    static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
