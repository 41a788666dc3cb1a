package io.mtlsstudio.cadence.config;

import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.pki.FileCheck;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Cadence server configuration after layering, with its TLS blocks and what the checks found.
 *
 * @param request          what was asked for
 * @param configDirectory  the folder the layers come from
 * @param workingDirectory the directory relative paths resolve against
 * @param layers           the files the server would look for, in load order, each marked present or not
 * @param merged           the merged document; an empty mapping when every layer is empty
 * @param tlsBlocks        services.frontend, matching and history first, then other services, then clusters
 * @param findings         every finding, YAML problems first
 * @param fileChecks       the credential inspection of each file that a block in use names, by resolved path
 */
public record CadenceConfig(ConfigRequest request, Path configDirectory, Path workingDirectory, List<Layer> layers,
                            YamlNode.Mapping merged, List<TlsBlock> tlsBlocks, List<ConfigFinding> findings,
                            Map<Path, FileCheck> fileChecks) {

    /**
     * One file of the layering.
     *
     * @param file    the file's path
     * @param present whether it exists; the server skips a missing layer without a word
     */
    public record Layer(Path file, boolean present) {
    }

    public CadenceConfig {
        layers = List.copyOf(layers);
        tlsBlocks = List.copyOf(tlsBlocks);
        findings = List.copyOf(findings);
        fileChecks = Collections.unmodifiableMap(new LinkedHashMap<>(fileChecks));
    }

    /** Returns the credential inspection of a file a block names, such as its certFile, when the block is in use. */
    public Optional<FileCheck> fileCheck(Path file) {
        return Optional.ofNullable(fileChecks.get(file));
    }

    /** Returns the block at a YAML path such as {@code services.frontend.rpc.tls}. */
    public Optional<TlsBlock> block(String path) {
        return tlsBlocks.stream().filter(block -> block.path().equals(path)).findFirst();
    }

    /** Returns the frontend's block, which configures the gRPC port clients connect to. */
    public TlsBlock frontend() {
        return block(TlsBlockReader.FRONTEND_PATH).orElseThrow();
    }

    /** Returns the findings about one block. */
    public List<ConfigFinding> findings(String blockPath) {
        return findings.stream().filter(finding -> finding.blockPath().equals(blockPath)).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
    }
}
