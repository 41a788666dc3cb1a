package io.mtlsstudio.cadence.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML value as Cadence's loader sees it after parsing: a mapping, a sequence, a scalar or
 * null. Every value keeps the location it came from, so that a merged configuration can still
 * say which file and line set each key.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar, YamlNode.Null {

    YamlLocation location();

    /** Returns the YAML kind in the words of error messages: mapping, sequence, scalar or null. */
    String kind();

    /**
     * A mapping whose keys are the scalar text of the YAML keys, in file order.
     *
     * @param entries      the values by key
     * @param keyLocations where each key was written
     */
    record Mapping(Map<String, YamlNode> entries, Map<String, YamlLocation> keyLocations, YamlLocation location)
            implements YamlNode {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
        }

        public Optional<YamlNode> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public String kind() {
            return "mapping";
        }
    }

    record Sequence(List<YamlNode> items, YamlLocation location) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "sequence";
        }
    }

    /**
     * A scalar with its text after environment variable expansion.
     *
     * @param text  the value's text
     * @param plain whether it was written without quotes; only plain scalars can be booleans in YAML
     */
    record Scalar(String text, boolean plain, YamlLocation location) implements YamlNode {

        @Override
        public String kind() {
            return "scalar";
        }
    }

    /** An explicit null ({@code ~}, {@code null} or an empty value), which clears what a lower layer set. */
    record Null(YamlLocation location) implements YamlNode {

        @Override
        public String kind() {
            return "null";
        }
    }
}
