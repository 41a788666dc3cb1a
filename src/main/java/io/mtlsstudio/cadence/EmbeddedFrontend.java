package io.mtlsstudio.cadence;

import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServerTransportFilter;
import io.grpc.ForwardingServerCall;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.mtlsstudio.cadence.proto.HealthResponse;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real gRPC server that serves {@code uber.cadence.api.v1.MetaAPI/Health} and enforces the
 * YARPC metadata rules of a Cadence frontend, in plaintext, TLS or mutual TLS mode. In mutual TLS
 * mode a client certificate is required and verified against the configured CA certificates.
 */
public final class EmbeddedFrontend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFrontend.class);

    private final FrontendSettings settings;
    private final Server server;
    private final Instant startedAt;
    private final List<Consumer<FrontendEvent>> listeners = new CopyOnWriteArrayList<>();
    private final java.util.Map<javax.net.ssl.SSLSession, InetSocketAddress> clientsBySession =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Event-loop threads shared by all embedded frontends; daemon threads, so they never keep the JVM alive. */
    private static final class SharedLoops {
        static final io.netty.channel.EventLoopGroup GROUP = new io.netty.channel.MultiThreadIoEventLoopGroup(2,
                new io.netty.util.concurrent.DefaultThreadFactory("embedded-frontend-io", true),
                io.netty.channel.nio.NioIoHandler.newFactory());
    }

    private EmbeddedFrontend(FrontendSettings settings) throws IOException {
        this.settings = settings;
        this.startedAt = Instant.now();

        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.port()))
                .addService(ServerInterceptors.intercept(healthService(), new YarpcServerInterceptor(), new CallObserver()))
                .addTransportFilter(new ReadyObserver())
                .channelFactory(() -> new ObservedServerChannel(this::publish, clientsBySession::put))
                .bossEventLoopGroup(SharedLoops.GROUP)
                .workerEventLoopGroup(SharedLoops.GROUP);
        if (settings.mode() != FrontendSettings.Mode.PLAINTEXT) {
            builder.sslContext(serverSslContext());
        }

        this.server = builder.build();
        try {
            server.start();
        } catch (IOException e) {
            boolean inUse = false;
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                inUse |= cause instanceof java.net.BindException && String.valueOf(cause.getMessage()).contains("in use");
            }
            String reason = inUse ? "the port is already in use by another process" : e.getMessage();
            throw new IOException("The embedded frontend cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + reason + ". Choose another port, or 0 for a free one.", e);
        }
        LOG.info("Embedded frontend listening on {} ({})", address(), settings.mode());
    }

    /** Starts a frontend with the given settings and returns once it accepts connections. */
    public static EmbeddedFrontend start(FrontendSettings settings) throws IOException {
        return new EmbeddedFrontend(settings);
    }

    public InetSocketAddress address() {
        InetSocketAddress bound = (InetSocketAddress) server.getListenSockets().get(0);
        return new InetSocketAddress(settings.host(), bound.getPort());
    }

    public int port() {
        return address().getPort();
    }

    /** Returns {@code host:port} with IPv6 literals in brackets. */
    public String target() {
        String host = settings.host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public FrontendSettings settings() {
        return settings;
    }

    /** Registers a listener for what the frontend observes; called on server threads. */
    public void addListener(Consumer<FrontendEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<FrontendEvent> listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Embedded frontend on port {} stopped", settings.port());
    }

    private ServerServiceDefinition healthService() {
        return ServerServiceDefinition.builder(MetaApi.SERVICE_NAME)
                .addMethod(MetaApi.HEALTH, ServerCalls.asyncUnaryCall((request, observer) -> {
                    boolean warm = Instant.now().isAfter(startedAt.plus(settings.warmUp()));
                    observer.onNext(HealthResponse.newBuilder()
                            .setOk(warm)
                            .setMessage(warm ? "OK" : MetaApi.WARMING_UP)
                            .build());
                    observer.onCompleted();
                }))
                .build();
    }

    private SslContext serverSslContext() throws IOException {
        try {
            SslContextBuilder builder = GrpcSslContexts.configure(
                    SslContextBuilder.forServer(settings.key(), settings.chain()), SslProvider.JDK);
            if (!settings.protocols().isEmpty()) {
                builder.protocols(settings.protocols());
            }
            if (settings.mode() == FrontendSettings.Mode.MUTUAL_TLS) {
                builder.trustManager(new VerdictTrustManager(defaultTrustManager(settings.clientCas())))
                        .clientAuth(ClientAuth.REQUIRE);
            }
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IOException("The embedded frontend cannot use its certificate or CA files: " + e.getMessage(), e);
        }
    }

    static X509ExtendedTrustManager defaultTrustManager(List<X509Certificate> cas) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private void publish(FrontendEvent event) {
        for (Consumer<FrontendEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A frontend event listener failed on {}", event.kind(), e);
            }
        }
    }

    /** Verifies client chains with the JDK's PKIX trust manager and reports each verdict. */
    private final class VerdictTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        VerdictTrustManager(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            InetSocketAddress remote = engine.getHandshakeSession() == null ? null : clientsBySession.get(engine.getHandshakeSession());
            judge(chain, remote, () -> delegate.checkClientTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            judge(chain, (InetSocketAddress) socket.getRemoteSocketAddress(), () -> delegate.checkClientTrusted(chain, authType, socket));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            judge(chain, null, () -> delegate.checkClientTrusted(chain, authType));
        }

        private void judge(X509Certificate[] chain, InetSocketAddress remote, TrustCheck check) throws CertificateException {
            try {
                check.run();
                publish(FrontendEvent.of(FrontendEvent.Kind.CLIENT_CERTIFICATE_ACCEPTED, remote,
                        List.of(chain), "the client certificate chains to a configured CA"));
            } catch (CertificateException e) {
                publish(FrontendEvent.of(FrontendEvent.Kind.CLIENT_CERTIFICATE_REJECTED, remote,
                        List.of(chain), e.getMessage()));
                throw e;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("The embedded frontend does not verify servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("The embedded frontend does not verify servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("The embedded frontend does not verify servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    @FunctionalInterface
    private interface TrustCheck {
        void run() throws CertificateException;
    }

    private final class ReadyObserver extends ServerTransportFilter {
        @Override
        public Attributes transportReady(Attributes attributes) {
            List<X509Certificate> chain = new ArrayList<>();
            var session = attributes.get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            String detail = "plaintext";
            if (session != null) {
                detail = session.getProtocol() + " " + session.getCipherSuite();
                try {
                    for (var cert : session.getPeerCertificates()) {
                        chain.add((X509Certificate) cert);
                    }
                } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                    detail += ", no client certificate";
                }
            }
            publish(FrontendEvent.of(FrontendEvent.Kind.CONNECTION_READY,
                    (InetSocketAddress) attributes.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR), chain, detail));
            return attributes;
        }
    }

    private final class CallObserver implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            InetSocketAddress remote = (InetSocketAddress) call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
            String method = call.getMethodDescriptor().getFullMethodName();
            return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                @Override
                public void close(Status status, Metadata trailers) {
                    String description = status.getDescription() == null ? "" : ": " + status.getDescription();
                    publish(FrontendEvent.of(FrontendEvent.Kind.CALL_COMPLETED, remote, List.of(),
                            method + " " + status.getCode() + description));
                    super.close(status, trailers);
                }
            }, headers);
        }
    }
}
