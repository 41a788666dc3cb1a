package io.mtlsstudio.cadence.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the exports of a connection and its server settings: the server TLS YAML, Go and Java
 * client code, and {@code openssl s_client} and {@code grpcurl} commands, each ready to paste or
 * save. Rendering reads no file; the paths are written as given.
 */
public final class Exporter {

    private Exporter() {
    }

    /**
     * Renders one export.
     *
     * @param client the connection settings; used by every format but SERVER_YAML
     * @param server the frontend's settings; used by SERVER_YAML only, and may be null for the others
     */
    public static Export export(ExportFormat format, ClientSettings client, ServerSettings server) {
        return switch (format) {
            case SERVER_YAML -> {
                if (server == null) {
                    throw new IllegalArgumentException("The server TLS YAML needs server settings: a frontend certificate, key and CA files.");
                }
                yield new Export(format, ServerYamlExport.render(server), format.fileName(), Map.of());
            }
            case GO_CLIENT -> new Export(format, GoClientExport.render(client), format.fileName(), Map.of());
            case JAVA_CLIENT -> new Export(format, JavaClientExport.render(client, false), format.fileName(), Map.of());
            case OPENSSL_S_CLIENT -> new Export(format, OpensslCommandExport.render(client), format.fileName(), Map.of());
            case GRPCURL -> new Export(format, GrpcurlCommandExport.render(client), format.fileName(),
                    Map.of(GrpcurlCommandExport.PROTO_FILE, GrpcurlCommandExport.protoFile()));
        };
    }

    /** Renders the Java client for grpc-netty-shaded, the transport the Cadence Java client depends on. */
    public static Export javaClientForShadedNetty(ClientSettings client) {
        return new Export(ExportFormat.JAVA_CLIENT, JavaClientExport.render(client, true), ExportFormat.JAVA_CLIENT.fileName(), Map.of());
    }

    /** Renders every format; SERVER_YAML only when {@code server} is given. */
    public static List<Export> all(ClientSettings client, ServerSettings server) {
        List<Export> exports = new ArrayList<>();
        for (ExportFormat format : ExportFormat.values()) {
            if (format != ExportFormat.SERVER_YAML || server != null) {
                exports.add(export(format, client, server));
            }
        }
        return exports;
    }
}
