package io.mtlsstudio.cadence.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a Cadence server configuration the way the server does and checks its TLS blocks.
 *
 * <p>Layering follows Cadence's common/config/loader.go: from the config folder it reads
 * {@code base.yaml}, then {@code <env>.yaml}, then {@code <env>_<zone>.yaml} when a zone is
 * given, skipping files that do not exist, and merges them with go.uber.org/config's rules
 * (see {@link ConfigMerger}). A single file is loaded alone.
 *
 * <p>Relative paths in TLS blocks resolve against the server's working directory: Cadence's
 * TLS code (common/config/tls.go) passes them as written to Go's os.ReadFile and
 * tls.LoadX509KeyPair, which resolve them against the process's working directory. The server
 * (cmd/server/cadence/cadence.go) finds its config folder at {@code <root>/<--config>}, with
 * {@code --root} defaulting to the working directory and {@code --config} to {@code config}, and
 * Cadence's documentation starts it from the repository root, so the default working directory
 * here is the folder that contains the config folder. A server started with another working
 * directory needs {@link ConfigRequest#workingDirectory()}.
 */
public final class CadenceConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CadenceConfigLoader.class);
    static final String BASE_FILE = "base.yaml";

    private CadenceConfigLoader() {
    }

    /** Loads a config folder or file with env {@code development}, no zone and the process environment. */
    public static CadenceConfig load(Path path) throws CadenceConfigException {
        return load(ConfigRequest.of(path));
    }

    /**
     * Loads, layers and checks a configuration.
     *
     * @throws CadenceConfigException when a file is not valid YAML (with file, line and column), or
     *                                when the folder contains none of the files the server would load
     */
    public static CadenceConfig load(ConfigRequest request) throws CadenceConfigException {
        Path path = request.path().toAbsolutePath().normalize();
        boolean folder = Files.isDirectory(path);
        if (!folder && !Files.isRegularFile(path)) {
            throw new CadenceConfigException(ConfigCode.CONFIG_FILES_NOT_FOUND, null, path
                    + " was not found. Choose a Cadence config folder (it contains base.yaml and development.yaml) or one YAML file.");
        }
        Path configDirectory = folder ? path : parentOf(path);
        Path workingDirectory = request.workingDirectory() != null
                ? request.workingDirectory().toAbsolutePath().normalize()
                : parentOf(configDirectory);

        List<ConfigFinding> findings = new ArrayList<>();
        List<CadenceConfig.Layer> layers = folder ? layers(configDirectory, request) : List.of(new CadenceConfig.Layer(path, true));
        if (layers.stream().noneMatch(CadenceConfig.Layer::present)) {
            throw new CadenceConfigException(ConfigCode.CONFIG_FILES_NOT_FOUND, null, "No config files found in " + configDirectory
                    + ": the server looks for " + String.join(", ", layers.stream().map(l -> l.file().getFileName().toString()).toList())
                    + " and would not start. Choose the folder that contains them, or check --env and --zone.");
        }
        if (folder) {
            reportMissingLayers(layers, request, findings);
        }

        YamlNode merged = null;
        for (CadenceConfig.Layer layer : layers) {
            if (layer.present()) {
                YamlNode document = YamlFiles.parse(layer.file(), request.environment(), findings);
                merged = ConfigMerger.merge(merged, document, "", findings);
            }
        }
        YamlNode.Mapping root = rootMapping(merged, findings);

        List<TlsBlock> blocks = new TlsBlockReader(root, workingDirectory, findings).read();
        String publicClientHost = TlsBlockReader.mapping(root, "publicClient").flatMap(p -> TlsBlockReader.scalar(p, "hostPort"))
                .map(BlockOwner::hostOf).orElse("");
        TlsChecks checks = new TlsChecks(blocks, request.dialNames(), publicClientHost, findings, Instant.now());
        checks.run();

        LOG.info("Loaded Cadence configuration {} (env {}, zone {}): {} TLS blocks, {} findings",
                configDirectory, request.env(), request.zone().isEmpty() ? "none" : request.zone(), blocks.size(), findings.size());
        return new CadenceConfig(request, configDirectory, workingDirectory, layers, root, blocks, findings, checks.fileChecks());
    }

    private static List<CadenceConfig.Layer> layers(Path directory, ConfigRequest request) {
        List<Path> files = new ArrayList<>();
        files.add(directory.resolve(BASE_FILE));
        files.add(directory.resolve(request.env() + ".yaml"));
        if (!request.zone().isEmpty()) {
            files.add(directory.resolve(request.env() + "_" + request.zone() + ".yaml"));
        }
        return files.stream().map(file -> new CadenceConfig.Layer(file, Files.isRegularFile(file))).toList();
    }

    private static void reportMissingLayers(List<CadenceConfig.Layer> layers, ConfigRequest request, List<ConfigFinding> findings) {
        for (CadenceConfig.Layer layer : layers.subList(1, layers.size())) {
            if (layer.present()) {
                continue;
            }
            boolean zone = layer == layers.get(layers.size() - 1) && !request.zone().isEmpty();
            String option = zone ? "--zone " + request.zone() : "--env " + request.env();
            findings.add(ConfigFinding.of(ConfigCode.CONFIG_LAYER_MISSING, "", null, layer.file().toString(),
                    layer.file() + " does not exist. The server skips a missing layer without a word, so started with " + option
                            + " it runs without the settings that file was meant to add" + (zone ? ", such as TLS for --zone tls" : "") + ".",
                    "Check the spelling of " + option + " against the file names in " + layer.file().getParent() + "."));
        }
    }

    private static YamlNode.Mapping rootMapping(YamlNode merged, List<ConfigFinding> findings) {
        if (merged instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        if (merged != null && !(merged instanceof YamlNode.Null)) {
            findings.add(ConfigFinding.of(ConfigCode.YAML_MERGE_CONFLICT, "", merged.location(), "the document root",
                    "The document is a " + merged.kind() + ", but a Cadence configuration is a mapping of sections such as services and persistence.",
                    "Check that the file is a Cadence server configuration."));
        }
        return new YamlNode.Mapping(Map.of(), Map.of(), null == merged ? null : merged.location());
    }

    private static Path parentOf(Path path) {
        Path parent = path.getParent();
        return parent == null ? path : parent;
    }
}
