package io.mtlsstudio.cadence.export;

import io.mtlsstudio.cadence.MetaApi;
import io.mtlsstudio.cadence.Yarpc;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes a Java class that opens a grpc-java Netty channel to the frontend with the client's key
 * manager and trust manager, adds the YARPC metadata and a deadline through a ClientInterceptor,
 * and checks the connection with {@code MetaAPI/Health}. The Cadence Java client accepts the
 * channel through {@code ClientOptions.newBuilder().setGRPCChannel(channel)}.
 */
final class JavaClientExport {

    static final String CLASS_NAME = "CadenceTlsChannel";

    private JavaClientExport() {
    }

    /**
     * Renders the class.
     *
     * @param shadedNetty whether to import grpc-netty-shaded's relocated packages, which the Cadence
     *                    Java client brings, instead of grpc-netty's
     */
    static String render(ClientSettings client, boolean shadedNetty) {
        String grpcNetty = shadedNetty ? "io.grpc.netty.shaded.io.grpc.netty" : "io.grpc.netty";
        String netty = shadedNetty ? "io.grpc.netty.shaded.io.netty" : "io.netty";
        StringBuilder java = new StringBuilder();

        header(java, client, shadedNetty, grpcNetty, netty);
        constants(java, client);
        openMethod(java, client, grpcNetty, netty);
        if (readsCertificates(client)) {
            readCertificatesMethod(java);
        }
        if (client.tls() && !client.hostnameVerification()) {
            chainOnlyTrustManager(java);
        }
        interceptor(java);
        health(java);
        java.append("}\n");
        return java.toString();
    }

    private static void header(StringBuilder java, ClientSettings client, boolean shadedNetty, String grpcNetty, String netty) {
        java.append("// A gRPC channel to the Cadence frontend at ").append(client.target()).append(", written by mTLS Studio.\n")
                .append("// Java 11 or newer. Dependencies: io.grpc:").append(shadedNetty ? "grpc-netty-shaded" : "grpc-netty")
                .append(" and com.google.protobuf:protobuf-java (the Cadence Java client brings grpc-netty-shaded and protobuf-java).\n")
                .append("// With the Cadence Java client, pass open() to ClientOptions.newBuilder().setGRPCChannel(...): the client adds\n")
                .append("// the YARPC metadata and deadlines itself, so give it the channel without the interceptor below.\n\n");

        Set<String> imports = new TreeSet<>(List.of("com.google.protobuf.CodedInputStream", "io.grpc.CallOptions", "io.grpc.Channel",
                "io.grpc.ClientCall", "io.grpc.ClientInterceptor", "io.grpc.ClientInterceptors", "io.grpc.ForwardingClientCall",
                "io.grpc.ManagedChannel", "io.grpc.Metadata", "io.grpc.MethodDescriptor", "io.grpc.stub.ClientCalls",
                grpcNetty + ".NettyChannelBuilder", "java.io.ByteArrayInputStream", "java.io.IOException", "java.io.InputStream",
                "java.util.concurrent.TimeUnit"));
        if (client.tls()) {
            imports.addAll(List.of(grpcNetty + ".GrpcSslContexts", netty + ".handler.ssl.SslContext", netty + ".handler.ssl.SslContextBuilder"));
        }
        if (client.tls() && (client.hasClientCertificate() || !client.caFiles().isEmpty())) {
            imports.add("java.io.File");
        }
        if (readsCertificates(client)) {
            imports.addAll(List.of("java.io.FileInputStream", "java.security.GeneralSecurityException", "java.security.cert.CertificateFactory",
                    "java.security.cert.X509Certificate", "java.util.ArrayList", "java.util.List"));
        }
        if (client.tls() && !client.hostnameVerification()) {
            imports.addAll(List.of("java.net.Socket", "java.security.GeneralSecurityException", "java.security.KeyStore",
                    "java.security.cert.CertificateException", "java.security.cert.X509Certificate", "java.util.List",
                    "javax.net.ssl.SSLEngine", "javax.net.ssl.TrustManagerFactory", "javax.net.ssl.X509ExtendedTrustManager"));
        }
        String group = null;
        for (String name : imports) {
            String top = name.startsWith("java") ? "java" : "other";
            if (group != null && !group.equals(top)) {
                java.append('\n');
            }
            group = top;
            java.append("import ").append(name).append(";\n");
        }
        java.append("\npublic final class ").append(CLASS_NAME).append(" {\n\n");
    }

    /** Returns whether the class reads CA files itself rather than through Netty's trustManager(File). */
    private static boolean readsCertificates(ClientSettings client) {
        return client.tls() && (client.caFiles().size() > 1 || (!client.hostnameVerification() && !client.caFiles().isEmpty()));
    }

    private static void constants(StringBuilder java, ClientSettings client) {
        java.append("    static final String HOST = ").append(Quoting.doubleQuoted(client.target().host())).append(";\n")
                .append("    static final int PORT = ").append(client.target().port()).append(";\n");
        if (client.tls()) {
            java.append("    /** Name sent as SNI and checked against the server certificate. */\n")
                    .append("    static final String SERVER_NAME = ").append(Quoting.doubleQuoted(client.effectiveServerName())).append(";\n");
            if (client.hasClientCertificate()) {
                java.append("    /** Client certificate chain, PEM, leaf first. */\n")
                        .append("    static final File CLIENT_CERTIFICATE = new File(").append(javaPath(client.clientCertificate())).append(");\n")
                        .append("    /** Its private key: Netty reads unencrypted PKCS#8 PEM (BEGIN PRIVATE KEY) only. */\n")
                        .append("    static final File CLIENT_KEY = new File(").append(javaPath(client.clientKey())).append(");\n");
            }
            if (!client.caFiles().isEmpty()) {
                java.append("    /** CA certificates, PEM, that the server certificate must chain to. */\n")
                        .append("    static final File[] TRUSTED_CAS = {")
                        .append(client.caFiles().stream().map(file -> "new File(" + javaPath(file) + ")").collect(Collectors.joining(", ")))
                        .append("};\n");
            }
        }
        java.append("    /** The rpc-caller value: the name the frontend sees for this client. */\n")
                .append("    static final String CALLER = ").append(Quoting.doubleQuoted(client.caller())).append(";\n")
                .append("    static final long TIMEOUT_MILLIS = ").append(client.timeout().toMillis()).append(";\n\n");
    }

    private static void openMethod(StringBuilder java, ClientSettings client, String grpcNetty, String netty) {
        java.append("    /** Opens the channel; close it with shutdown() when done. */\n");
        if (!client.tls()) {
            java.append("    public static ManagedChannel open() {\n")
                    .append("        // Plaintext: the frontend serves without TLS.\n")
                    .append("        return NettyChannelBuilder.forAddress(HOST, PORT).usePlaintext().build();\n")
                    .append("    }\n\n");
            return;
        }
        java.append("    public static ManagedChannel open() throws IOException");
        if (!client.hostnameVerification() || readsCertificates(client)) {
            java.append(", GeneralSecurityException");
        }
        java.append(" {\n")
                .append("        SslContextBuilder tls = GrpcSslContexts.forClient()\n")
                .append("                .protocols(").append(protocols(client)).append(");\n");
        if (client.hasClientCertificate()) {
            java.append("        tls.keyManager(CLIENT_CERTIFICATE, CLIENT_KEY);\n");
        }
        String anchors = client.caFiles().size() == 1 ? "TRUSTED_CAS[0]" : "readCertificates(TRUSTED_CAS)";
        if (client.hostnameVerification()) {
            if (client.caFiles().isEmpty()) {
                java.append("        // No CA file was given: the JDK's default trust store verifies the server.\n");
            } else {
                java.append("        tls.trustManager(").append(anchors).append(");\n");
            }
        } else {
            java.append("        // Host name verification is off: the chain is still verified, the name is not.\n")
                    .append("        tls.trustManager(new ChainOnlyTrustManager(")
                    .append(client.caFiles().isEmpty() ? "null" : "readCertificates(TRUSTED_CAS)")
                    .append("));\n");
        }
        java.append("        SslContext sslContext = tls.build();\n")
                .append("        return NettyChannelBuilder.forAddress(HOST, PORT)\n")
                .append("                .overrideAuthority(SERVER_NAME)\n")
                .append("                .sslContext(sslContext)\n")
                .append("                .build();\n")
                .append("    }\n\n");
    }

    private static void readCertificatesMethod(StringBuilder java) {
        java.append("""
                    /** Reads every PEM certificate in the files, as a CA bundle may hold several. */
                    static List<X509Certificate> readCertificates(File... files) throws IOException, GeneralSecurityException {
                        CertificateFactory factory = CertificateFactory.getInstance("X.509");
                        List<X509Certificate> certificates = new ArrayList<>();
                        for (File file : files) {
                            try (InputStream in = new FileInputStream(file)) {
                                factory.generateCertificates(in).forEach(certificate -> certificates.add((X509Certificate) certificate));
                            }
                        }
                        return certificates;
                    }

                """);
    }

    private static void chainOnlyTrustManager(StringBuilder java) {
        java.append("""
                    /**
                     * Verifies the server's chain with the JDK's PKIX trust manager but not its host name. grpc-java
                     * turns on HTTPS endpoint identification in the SSLEngine, which the two-argument check ignores.
                     */
                    static final class ChainOnlyTrustManager extends X509ExtendedTrustManager {
                        private final X509ExtendedTrustManager pkix;

                        /** Trusts {@code anchors}, or the JDK's default trust store when null. */
                        ChainOnlyTrustManager(List<X509Certificate> anchors) throws IOException, GeneralSecurityException {
                            KeyStore store = null;
                            if (anchors != null) {
                                store = KeyStore.getInstance("PKCS12");
                                store.load(null, null);
                                for (int i = 0; i < anchors.size(); i++) {
                                    store.setCertificateEntry("ca-" + i, anchors.get(i));
                                }
                            }
                            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                            factory.init(store);
                            pkix = (X509ExtendedTrustManager) factory.getTrustManagers()[0];
                        }

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                            pkix.checkServerTrusted(chain, authType);
                        }

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
                            pkix.checkServerTrusted(chain, authType);
                        }

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
                            pkix.checkServerTrusted(chain, authType);
                        }

                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                            throw new CertificateException("a client does not verify clients");
                        }

                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
                            throw new CertificateException("a client does not verify clients");
                        }

                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
                            throw new CertificateException("a client does not verify clients");
                        }

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return pkix.getAcceptedIssuers();
                        }
                    }

                """);
    }

    private static void interceptor(StringBuilder java) {
        java.append("""
                    /** Adds the metadata a Cadence frontend requires on every call, and a deadline when the caller set none. */
                    static final class YarpcMetadata implements ClientInterceptor {
                        static final Metadata.Key<String> SERVICE = Metadata.Key.of("rpc-service", Metadata.ASCII_STRING_MARSHALLER);
                        static final Metadata.Key<String> CALLER_KEY = Metadata.Key.of("rpc-caller", Metadata.ASCII_STRING_MARSHALLER);
                        static final Metadata.Key<String> ENCODING = Metadata.Key.of("rpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

                        @Override
                        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                            CallOptions withDeadline = options.getDeadline() == null
                                    ? options.withDeadlineAfter(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) : options;
                            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, withDeadline)) {
                                @Override
                                public void start(Listener<R> listener, Metadata headers) {
                                    headers.put(SERVICE, "SERVICE_NAME");
                                    headers.put(CALLER_KEY, CALLER);
                                    headers.put(ENCODING, "ENCODING_NAME");
                                    super.start(listener, headers);
                                }
                            };
                        }
                    }

                    /** Returns the channel with the YARPC metadata and deadline added to every call. */
                    public static Channel withYarpcMetadata(Channel channel) {
                        return ClientInterceptors.intercept(channel, new YarpcMetadata());
                    }

                """.replace("\"SERVICE_NAME\"", Quoting.doubleQuoted(Yarpc.FRONTEND_SERVICE))
                .replace("\"ENCODING_NAME\"", Quoting.doubleQuoted(Yarpc.PROTO_ENCODING)));
    }

    private static void health(StringBuilder java) {
        java.append("""
                    /** The bytes of a protobuf message, unparsed, so the class needs no generated Cadence stubs. */
                    static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
                        @Override
                        public InputStream stream(byte[] value) {
                            return new ByteArrayInputStream(value);
                        }

                        @Override
                        public byte[] parse(InputStream stream) {
                            try {
                                return stream.readAllBytes();
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }

                    static final MethodDescriptor<byte[], byte[]> HEALTH = MethodDescriptor.<byte[], byte[]>newBuilder()
                            .setType(MethodDescriptor.MethodType.UNARY)
                            .setFullMethodName("HEALTH_METHOD")
                            .setRequestMarshaller(new RawBytes())
                            .setResponseMarshaller(new RawBytes())
                            .build();

                    /** Calls MetaAPI/Health and returns "ok=true message=..." from its HealthResponse {bool ok = 1; string message = 2;}. */
                    public static String checkHealth(Channel channel) throws IOException {
                        byte[] response = ClientCalls.blockingUnaryCall(withYarpcMetadata(channel), HEALTH, CallOptions.DEFAULT, new byte[0]);
                        CodedInputStream in = CodedInputStream.newInstance(response);
                        boolean ok = false;
                        String message = "";
                        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                            if (tag == 8) {
                                ok = in.readBool();
                            } else if (tag == 18) {
                                message = in.readStringRequireUtf8();
                            } else {
                                in.skipField(tag);
                            }
                        }
                        return "ok=" + ok + " message=" + message;
                    }

                    public static void main(String[] args) throws Exception {
                        ManagedChannel channel = open();
                        try {
                            System.out.println("Health: " + checkHealth(channel));
                        } finally {
                            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                        }
                    }
                """.replace("\"HEALTH_METHOD\"", Quoting.doubleQuoted(MetaApi.HEALTH.getFullMethodName())));
    }

    private static String protocols(ClientSettings client) {
        List<String> names = client.tlsVersion().protocols();
        return names.stream().map(Quoting::doubleQuoted).collect(Collectors.joining(", "));
    }

    private static String javaPath(Path path) {
        return Quoting.doubleQuoted(path.toString());
    }
}
