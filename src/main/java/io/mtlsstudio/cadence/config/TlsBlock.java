package io.mtlsstudio.cadence.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One TLS block of a Cadence configuration after layering, with every key the server reads.
 * Relative paths resolve against the server's working directory, because Cadence reads the
 * files with Go's os.ReadFile and tls.LoadX509KeyPair as written.
 *
 * @param owner                  the service or cluster the block belongs to
 * @param path                   the block's YAML path, such as {@code services.frontend.rpc.tls}
 * @param present                whether any layer wrote the block
 * @param location               where the winning layer wrote the block; null when absent
 * @param enabled                {@code enabled}; false turns TLS off and every other key with it
 * @param certFile               {@code certFile}
 * @param keyFile                {@code keyFile}
 * @param caFile                 {@code caFile}; Cadence appends it to {@code caFiles}
 * @param caFiles                {@code caFiles}
 * @param requireClientAuth      {@code requireClientAuth}; the CA files then also verify client certificates
 * @param enableHostVerification {@code enableHostVerification}; false makes Go skip all server certificate checks
 * @param serverName             {@code serverName}, the name a client of this block sends and checks
 * @param workingDirectory       the directory relative paths resolve against
 */
public record TlsBlock(BlockOwner owner, String path, boolean present, YamlLocation location,
                       TlsSetting<Boolean> enabled, TlsSetting<String> certFile, TlsSetting<String> keyFile,
                       TlsSetting<String> caFile, TlsSetting<List<String>> caFiles,
                       TlsSetting<Boolean> requireClientAuth, TlsSetting<Boolean> enableHostVerification,
                       TlsSetting<String> serverName, Path workingDirectory) {

    public boolean isEnabled() {
        return enabled.value();
    }

    public boolean isFrontend() {
        return owner instanceof BlockOwner.Service service && service.name().equals("frontend");
    }

    /** Returns the keys in the order Cadence's TLS struct declares them, for display. */
    public List<TlsSetting<?>> settings() {
        return List.of(enabled, certFile, keyFile, caFile, caFiles, requireClientAuth, enableHostVerification, serverName);
    }

    /** Returns certFile resolved, when set. */
    public Optional<Path> certificatePath() {
        return resolve(certFile.value());
    }

    /** Returns keyFile resolved, when set. */
    public Optional<Path> keyPath() {
        return resolve(keyFile.value());
    }

    /** Returns whether Cadence loads a certificate for this block: it needs both certFile and keyFile. */
    public boolean hasCertificate() {
        return !certFile.value().isEmpty() && !keyFile.value().isEmpty();
    }

    /** Returns the CA files as the server uses them: {@code caFiles}, then {@code caFile}, resolved. */
    public List<Path> effectiveCaFiles() {
        List<Path> files = new ArrayList<>();
        for (String file : caFiles.value()) {
            resolve(file).ifPresent(files::add);
        }
        resolve(caFile.value()).ifPresent(files::add);
        return List.copyOf(files);
    }

    /** Resolves a path from the block the way the server does; empty for an empty value. */
    public Optional<Path> resolve(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Path file = Path.of(value);
        return Optional.of(file.isAbsolute() ? file : workingDirectory.resolve(file).normalize());
    }
}
