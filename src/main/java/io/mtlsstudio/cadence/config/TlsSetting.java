package io.mtlsstudio.cadence.config;

/**
 * One key of a TLS block after layering.
 *
 * @param key      the YAML key, such as {@code requireClientAuth}
 * @param value    the value the server uses: the written value, or Go's zero value when unset
 * @param explicit whether a layer wrote the key; false means the server's default applies
 * @param location where the winning layer wrote it; null when no layer did
 * @param <T>      Boolean, String or a list of Strings
 */
public record TlsSetting<T>(String key, T value, boolean explicit, YamlLocation location) {

    static <T> TlsSetting<T> unset(String key, T defaultValue) {
        return new TlsSetting<>(key, defaultValue, false, null);
    }

    /** Returns the value as written in YAML, for display. */
    public String display() {
        if (value instanceof java.util.List<?> list) {
            return list.isEmpty() ? "[]" : list.toString();
        }
        if (value instanceof String text && text.isEmpty()) {
            return "\"\"";
        }
        return String.valueOf(value);
    }
}
