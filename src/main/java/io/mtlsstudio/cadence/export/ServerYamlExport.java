package io.mtlsstudio.cadence.export;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the server side as a YAML overlay in the shape of Cadence's {@code development_tls.yaml}:
 * {@code services.frontend.rpc.tls}, and the cluster block the worker service and replication
 * use to dial the frontend. Saved as {@code config/<env>_<zone>.yaml} it is loaded on top of the
 * other layers by {@code --env <env> --zone <zone>}.
 */
final class ServerYamlExport {

    private ServerYamlExport() {
    }

    static String render(ServerSettings server) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Cadence server TLS, written by mTLS Studio. Relative paths resolve against the server's working directory.\n");
        if (!server.enableHostVerification()) {
            yaml.append("# enableHostVerification: false makes Go skip every check of the certificates this server dials:\n")
                    .append("# chain, validity and name. Inbound client certificates are still verified when requireClientAuth is true.\n");
        }
        yaml.append("services:\n")
                .append("  frontend:\n")
                .append("    rpc:\n")
                .append("      tls:\n");
        frontendBlock(yaml, server);

        if (server.clusterName() != null) {
            yaml.append("\nclusterGroupMetadata:\n")
                    .append("  clusterGroup:\n")
                    .append("    ").append(Quoting.yaml(server.clusterName())).append(":\n")
                    .append("      # Cadence applies a cluster's TLS block to gRPC connections only.\n")
                    .append("      rpcTransport: grpc\n")
                    .append("      tls:\n");
            clusterBlock(yaml, server);
        }
        return yaml.toString();
    }

    private static void frontendBlock(StringBuilder yaml, ServerSettings server) {
        String indent = "        ";
        yaml.append(indent).append("enabled: ").append(server.tls()).append('\n');
        if (!server.tls()) {
            return;
        }
        yaml.append(indent).append("certFile: ").append(path(server, server.certFile())).append('\n');
        yaml.append(indent).append("keyFile: ").append(path(server, server.keyFile())).append('\n');
        caFiles(yaml, indent, server, server.caFiles());
        yaml.append(indent).append("requireClientAuth: ").append(server.requireClientAuth()).append('\n');
        yaml.append(indent).append("enableHostVerification: ").append(server.enableHostVerification()).append('\n');
    }

    private static void clusterBlock(StringBuilder yaml, ServerSettings server) {
        String indent = "        ";
        yaml.append(indent).append("enabled: true\n");
        if (server.clusterCertFile() != null) {
            yaml.append(indent).append("certFile: ").append(path(server, server.clusterCertFile())).append('\n');
            yaml.append(indent).append("keyFile: ").append(path(server, server.clusterKeyFile())).append('\n');
        } else if (server.requireClientAuth()) {
            yaml.append(indent).append("# The frontend requires client certificates: set certFile and keyFile to one it accepts.\n");
        }
        caFiles(yaml, indent, server, server.caFiles());
        yaml.append(indent).append("enableHostVerification: ").append(server.enableHostVerification()).append('\n');
        if (server.clusterServerName() != null) {
            yaml.append(indent).append("serverName: ").append(Quoting.yaml(server.clusterServerName())).append('\n');
        }
    }

    private static void caFiles(StringBuilder yaml, String indent, ServerSettings server, List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        yaml.append(indent).append("caFiles:\n");
        for (Path file : files) {
            yaml.append(indent).append("  - ").append(path(server, file)).append('\n');
        }
    }

    private static String path(ServerSettings server, Path file) {
        Path written = file;
        Path base = server.workingDirectory();
        if (base != null && file.isAbsolute() && file.normalize().startsWith(base.toAbsolutePath().normalize())) {
            written = base.toAbsolutePath().normalize().relativize(file.normalize());
        }
        return Quoting.yaml(written.toString().replace('\\', '/'));
    }
}
