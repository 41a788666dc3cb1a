package io.mtlsstudio.cadence.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the layers of a Cadence configuration with the rules of go.uber.org/config, which the
 * server uses: later files win; mappings merge key by key, recursively; sequences and scalars
 * are replaced whole; an explicit null clears what a lower layer set. A mapping merged with a
 * sequence or scalar is an error in the loader's default strict mode; the later value is kept
 * here so the rest of the configuration can still be shown.
 */
final class ConfigMerger {

    private ConfigMerger() {
    }

    static YamlNode merge(YamlNode lower, YamlNode upper, String path, List<ConfigFinding> findings) {
        if (lower == null || lower instanceof YamlNode.Null) {
            return upper;
        }
        if (upper == null) {
            return lower;
        }
        if (upper instanceof YamlNode.Null) {
            return upper;
        }
        if (lower instanceof YamlNode.Mapping lowerMap && upper instanceof YamlNode.Mapping upperMap) {
            return mergeMappings(lowerMap, upperMap, path, findings);
        }
        boolean bothLeaves = !(lower instanceof YamlNode.Mapping) && !(upper instanceof YamlNode.Mapping)
                && lower.getClass() == upper.getClass();
        if (!bothLeaves) {
            String name = path.isEmpty() ? "the document root" : path;
            findings.add(ConfigFinding.of(ConfigCode.YAML_MERGE_CONFLICT, "", upper.location(), name,
                    upper.location().file().getFileName() + " sets " + name + " to a " + upper.kind() + ", but "
                            + lower.location() + " made it a " + lower.kind() + ". The server merges layers in strict mode and stops with "
                            + "\"can't merge a " + upper.kind() + " into a " + lower.kind() + "\".",
                    "Write " + name + " as a " + lower.kind() + " in " + upper.location().file().getFileName()
                            + ", as the lower layer does, or remove it from one of the files."));
        }
        return upper;
    }

    private static YamlNode.Mapping mergeMappings(YamlNode.Mapping lower, YamlNode.Mapping upper, String path,
                                                  List<ConfigFinding> findings) {
        Map<String, YamlNode> entries = new LinkedHashMap<>(lower.entries());
        Map<String, YamlLocation> keyLocations = new LinkedHashMap<>(lower.keyLocations());
        for (Map.Entry<String, YamlNode> entry : upper.entries().entrySet()) {
            String key = entry.getKey();
            String childPath = path.isEmpty() ? key : path + "." + key;
            entries.put(key, merge(entries.get(key), entry.getValue(), childPath, findings));
            keyLocations.put(key, upper.keyLocations().get(key));
        }
        return new YamlNode.Mapping(entries, keyLocations, upper.location());
    }
}
