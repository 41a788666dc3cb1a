package io.mtlsstudio.cadence.export;

import io.mtlsstudio.cadence.config.TlsBlock;

import java.nio.file.Path;
import java.util.List;

/**
 * The server side of an export: the frontend's TLS block and, optionally, the block of the
 * cluster whose worker service and replication dial that frontend.
 *
 * @param tls                    the block's {@code enabled}
 * @param certFile               the frontend certificate file
 * @param keyFile                its private key file
 * @param caFiles                CA files; with requireClientAuth they verify client certificates
 * @param requireClientAuth      whether the frontend requires client certificates
 * @param enableHostVerification the value written into every block; false makes Go skip all server certificate checks
 * @param clusterName            the cluster whose block to write too; null for none
 * @param clusterCertFile        that cluster's client certificate, which the frontend must accept; null for none
 * @param clusterKeyFile         its private key; null for none
 * @param clusterServerName      the name the cluster block checks the frontend certificate against; null for the rpcAddress host
 * @param workingDirectory       paths under it are written relative to it, as the server resolves them; null to write them as given
 */
public record ServerSettings(boolean tls, Path certFile, Path keyFile, List<Path> caFiles, boolean requireClientAuth,
                             boolean enableHostVerification, String clusterName, Path clusterCertFile, Path clusterKeyFile,
                             String clusterServerName, Path workingDirectory) {

    public ServerSettings {
        caFiles = caFiles == null ? List.of() : List.copyOf(caFiles);
        clusterName = clusterName == null || clusterName.isBlank() ? null : clusterName.strip();
        clusterServerName = clusterServerName == null || clusterServerName.isBlank() ? null : clusterServerName.strip();
        if (tls && (certFile == null || keyFile == null)) {
            throw new IllegalArgumentException("A frontend with TLS needs a certificate file and its key file.");
        }
        if (requireClientAuth && caFiles.isEmpty()) {
            throw new IllegalArgumentException("requireClientAuth needs at least one CA file to verify client certificates against.");
        }
        if ((clusterCertFile == null) != (clusterKeyFile == null)) {
            throw new IllegalArgumentException("A cluster client certificate needs its key file, and a key file needs its certificate.");
        }
    }

    /** Returns mutual TLS settings for a frontend certificate, with host verification on and no cluster block. */
    public static ServerSettings mutualTls(Path certFile, Path keyFile, List<Path> caFiles) {
        return new ServerSettings(true, certFile, keyFile, caFiles, true, true, null, null, null, null, null);
    }

    /** Returns the settings of a loaded configuration's frontend block, with paths as the server resolves them. */
    public static ServerSettings of(TlsBlock frontend) {
        boolean tls = frontend.isEnabled() && frontend.hasCertificate();
        return new ServerSettings(tls, frontend.certificatePath().orElse(null), frontend.keyPath().orElse(null),
                frontend.effectiveCaFiles(), tls && frontend.requireClientAuth().value() && !frontend.effectiveCaFiles().isEmpty(),
                frontend.enableHostVerification().value(), null, null, null, null, frontend.workingDirectory());
    }

    public ServerSettings withCluster(String name, Path certificate, Path key, String serverName) {
        return new ServerSettings(tls, certFile, keyFile, caFiles, requireClientAuth, enableHostVerification, name, certificate, key,
                serverName, workingDirectory);
    }

    public ServerSettings withWorkingDirectory(Path directory) {
        return new ServerSettings(tls, certFile, keyFile, caFiles, requireClientAuth, enableHostVerification, clusterName,
                clusterCertFile, clusterKeyFile, clusterServerName, directory);
    }

    public ServerSettings withHostVerification(boolean value) {
        return new ServerSettings(tls, certFile, keyFile, caFiles, requireClientAuth, value, clusterName, clusterCertFile,
                clusterKeyFile, clusterServerName, workingDirectory);
    }
}
