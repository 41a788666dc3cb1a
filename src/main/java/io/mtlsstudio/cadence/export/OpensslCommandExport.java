package io.mtlsstudio.cadence.export;

import io.mtlsstudio.handshake.TlsVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes an {@code openssl s_client} command that makes the TLS handshake alone, the way the
 * client would: same SNI, client certificate, trusted CAs, TLS version and ALPN {@code h2}, with
 * verification errors ending the command with a non-zero exit status.
 */
final class OpensslCommandExport {

    /** The file that the command builds when several CA files must act as one, because s_client takes one -CAfile. */
    static final String CA_BUNDLE = "cadence-ca-bundle.pem";

    private OpensslCommandExport() {
    }

    static String render(ClientSettings client) {
        if (!client.tls()) {
            return "# The connection is plaintext, so there is no TLS handshake for openssl s_client to make.\n"
                    + "# Check that the port answers HTTP/2 instead with: curl --http2-prior-knowledge -sv http://"
                    + client.target() + "/\n";
        }
        StringBuilder command = new StringBuilder("#!/bin/sh\n");
        command.append("# The TLS handshake with ").append(client.target()).append(" as the client makes it, written by mTLS Studio.\n")
                .append("# Exit status 0 and \"Verification: OK\" mean the server certificate passed; under TLS 1.3 a rejected\n")
                .append("# client certificate shows only as an alert after the handshake.\n");
        String caFile = null;
        if (client.caFiles().size() == 1) {
            caFile = Quoting.shell(client.caFiles().get(0));
        } else if (client.caFiles().size() > 1) {
            command.append("cat ").append(client.caFiles().stream().map(Quoting::shell).collect(Collectors.joining(" ")))
                    .append(" > ").append(CA_BUNDLE).append('\n');
            caFile = CA_BUNDLE;
        }

        List<String> arguments = new ArrayList<>();
        arguments.add("openssl s_client -connect " + Quoting.shell(client.target().toString()));
        String name = client.effectiveServerName();
        boolean nameIsAddress = isIpLiteral(name);
        if (!nameIsAddress) {
            arguments.add("-servername " + Quoting.shell(name));
        }
        if (client.hasClientCertificate()) {
            arguments.add("-cert " + Quoting.shell(client.clientCertificate()) + " -key " + Quoting.shell(client.clientKey()));
        }
        if (caFile != null) {
            arguments.add("-CAfile " + caFile);
        }
        if (client.hostnameVerification()) {
            arguments.add((nameIsAddress ? "-verify_ip " : "-verify_hostname ") + Quoting.shell(name));
        }
        arguments.add("-verify_return_error");
        arguments.add("-alpn h2");
        if (client.tlsVersion() == TlsVersion.TLS_1_2) {
            arguments.add("-tls1_2");
        } else if (client.tlsVersion() == TlsVersion.TLS_1_3) {
            arguments.add("-tls1_3");
        }
        arguments.add("-brief </dev/null");
        command.append(String.join(" \\\n    ", arguments)).append('\n');
        return command.toString();
    }

    static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
