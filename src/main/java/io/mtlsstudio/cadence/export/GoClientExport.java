package io.mtlsstudio.cadence.export;

import io.mtlsstudio.cadence.Yarpc;
import io.mtlsstudio.handshake.TlsVersion;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Writes a Go program that dials the frontend the way the Cadence Go client does: a YARPC
 * dispatcher with a gRPC outbound named {@code cadence-frontend}, whose dial options carry a
 * crypto/tls configuration through grpc credentials. YARPC then sends the rpc-service,
 * rpc-caller and rpc-encoding headers and the deadline as the frontend requires.
 */
final class GoClientExport {

    private GoClientExport() {
    }

    // NOTE: the tests check this program's text only, because compiling it needs a Go toolchain and
    // the Cadence Go modules, which the build does not have. Its imports and calls follow the way
    // Cadence's own Go samples use go.uber.org/cadence, go.uber.org/yarpc and cadence-idl.
    static String render(ClientSettings client) {
        StringBuilder go = new StringBuilder();
        go.append("// A Cadence client connection to ").append(client.target()).append(", written by mTLS Studio.\n")
                .append("// go get go.uber.org/cadence go.uber.org/yarpc github.com/uber/cadence-idl google.golang.org/grpc\n")
                .append("package main\n\n")
                .append("import (\n")
                .append("\t\"context\"\n");
        if (client.tls()) {
            go.append("\t\"crypto/tls\"\n")
                    .append("\t\"crypto/x509\"\n");
        }
        go.append("\t\"fmt\"\n")
                .append("\t\"log\"\n");
        if (client.tls() && !client.caFiles().isEmpty()) {
            go.append("\t\"os\"\n");
        }
        go.append("\t\"time\"\n\n")
                .append("\tapiv1 \"github.com/uber/cadence-idl/go/proto/api/v1\"\n")
                .append("\t\"go.uber.org/cadence/compatibility\"\n")
                .append("\t\"go.uber.org/yarpc\"\n");
        if (client.tls()) {
            go.append("\t\"go.uber.org/yarpc/peer\"\n")
                    .append("\t\"go.uber.org/yarpc/peer/hostport\"\n");
        }
        go.append("\t\"go.uber.org/yarpc/transport/grpc\"\n");
        if (client.tls()) {
            go.append("\t\"google.golang.org/grpc/credentials\"\n");
        }
        go.append(")\n\n");

        go.append("const (\n")
                .append("\thostPort = ").append(Quoting.doubleQuoted(client.target().toString())).append("\n\n")
                .append("\t// rpc-caller: the name the frontend sees for this client.\n")
                .append("\tcallerName = ").append(Quoting.doubleQuoted(client.caller())).append("\n\n")
                .append("\t// rpc-service: the outbound name must be the frontend's service name.\n")
                .append("\tcadenceService = ").append(Quoting.doubleQuoted(Yarpc.FRONTEND_SERVICE)).append("\n\n")
                .append("\t// The deadline YARPC sends as the call's TTL; the frontend rejects calls without one.\n")
                .append("\tcallTimeout = ").append(client.timeout().toMillis()).append(" * time.Millisecond\n")
                .append(")\n\n");

        if (client.tls()) {
            tlsConfig(go, client);
        }
        main(go, client);
        return go.toString();
    }

    private static void tlsConfig(StringBuilder go, ClientSettings client) {
        go.append("func newTLSConfig() (*tls.Config, error) {\n");
        if (!client.caFiles().isEmpty()) {
            go.append("\troots := x509.NewCertPool()\n")
                    .append("\tfor _, file := range []string{")
                    .append(client.caFiles().stream().map(path -> Quoting.doubleQuoted(path.toString())).collect(Collectors.joining(", ")))
                    .append("} {\n")
                    .append("\t\tpem, err := os.ReadFile(file)\n")
                    .append("\t\tif err != nil {\n")
                    .append("\t\t\treturn nil, fmt.Errorf(\"read CA file %s: %w\", file, err)\n")
                    .append("\t\t}\n")
                    .append("\t\t// AppendCertsFromPEM skips anything that is not PEM, so check that the file added a CA.\n")
                    .append("\t\tif !roots.AppendCertsFromPEM(pem) {\n")
                    .append("\t\t\treturn nil, fmt.Errorf(\"CA file %s contains no PEM certificate\", file)\n")
                    .append("\t\t}\n")
                    .append("\t}\n");
        } else {
            go.append("\t// No CA file was given: Go verifies the server against the system's CA store.\n")
                    .append("\tvar roots *x509.CertPool\n");
        }
        go.append("\tconfig := &tls.Config{\n")
                .append("\t\tRootCAs:    roots,\n")
                .append("\t\tServerName: ").append(Quoting.doubleQuoted(client.effectiveServerName())).append(",\n")
                .append("\t\tMinVersion: ").append(client.tlsVersion() == TlsVersion.TLS_1_3 ? "tls.VersionTLS13" : "tls.VersionTLS12").append(",\n");
        if (client.tlsVersion() == TlsVersion.TLS_1_2) {
            go.append("\t\tMaxVersion: tls.VersionTLS12,\n");
        }
        if (!client.hostnameVerification()) {
            go.append("\t\t// InsecureSkipVerify turns off every check of the server certificate, chain included.\n")
                    .append("\t\t// VerifyConnection puts the chain check back, so only the host name goes unchecked.\n")
                    .append("\t\tInsecureSkipVerify: true,\n")
                    .append("\t\tVerifyConnection: func(state tls.ConnectionState) error {\n")
                    .append("\t\t\tif len(state.PeerCertificates) == 0 {\n")
                    .append("\t\t\t\treturn fmt.Errorf(\"the server sent no certificate\")\n")
                    .append("\t\t\t}\n")
                    .append("\t\t\toptions := x509.VerifyOptions{Roots: roots, Intermediates: x509.NewCertPool()}\n")
                    .append("\t\t\tfor _, certificate := range state.PeerCertificates[1:] {\n")
                    .append("\t\t\t\toptions.Intermediates.AddCert(certificate)\n")
                    .append("\t\t\t}\n")
                    .append("\t\t\t_, err := state.PeerCertificates[0].Verify(options)\n")
                    .append("\t\t\treturn err\n")
                    .append("\t\t},\n");
        }
        go.append("\t}\n");
        if (client.hasClientCertificate()) {
            go.append("\tcertificate, err := tls.LoadX509KeyPair(").append(goPath(client.clientCertificate())).append(", ")
                    .append(goPath(client.clientKey())).append(")\n")
                    .append("\tif err != nil {\n")
                    .append("\t\treturn nil, fmt.Errorf(\"load client certificate: %w\", err)\n")
                    .append("\t}\n")
                    .append("\tconfig.Certificates = []tls.Certificate{certificate}\n");
        }
        go.append("\treturn config, nil\n")
                .append("}\n\n");
    }

    private static void main(StringBuilder go, ClientSettings client) {
        go.append("func main() {\n");
        if (client.tls()) {
            go.append("\ttlsConfig, err := newTLSConfig()\n")
                    .append("\tif err != nil {\n")
                    .append("\t\tlog.Fatal(err)\n")
                    .append("\t}\n")
                    .append("\t// The TLS configuration reaches gRPC's dial options as transport credentials.\n")
                    .append("\ttransport := grpc.NewTransport()\n")
                    .append("\tdialer := transport.NewDialer(grpc.DialerCredentials(credentials.NewTLS(tlsConfig)))\n")
                    .append("\toutbound := transport.NewOutbound(peer.NewSingle(hostport.Identify(hostPort), dialer))\n");
        } else {
            go.append("\t// Plaintext: the frontend's TLS block is disabled.\n")
                    .append("\toutbound := grpc.NewTransport().NewSingleOutbound(hostPort)\n");
        }
        go.append("\tdispatcher := yarpc.NewDispatcher(yarpc.Config{\n")
                .append("\t\tName:      callerName,\n")
                .append("\t\tOutbounds: yarpc.Outbounds{cadenceService: {Unary: outbound}},\n")
                .append("\t})\n")
                .append("\tif err := dispatcher.Start(); err != nil {\n")
                .append("\t\tlog.Fatalf(\"start dispatcher: %v\", err)\n")
                .append("\t}\n")
                .append("\tdefer dispatcher.Stop()\n\n")
                .append("\tclientConfig := dispatcher.ClientConfig(cadenceService)\n")
                .append("\tctx, cancel := context.WithTimeout(context.Background(), callTimeout)\n")
                .append("\tdefer cancel()\n")
                .append("\thealth, err := apiv1.NewMetaAPIYARPCClient(clientConfig).Health(ctx, &apiv1.HealthRequest{})\n")
                .append("\tif err != nil {\n")
                .append("\t\tlog.Fatalf(\"Health: %v\", err)\n")
                .append("\t}\n")
                .append("\tfmt.Printf(\"Health: ok=%v message=%q\\n\", health.GetOk(), health.GetMessage())\n\n")
                .append("\t// The same connection serves the Cadence client: pass service to client.NewClient or worker.New.\n")
                .append("\tservice := compatibility.NewThrift2ProtoAdapter(\n")
                .append("\t\tapiv1.NewDomainAPIYARPCClient(clientConfig),\n")
                .append("\t\tapiv1.NewWorkflowAPIYARPCClient(clientConfig),\n")
                .append("\t\tapiv1.NewWorkerAPIYARPCClient(clientConfig),\n")
                .append("\t\tapiv1.NewVisibilityAPIYARPCClient(clientConfig),\n")
                .append("\t)\n")
                .append("\t_ = service\n")
                .append("}\n");
    }

    private static String goPath(Path path) {
        return Quoting.doubleQuoted(path.toString());
    }
}
