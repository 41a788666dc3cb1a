package io.mtlsstudio.ui.config;

import io.mtlsstudio.cadence.config.BlockOwner;
import io.mtlsstudio.cadence.config.CadenceConfig;
import io.mtlsstudio.cadence.config.ConfigFinding;
import io.mtlsstudio.cadence.config.TlsBlock;
import io.mtlsstudio.cadence.config.TlsSetting;
import io.mtlsstudio.cadence.config.YamlLocation;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.pki.FileCheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a loaded configuration into the rows the Cadence config tab shows. Files are named
 * relative to the server's working directory, as a Cadence checkout names them.
 */
public final class ConfigRows {

    static final String DEFAULT_SOURCE = "default";
    private static final List<String> FILE_KEYS = List.of("certFile", "keyFile", "caFile");

    private ConfigRows() {
    }

    /** Returns one row per TLS block, each with its keys in the order of Cadence's TLS struct. */
    public static List<SettingRow> blocks(CadenceConfig config) {
        return config.tlsBlocks().stream().map(block -> block(config, block)).toList();
    }

    /** Returns the configuration findings and then each checked file's findings, each group errors first. */
    public static List<FindingRow> findings(CadenceConfig config) {
        List<FindingRow> rows = new ArrayList<>();
        for (ConfigFinding finding : config.findings()) {
            rows.add(new FindingRow(FindingRow.Origin.CONFIGURATION, finding.code().name(), finding.severity(),
                    where(config, finding), finding.message(), finding.fix()));
        }
        for (Map.Entry<Path, FileCheck> entry : config.fileChecks().entrySet()) {
            String file = shown(config, entry.getKey()) + " (" + entry.getValue().role().name().toLowerCase().replace('_', ' ') + ")";
            for (Finding finding : entry.getValue().findings()) {
                rows.add(new FindingRow(FindingRow.Origin.FILE, finding.code(), finding.severity(), file, finding.message(),
                        finding.fix()));
            }
        }
        rows.sort(Comparator.comparing(FindingRow::origin).thenComparing(FindingRow::severity));
        return rows;
    }

    /** Returns the layers line: which files were loaded, which are missing, and where relative paths resolve. */
    public static String layers(CadenceConfig config) {
        String loaded = config.layers().stream().filter(CadenceConfig.Layer::present)
                .map(layer -> layer.file().getFileName().toString()).collect(Collectors.joining(", "));
        String missing = config.layers().stream().filter(layer -> !layer.present())
                .map(layer -> layer.file().getFileName().toString()).collect(Collectors.joining(", "));
        return "Loaded " + loaded + " from " + config.configDirectory()
                + (missing.isEmpty() ? "" : "; missing, and skipped as the server does: " + missing)
                + ". Relative paths resolve against " + config.workingDirectory() + ".";
    }

    /** Returns the location as {@code file:line}, with the file relative to the working directory. */
    static String source(CadenceConfig config, YamlLocation location) {
        return location == null ? "" : shown(config, location.file()) + ":" + location.line();
    }

    static String shown(CadenceConfig config, Path file) {
        return file.startsWith(config.workingDirectory()) ? config.workingDirectory().relativize(file).toString() : file.toString();
    }

    private static SettingRow block(CadenceConfig config, TlsBlock block) {
        List<SettingRow> keys = new ArrayList<>();
        for (TlsSetting<?> setting : block.settings()) {
            keys.add(setting(config, block, setting));
        }
        String state = !block.present() ? "absent" : block.isEnabled() ? "TLS on" : "TLS off";
        String source = block.present() ? source(config, block.location()) : "absent: every key has its default";
        return new SettingRow(block.path(), state, owner(block.owner()), source, findingCount(config, block), keys);
    }

    private static SettingRow setting(CadenceConfig config, TlsBlock block, TlsSetting<?> setting) {
        String source = setting.explicit() ? source(config, setting.location()) : DEFAULT_SOURCE;
        if (setting.value() instanceof List<?> entries) {
            List<SettingRow> children = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                String entry = String.valueOf(entries.get(i));
                Path resolved = block.resolve(entry).orElse(null);
                children.add(SettingRow.leaf(setting.key() + "[" + i + "]", entry, resolved == null ? "" : resolved.toString(),
                        source, check(config, block, resolved)));
            }
            return new SettingRow(setting.key(), setting.display(), "", source, "", children);
        }
        if (FILE_KEYS.contains(setting.key()) && setting.value() instanceof String text && !text.isEmpty()) {
            Path resolved = block.resolve(text).orElseThrow();
            return SettingRow.leaf(setting.key(), text, resolved.toString(), source, check(config, block, resolved));
        }
        return SettingRow.leaf(setting.key(), setting.display(), "", source, "");
    }

    private static String check(CadenceConfig config, TlsBlock block, Path file) {
        if (file == null) {
            return "";
        }
        return config.fileCheck(file).map(ConfigRows::describe)
                .orElse(block.isEnabled() ? "not checked" : "not checked: TLS is off");
    }

    private static String describe(FileCheck check) {
        List<String> codes = check.findings().stream().filter(finding -> finding.severity() != Severity.INFO)
                .map(Finding::code).distinct().toList();
        return codes.isEmpty() ? check.status().name() : check.status() + ": " + String.join(", ", codes);
    }

    private static String findingCount(CadenceConfig config, TlsBlock block) {
        List<ConfigFinding> findings = config.findings(block.path());
        long errors = findings.stream().filter(finding -> finding.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(finding -> finding.severity() == Severity.WARNING).count();
        if (errors == 0 && warnings == 0) {
            return findings.isEmpty() ? "no findings" : findings.size() + " info";
        }
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        if (warnings > 0) {
            parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        return String.join(", ", parts);
    }

    private static String owner(BlockOwner owner) {
        return switch (owner) {
            case BlockOwner.Service service -> "service " + service.name()
                    + (service.grpcPort() == null ? "" : ", grpcPort " + service.grpcPort());
            case BlockOwner.Cluster cluster -> "cluster " + cluster.name()
                    + (cluster.rpcAddress().isEmpty() ? "" : " at " + cluster.rpcAddress())
                    + ", " + (cluster.rpcTransport().isEmpty() ? "tchannel" : cluster.rpcTransport())
                    + (cluster.current() ? ", current" : "");
        };
    }

    private static String where(CadenceConfig config, ConfigFinding finding) {
        String at = source(config, finding.location());
        if (finding.blockPath().isEmpty()) {
            return at.isEmpty() ? finding.subject() : at;
        }
        return at.isEmpty() ? finding.blockPath() : finding.blockPath() + " at " + at;
    }
}
