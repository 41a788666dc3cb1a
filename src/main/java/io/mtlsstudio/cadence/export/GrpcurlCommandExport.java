package io.mtlsstudio.cadence.export;

import io.mtlsstudio.cadence.MetaApi;
import io.mtlsstudio.cadence.Yarpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@code grpcurl} command for {@code MetaAPI/Health} with the YARPC metadata and a
 * deadline. A Cadence frontend does not serve reflection, so grpcurl reads the service
 * definition from {@code cadence_meta.proto}, which the export saves next to the command.
 */
final class GrpcurlCommandExport {

    static final String PROTO_FILE = "cadence_meta.proto";

    private GrpcurlCommandExport() {
    }

    static String render(ClientSettings client) {
        StringBuilder command = new StringBuilder("#!/bin/sh\n");
        command.append("# MetaAPI/Health on ").append(client.target()).append(" with the metadata a Cadence frontend requires, written by mTLS Studio.\n")
                .append("# The frontend serves no reflection: grpcurl reads ").append(PROTO_FILE).append(", saved next to this file.\n");
        if (client.tls() && !client.hostnameVerification()) {
            command.append("# grpcurl has no option that checks the chain without the host name: -insecure skips both.\n");
        }

        List<String> arguments = new ArrayList<>();
        arguments.add("grpcurl");
        if (!client.tls()) {
            arguments.add("-plaintext");
        } else {
            if (!client.hostnameVerification()) {
                arguments.add("-insecure");
            } else {
                client.caFiles().stream().findFirst().ifPresent(ca -> arguments.add("-cacert " + Quoting.shell(ca)));
                if (client.serverName() != null) {
                    arguments.add("-servername " + Quoting.shell(client.serverName()));
                }
            }
            if (client.hasClientCertificate()) {
                arguments.add("-cert " + Quoting.shell(client.clientCertificate()) + " -key " + Quoting.shell(client.clientKey()));
            }
        }
        arguments.add("-import-path \"$(dirname \"$0\")\" -proto " + PROTO_FILE);
        arguments.add("-H " + Quoting.shell(Yarpc.SERVICE.name() + ": " + Yarpc.FRONTEND_SERVICE));
        arguments.add("-H " + Quoting.shell(Yarpc.CALLER.name() + ": " + client.caller()));
        arguments.add("-H " + Quoting.shell(Yarpc.ENCODING.name() + ": " + Yarpc.PROTO_ENCODING));
        arguments.add("-max-time " + Math.max(1, (client.timeout().toMillis() + 999) / 1000));
        arguments.add("-d '{}'");
        arguments.add(Quoting.shell(client.target().toString()) + " " + MetaApi.HEALTH.getFullMethodName());

        if (client.tls() && client.hostnameVerification() && client.caFiles().size() > 1) {
            command.append("# grpcurl takes one -cacert file: concatenate the CA files into it if the first is not the issuer.\n");
        }
        command.append(String.join(" \\\n    ", arguments)).append('\n');
        return command.toString();
    }

    /** Returns the proto file that declares MetaAPI/Health, as bundled with mTLS Studio. */
    static String protoFile() {
        try (InputStream in = GrpcurlCommandExport.class.getResourceAsStream("/" + PROTO_FILE)) {
            if (in == null) {
                throw new IllegalStateException("The build lacks " + PROTO_FILE + " on the class path; rebuild with mvn package.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
