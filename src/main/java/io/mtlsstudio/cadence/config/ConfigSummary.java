package io.mtlsstudio.cadence.config;

import io.mtlsstudio.handshake.Severity;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a configuration's layers, TLS blocks and findings as plain text for the command line. */
public final class ConfigSummary {

    private ConfigSummary() {
    }

    /** Prints the layers, the given blocks with every key, and all findings. */
    public static void print(PrintWriter out, CadenceConfig config, List<TlsBlock> blocks) {
        out.println("Cadence configuration in " + config.configDirectory() + " (env " + config.request().env()
                + (config.request().zone().isEmpty() ? "" : ", zone " + config.request().zone()) + ")");
        for (CadenceConfig.Layer layer : config.layers()) {
            out.println("  " + (layer.present() ? "loaded  " : "missing ") + layer.file().getFileName()
                    + (layer.present() ? "" : " (skipped, as the server does)"));
        }
        out.println("  relative paths resolve against " + config.workingDirectory());

        for (TlsBlock block : blocks) {
            out.println();
            out.println(block.path() + (block.present() ? " (" + where(config, block.location()) + ")" : " (absent: every key has its default)"));
            for (TlsSetting<?> setting : block.settings()) {
                String resolved = "";
                if (setting.value() instanceof String text && !text.isEmpty() && (setting.key().endsWith("File"))) {
                    resolved = " -> " + block.resolve(text).orElseThrow();
                }
                out.printf("  %-23s %s%s%s%n", setting.key() + ":", setting.display(), resolved,
                        setting.explicit() ? "  [" + where(config, setting.location()) + "]" : "  [default]");
            }
            for (String ca : block.caFiles().value()) {
                out.println("    caFiles entry " + ca + " -> " + block.resolve(ca).orElseThrow());
            }
            printFileChecks(out, config, block);
        }

        out.println();
        if (config.findings().isEmpty()) {
            out.println("No findings.");
        }
        for (ConfigFinding finding : config.findings()) {
            out.println(finding.severity() + " " + finding.code() + (finding.blockPath().isEmpty() ? "" : " in " + finding.blockPath())
                    + (finding.location() == null ? "" : " at " + where(config, finding.location())));
            out.println("  " + finding.message());
            if (!finding.fix().isEmpty()) {
                out.println("  Fix: " + finding.fix());
            }
        }
        out.flush();
    }

    /** Returns the location with its file relative to the working directory, as a Cadence checkout names its files. */
    private static String where(CadenceConfig config, YamlLocation location) {
        if (location == null) {
            return "";
        }
        return shown(config, location.file()) + ":" + location.line() + ":" + location.column();
    }

    /** Prints the credential findings of the block's files that are not only informational. */
    private static void printFileChecks(PrintWriter out, CadenceConfig config, TlsBlock block) {
        List<Path> files = new ArrayList<>();
        block.certificatePath().ifPresent(files::add);
        block.keyPath().ifPresent(files::add);
        files.addAll(block.effectiveCaFiles());
        for (Path file : files) {
            config.fileCheck(file).ifPresent(check -> check.findings().stream()
                    .filter(finding -> finding.severity() != Severity.INFO)
                    .forEach(finding -> out.println("    " + shown(config, file) + ": " + finding.severity() + " " + finding.code()
                            + " " + finding.message())));
        }
    }

    private static Path shown(CadenceConfig config, Path file) {
        return file.startsWith(config.workingDirectory()) ? config.workingDirectory().relativize(file) : file;
    }
}
