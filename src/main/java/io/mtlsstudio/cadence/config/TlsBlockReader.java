package io.mtlsstudio.cadence.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the TLS blocks out of a merged configuration, decoding each key the way yaml.v2 decodes
 * it into Cadence's {@code config.TLS} struct in strict mode.
 */
final class TlsBlockReader {

    static final String FRONTEND_PATH = "services.frontend.rpc.tls";
    static final List<String> CORE_SERVICES = List.of("frontend", "matching", "history");

    /** The keys of Cadence's TLS struct (common/config/tls.go); sslmode is read by SQL stores only. */
    private static final List<String> KNOWN_KEYS = List.of("enabled", "sslmode", "certFile", "keyFile", "caFile", "caFiles",
            "enableHostVerification", "requireClientAuth", "serverName");

    // yaml.v2 follows YAML 1.1 here: these plain scalars are booleans, and nothing else is.
    private static final Set<String> TRUE_FORMS = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE_FORMS = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");

    private final YamlNode.Mapping root;
    private final Path workingDirectory;
    private final List<ConfigFinding> findings;

    TlsBlockReader(YamlNode.Mapping root, Path workingDirectory, List<ConfigFinding> findings) {
        this.root = root;
        this.workingDirectory = workingDirectory;
        this.findings = findings;
    }

    List<TlsBlock> read() {
        List<TlsBlock> blocks = new ArrayList<>();
        Optional<YamlNode.Mapping> services = mapping(root, "services");

        for (String name : CORE_SERVICES) {
            blocks.add(serviceBlock(name, services.flatMap(s -> mapping(s, name))));
        }
        services.ifPresent(all -> all.entries().keySet().stream()
                .filter(name -> !CORE_SERVICES.contains(name))
                .forEach(name -> {
                    Optional<YamlNode.Mapping> service = mapping(all, name);
                    boolean hasTls = service.flatMap(s -> mapping(s, "rpc")).map(rpc -> rpc.entries().containsKey("tls")).orElse(false);
                    if (hasTls) {
                        blocks.add(serviceBlock(name, service));
                    }
                }));

        blocks.addAll(clusterBlocks());
        return blocks;
    }

    private TlsBlock serviceBlock(String name, Optional<YamlNode.Mapping> service) {
        Optional<YamlNode.Mapping> rpc = service.flatMap(s -> mapping(s, "rpc"));
        Integer grpcPort = rpc.flatMap(r -> scalar(r, "grpcPort")).flatMap(TlsBlockReader::parsePort).orElse(null);
        boolean bindOnLocalHost = rpc.flatMap(r -> scalar(r, "bindOnLocalHost")).map(text -> TRUE_FORMS.contains(text)).orElse(false);
        String bindOnIp = rpc.flatMap(r -> scalar(r, "bindOnIP")).orElse("");
        BlockOwner owner = new BlockOwner.Service(name, grpcPort, bindOnLocalHost, bindOnIp);
        return block(owner, "services." + name + ".rpc.tls", rpc.flatMap(r -> r.get("tls")),
                rpc.map(r -> r.keyLocations().get("tls")).orElse(null));
    }

    private List<TlsBlock> clusterBlocks() {
        Optional<YamlNode.Mapping> metadata = mapping(root, "clusterGroupMetadata");
        String current = metadata.flatMap(m -> scalar(m, "currentClusterName")).orElse("");
        String groupKey = metadata.map(m -> m.entries().containsKey("clusterGroup") || !m.entries().containsKey("clusterInformation"))
                .orElse(true) ? "clusterGroup" : "clusterInformation";
        Optional<YamlNode.Mapping> group = metadata.flatMap(m -> mapping(m, groupKey));

        List<TlsBlock> blocks = new ArrayList<>();
        group.ifPresent(clusters -> {
            for (String name : clusters.entries().keySet()) {
                Optional<YamlNode.Mapping> cluster = mapping(clusters, name);
                boolean enabled = cluster.flatMap(c -> scalar(c, "enabled")).map(TRUE_FORMS::contains).orElse(false);
                String address = cluster.flatMap(c -> scalar(c, "rpcAddress")).orElse("");
                String transport = cluster.flatMap(c -> scalar(c, "rpcTransport")).filter(t -> !t.isEmpty()).orElse("tchannel");
                BlockOwner owner = new BlockOwner.Cluster(name, enabled, address, transport, name.equals(current));
                blocks.add(block(owner, "clusterGroupMetadata." + groupKey + "." + name + ".tls", cluster.flatMap(c -> c.get("tls")),
                        cluster.map(c -> c.keyLocations().get("tls")).orElse(null)));
            }
        });
        return blocks;
    }

    /** Reads one block; {@code keyLocation} is where the winning layer wrote the {@code tls} key. */
    private TlsBlock block(BlockOwner owner, String path, Optional<YamlNode> node, YamlLocation keyLocation) {
        YamlNode.Mapping block = null;
        YamlLocation location = node.isPresent() ? keyLocation : null;
        if (node.isPresent() && node.get() instanceof YamlNode.Mapping mapping) {
            block = mapping;
        } else if (node.isPresent() && !(node.get() instanceof YamlNode.Null)) {
            invalid(path, node.get(), path, "a mapping of TLS keys", "Write the block as a mapping, for example \"tls:\" followed by indented \"enabled: true\".");
        }

        if (block != null) {
            reportUnknownKeys(path, block);
        }
        return new TlsBlock(owner, path, node.isPresent(), location,
                bool(path, block, "enabled"),
                string(path, block, "certFile", true),
                string(path, block, "keyFile", true),
                string(path, block, "caFile", true),
                strings(path, block, "caFiles"),
                bool(path, block, "requireClientAuth"),
                bool(path, block, "enableHostVerification"),
                string(path, block, "serverName", false),
                workingDirectory);
    }

    private void reportUnknownKeys(String path, YamlNode.Mapping block) {
        for (Map.Entry<String, YamlLocation> key : block.keyLocations().entrySet()) {
            if (KNOWN_KEYS.contains(key.getKey())) {
                continue;
            }
            String suggestion = KNOWN_KEYS.stream()
                    .filter(known -> known.equalsIgnoreCase(key.getKey()) || editDistance(known.toLowerCase(Locale.ROOT), key.getKey().toLowerCase(Locale.ROOT)) <= 2)
                    .findFirst().map(known -> "Did you mean \"" + known + "\"? Keys are case-sensitive. ").orElse("");
            findings.add(ConfigFinding.of(ConfigCode.TLS_UNKNOWN_KEY, path, key.getValue(), path + "." + key.getKey(),
                    "\"" + key.getKey() + "\" is not a key of Cadence's TLS block. The server decodes its configuration in strict mode, "
                            + "so it stops at start with \"field " + key.getKey() + " not found\".",
                    suggestion + "The keys are: " + String.join(", ", KNOWN_KEYS) + "."));
        }
    }

    private TlsSetting<Boolean> bool(String path, YamlNode.Mapping block, String key) {
        Optional<YamlNode> node = block == null ? Optional.empty() : block.get(key);
        if (node.isEmpty()) {
            return TlsSetting.unset(key, false);
        }
        YamlNode value = node.get();
        YamlLocation location = block.keyLocations().get(key);
        if (value instanceof YamlNode.Null) {
            return new TlsSetting<>(key, false, true, location);
        }
        if (value instanceof YamlNode.Scalar scalar && scalar.plain()) {
            if (TRUE_FORMS.contains(scalar.text())) {
                return new TlsSetting<>(key, true, true, location);
            }
            if (FALSE_FORMS.contains(scalar.text())) {
                return new TlsSetting<>(key, false, true, location);
            }
        }
        String hint = value instanceof YamlNode.Scalar scalar && !scalar.plain()
                ? "Remove the quotes: \"" + scalar.text() + "\" in quotes is a string, which yaml.v2 does not decode into a boolean."
                : "Write true or false.";
        invalid(path, value, path + "." + key, "true or false", hint);
        return new TlsSetting<>(key, false, true, location);
    }

    private TlsSetting<String> string(String path, YamlNode.Mapping block, String key, boolean isPath) {
        Optional<YamlNode> node = block == null ? Optional.empty() : block.get(key);
        if (node.isEmpty()) {
            return TlsSetting.unset(key, "");
        }
        YamlLocation location = block.keyLocations().get(key);
        String text = scalarText(path, node.get(), path + "." + key, isPath);
        return new TlsSetting<>(key, text, true, location);
    }

    private TlsSetting<List<String>> strings(String path, YamlNode.Mapping block, String key) {
        Optional<YamlNode> node = block == null ? Optional.empty() : block.get(key);
        if (node.isEmpty()) {
            return TlsSetting.unset(key, List.of());
        }
        YamlLocation location = block.keyLocations().get(key);
        YamlNode value = node.get();
        if (value instanceof YamlNode.Null) {
            return new TlsSetting<>(key, List.of(), true, location);
        }
        if (!(value instanceof YamlNode.Sequence sequence)) {
            invalid(path, value, path + "." + key, "a list of file paths",
                    "Write each file on its own line starting with \"- \", or use caFile for a single file.");
            return new TlsSetting<>(key, List.of(), true, location);
        }
        List<String> files = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            String text = scalarText(path, item, path + "." + key, true);
            if (!text.isEmpty()) {
                files.add(text);
            }
        }
        return new TlsSetting<>(key, List.copyOf(files), true, location);
    }

    /** Decodes a scalar into a Go string: yaml.v2 takes the text of any scalar, and null is "". */
    private String scalarText(String path, YamlNode value, String subject, boolean isPath) {
        if (value instanceof YamlNode.Null) {
            return "";
        }
        if (!(value instanceof YamlNode.Scalar scalar)) {
            invalid(path, value, subject, "a single value", "Write one value on the same line as the key.");
            return "";
        }
        if (isPath) {
            try {
                Path.of(scalar.text());
            } catch (InvalidPathException e) {
                invalid(path, value, subject, "a file path", "Remove the characters that no file name can contain: " + e.getReason() + ".");
                return "";
            }
        }
        return scalar.text();
    }

    private void invalid(String path, YamlNode value, String subject, String expected, String fix) {
        String found = value instanceof YamlNode.Scalar scalar
                ? (scalar.plain() ? "" : "the quoted string ") + "\"" + scalar.text() + "\""
                : "a " + value.kind();
        findings.add(ConfigFinding.of(ConfigCode.TLS_INVALID_VALUE, path, value.location(), subject,
                subject + " must be " + expected + ", but it is " + found + ". The server stops at start because it cannot decode the value.",
                fix));
    }

    static Optional<YamlNode.Mapping> mapping(YamlNode.Mapping parent, String key) {
        return parent.get(key).filter(YamlNode.Mapping.class::isInstance).map(YamlNode.Mapping.class::cast);
    }

    static Optional<String> scalar(YamlNode.Mapping parent, String key) {
        return parent.get(key).filter(YamlNode.Scalar.class::isInstance).map(node -> ((YamlNode.Scalar) node).text());
    }

    private static Optional<Integer> parsePort(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            return port > 0 && port <= 65535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
