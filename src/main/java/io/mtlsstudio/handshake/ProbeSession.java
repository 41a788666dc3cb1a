package io.mtlsstudio.handshake;

import io.grpc.Attributes;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ClientStreamTracer;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.mtlsstudio.cadence.MetaApi;
import io.mtlsstudio.cadence.Yarpc;
import io.mtlsstudio.cadence.proto.HealthRequest;
import io.mtlsstudio.cadence.proto.HealthResponse;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.mtlsstudio.cadence.FrontendEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** One probe run: builds the channel, makes the Health call and attributes the outcome to a step. */
final class ProbeSession implements WireRecorder.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeSession.class);

    /** Extra time allowed past the deadline before the probe stops waiting for gRPC itself. */
    private static final long GRACE_MILLIS = 2_000;

    private final ProbeOptions options;
    private final StepTracker tracker;
    private final EventLoopGroup eventLoops;
    private final AtomicReference<WireRecorder> recorder = new AtomicReference<>();
    private final AtomicReference<SSLEngine> engine = new AtomicReference<>();
    private final CompletableFuture<CallOutcome> outcome = new CompletableFuture<>();

    private volatile boolean cancelled;
    private volatile ManagedChannel channel;
    private volatile ClientCall<HealthRequest, HealthResponse> call;
    private volatile ServerCertificateVerifier verifier;
    private volatile ClientCertificateChooser chooser;
    private volatile long transportReadyNanos = -1;
    private volatile long responseNanos = -1;
    private volatile long requestSentNanos = -1;
    private volatile SSLSession readySession;
    private volatile SocketAddress remoteAddress;
    private volatile int localPort = -1;
    private volatile long handshakeEndedNanos = -1;
    private volatile Throwable handshakeFailure;
    private volatile SslHandler sslHandler;
    private final java.util.concurrent.CountDownLatch serverVerdict = new java.util.concurrent.CountDownLatch(1);
    private final java.util.List<FrontendEvent> earlyServerEvents = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The end of the gRPC call: its status, the Health response if any, and when it closed. */
    record CallOutcome(Status status, HealthResponse response, long closedNanos) {
    }

    ProbeSession(ProbeOptions options, ProbeListener listener, EventLoopGroup eventLoops) {
        this.options = options;
        this.tracker = new StepTracker(listener);
        this.eventLoops = eventLoops;
    }

    ProbeReport execute() {
        String target = options.target().toString();
        tracker.emit(new ProbeEvent.RunStarted(0, target, options.tls()));
        tracker.start(StepId.CONNECT);
        tracker.evidence(StepId.CONNECT, Evidence.of("Target", target));

        ProbeReport.Result result;
        java.util.function.Consumer<FrontendEvent> serverListener = this::onServerEvent;
        if (options.observedFrontend() != null) {
            options.observedFrontend().addListener(serverListener);
        }
        try {
            result = connectAndCall();
        } catch (RuntimeException e) {
            LOG.error("Probe of {} failed unexpectedly", target, e);
            StepId step = tracker.firstUnfinished() == null ? StepId.ENCRYPTED_CHANNEL : tracker.firstUnfinished();
            tracker.fail(step, FailureCode.CALL_FAILED.finding(step, target,
                    "The probe failed unexpectedly: " + e, "Run the check again; if it repeats, report it with the log."));
            result = ProbeReport.Result.FAILURE;
        } finally {
            if (options.observedFrontend() != null) {
                options.observedFrontend().removeListener(serverListener);
            }
            closeChannel();
        }

        tracker.skipUnfinished("not reached");
        ProbeReport report = tracker.report(target, options.tls(), result, negotiated(), health(), serverChain());
        tracker.emit(new ProbeEvent.RunFinished(tracker.nowMicros(), report));
        return report;
    }

    void cancel() {
        cancelled = true;
        ClientCall<HealthRequest, HealthResponse> running = call;
        if (running != null) {
            running.cancel("Cancelled by the user", null);
        }
        closeChannel();
        outcome.complete(new CallOutcome(Status.CANCELLED.withDescription("Cancelled by the user"), null, System.nanoTime()));
    }

    private ProbeReport.Result connectAndCall() {
        InetAddress address = resolve();
        if (address == null || cancelled) {
            return cancelled ? cancelledResult() : ProbeReport.Result.FAILURE;
        }

        try {
            channel = buildChannel(address);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            tracker.fail(StepId.CONNECT, FailureCode.CONNECT_FAILED.finding(options.target().toString(),
                    "The TLS client could not be set up: " + e.getMessage(),
                    "Check the client certificate, key and CA files."));
            return ProbeReport.Result.FAILURE;
        }

        startCall();
        CallOutcome ended = awaitOutcome();
        if (cancelled) {
            return cancelledResult();
        }
        awaitServerVerdict();
        return new OutcomeClassifier(this, ended).classify();
    }

    private InetAddress resolve() {
        String host = options.target().host();
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            InetAddress address = addresses[0];
            tracker.check(StepId.CONNECT, Check.passed("Name resolution", host + " resolves to " + address.getHostAddress()));
            tracker.evidence(StepId.CONNECT, Evidence.of("Resolved address", address.getHostAddress()));
            return address;
        } catch (UnknownHostException e) {
            String message = "The host name \"" + host + "\" does not resolve to any address.";
            tracker.check(StepId.CONNECT, Check.failed("Name resolution", message));
            tracker.fail(StepId.CONNECT, FailureCode.UNKNOWN_HOST.finding(host, message,
                    "Check the spelling of the host, or use its IP address; the name must resolve on this machine (DNS or the hosts file)."));
            return null;
        }
    }

    private ManagedChannel buildChannel(InetAddress address) throws GeneralSecurityException, IOException {
        Target target = options.target();
        long timeoutMillis = options.timeout().toMillis();
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(new InetSocketAddress(address, target.port()))
                .channelFactory(this::newChannel, InetSocketAddress.class)
                .eventLoopGroup(eventLoops)
                .overrideAuthority(authority())
                .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .disableRetry()
                .maxInboundMessageSize(4 * 1024 * 1024);
        if (options.tls()) {
            builder.sslContext(clientSslContext());
        } else {
            builder.usePlaintext();
        }
        return builder.build();
    }

    private RecordingSocketChannel newChannel() {
        WireRecorder fresh = new WireRecorder(this);
        // gRPC opens one transport per attempt; retries are off, so the first one is the attempt.
        recorder.compareAndSet(null, fresh);
        return new RecordingSocketChannel(fresh);
    }

    private String authority() {
        String name = options.effectiveServerName();
        String host = name.contains(":") ? "[" + name + "]" : name;
        return host + ":" + options.target().port();
    }

    private SslContext clientSslContext() throws GeneralSecurityException, IOException {
        X509ExtendedTrustManager pkix = pkixTrustManager(options.trustedCas());
        verifier = new ServerCertificateVerifier(tracker, pkix, options);
        chooser = new ClientCertificateChooser(tracker, options.clientChain(), options.clientKey());

        SslContextBuilder builder = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
                .trustManager(verifier)
                .keyManager(chooser)
                .protocols(options.tlsVersion().protocols());
        SslContext context = builder.build();
        return new DelegatingSslContext(context) {
            @Override
            protected void initEngine(SSLEngine created) {
                engine.compareAndSet(null, created);
            }
        };
    }

    static X509ExtendedTrustManager pkixTrustManager(List<X509Certificate> cas) throws GeneralSecurityException, IOException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (cas.isEmpty()) {
            factory.init((KeyStore) null);
        } else {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            factory.init(store);
        }
        return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
    }

    private void startCall() {
        ClientStreamTracer.Factory tracerFactory = new ClientStreamTracer.Factory() {
            @Override
            public ClientStreamTracer newClientStreamTracer(ClientStreamTracer.StreamInfo info, Metadata headers) {
                return new ClientStreamTracer() {
                    @Override
                    public void streamCreated(Attributes transportAttrs, Metadata headers) {
                        transportReadyNanos = System.nanoTime();
                        readySession = transportAttrs.get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
                    }

                    @Override
                    public void outboundMessage(int seqNo) {
                        requestSentNanos = System.nanoTime();
                    }

                    @Override
                    public void inboundHeaders() {
                        markResponse();
                    }

                    @Override
                    public void inboundTrailers(Metadata trailers) {
                        markResponse();
                    }
                };
            }
        };

        CallOptions callOptions = CallOptions.DEFAULT
                .withDeadlineAfter(options.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .withStreamTracerFactory(tracerFactory);
        ClientCall<HealthRequest, HealthResponse> health = channel.newCall(MetaApi.HEALTH, callOptions);
        call = health;
        AtomicReference<HealthResponse> response = new AtomicReference<>();
        health.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(HealthResponse message) {
                response.set(message);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                outcome.complete(new CallOutcome(status, response.get(), System.nanoTime()));
            }
        }, Yarpc.requestHeaders(options.caller()));
        health.request(2);
        health.sendMessage(HealthRequest.getDefaultInstance());
        health.halfClose();
    }

    private void markResponse() {
        if (responseNanos < 0) {
            responseNanos = System.nanoTime();
        }
    }

    private CallOutcome awaitOutcome() {
        try {
            return outcome.get(options.timeout().toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("gRPC did not end the call to {} within its deadline; stopping it", options.target());
            call.cancel("deadline passed", null);
            return new CallOutcome(Status.DEADLINE_EXCEEDED.withDescription("the probe stopped waiting"), null, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return outcome.join();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private ProbeReport.Result cancelledResult() {
        StepId step = tracker.firstUnfinished();
        if (step != null) {
            tracker.fail(step, FailureCode.CANCELLED.finding(step, options.target().toString(),
                    "The connection attempt was cancelled at step " + step + ".", "Connect again when ready."));
        }
        return ProbeReport.Result.CANCELLED;
    }

    private void closeChannel() {
        ManagedChannel open = channel;
        if (open != null) {
            open.shutdownNow();
        }
    }

    // Wire facts, called on the event loop.

    @Override
    public void connected(SocketAddress local, SocketAddress remote, long atNanos) {
        remoteAddress = remote;
        if (local instanceof InetSocketAddress inet) {
            localPort = inet.getPort();
            for (FrontendEvent early : earlyServerEvents) {
                onServerEvent(early);
            }
            earlyServerEvents.clear();
        }
        WireRecorder wire = recorder.get();
        long started = wire == null ? -1 : wire.connectStartNanos();
        String time = started < 0 ? "" : String.format(" in %.1f ms", (atNanos - started) / 1e6);
        tracker.check(StepId.CONNECT, Check.passed("TCP connect", "connected to " + remote + time));
        tracker.evidence(StepId.CONNECT, Evidence.of("Local address", String.valueOf(local)));
        tracker.evidence(StepId.CONNECT, Evidence.of("Remote address", String.valueOf(remote)));
    }

    @Override
    public void firstWrite(byte[] prefix, long atNanos) {
        String sent = options.tls() ? "ClientHello (TLS handshake record)" : "HTTP/2 connection preface (cleartext)";
        tracker.check(StepId.CONNECT, Check.passed(options.tls() ? "ClientHello sent" : "Preface sent", sent));
        tracker.evidence(StepId.CONNECT, Evidence.of("First bytes sent", WireRecorder.hex(prefix)));
        tracker.pass(StepId.CONNECT, atNanos);
        if (options.tls()) {
            tracker.start(StepId.SERVER_CERTIFICATE, atNanos);
        } else {
            for (StepId step : List.of(StepId.SERVER_CERTIFICATE, StepId.VERIFY_SERVER, StepId.CLIENT_CERTIFICATE, StepId.VERIFY_CLIENT)) {
                tracker.skip(step, "plaintext connection: there is no TLS handshake");
            }
            tracker.start(StepId.ACCESS_GRANTED, atNanos);
        }
    }

    @Override
    public void firstRead(byte[] prefix, long atNanos) {
        StepId step = options.tls() ? StepId.SERVER_CERTIFICATE : StepId.ACCESS_GRANTED;
        tracker.evidence(step, Evidence.of("First bytes read", WireRecorder.hex(prefix) + "\n" + PeerBytes.describe(prefix)));
    }

    @Override
    public long micros(long nanos) {
        return tracker.micros(nanos);
    }

    @Override
    public void record(WireRecord record) {
        tracker.record(record);
    }

    @Override
    public void handshakeEnded(SslHandler handler, Throwable failure, long atNanos) {
        sslHandler = handler;
        handshakeFailure = failure;
        handshakeEndedNanos = atNanos;
    }

    // The embedded frontend's side, when it is the target.

    private void onServerEvent(FrontendEvent event) {
        if (localPort < 0) {
            // Events can arrive before the client's channelActive; keep them until the port is known.
            earlyServerEvents.add(event);
            return;
        }
        if (!event.concernsClientPort(localPort)) {
            return;
        }
        StepId current = tracker.firstUnfinished() == null ? StepId.ENCRYPTED_CHANNEL : tracker.firstUnfinished();
        long at = tracker.micros(event.nanoTime());
        switch (event.kind()) {
            case RECORD -> tracker.serverObserved(new ServerObservation(at, current, ServerObservation.Kind.RECORD,
                    event.detail(), List.of()));
            case CLIENT_CERTIFICATE_ACCEPTED, CLIENT_CERTIFICATE_REJECTED -> {
                boolean accepted = event.kind() == FrontendEvent.Kind.CLIENT_CERTIFICATE_ACCEPTED;
                tracker.serverObserved(new ServerObservation(at, StepId.VERIFY_CLIENT, accepted
                        ? ServerObservation.Kind.CLIENT_CERTIFICATE_ACCEPTED : ServerObservation.Kind.CLIENT_CERTIFICATE_REJECTED,
                        event.detail(), event.clientChain()));
                tracker.check(StepId.VERIFY_CLIENT, accepted
                        ? Check.passed("Server verdict (embedded frontend)", "accepted: " + event.detail())
                        : Check.failed("Server verdict (embedded frontend)", "rejected: " + event.detail()));
                tracker.evidence(StepId.VERIFY_CLIENT, Evidence.chain("Client chain received by the server", event.clientChain()));
                if (!accepted) {
                    serverVerdict.countDown();
                }
            }
            case HANDSHAKE_FAILED -> {
                StepId step = chooser != null && chooser.requested() ? StepId.VERIFY_CLIENT : current;
                tracker.serverObserved(new ServerObservation(at, step, ServerObservation.Kind.HANDSHAKE_FAILED, event.detail(), List.of()));
                tracker.evidence(step, Evidence.of("Server's handshake failure (embedded frontend)", event.detail()));
                serverVerdict.countDown();
            }
            case CONNECTION_READY -> {
                tracker.serverObserved(new ServerObservation(at, StepId.ACCESS_GRANTED, ServerObservation.Kind.CONNECTION_READY,
                        event.detail(), event.clientChain()));
                tracker.check(StepId.ACCESS_GRANTED, Check.passed("Access decision (embedded frontend)", "accepted: " + event.detail()));
                serverVerdict.countDown();
            }
            case CALL_COMPLETED -> tracker.serverObserved(new ServerObservation(at, StepId.ENCRYPTED_CHANNEL,
                    ServerObservation.Kind.CALL_COMPLETED, event.detail(), List.of()));
        }
    }

    /** Gives the embedded frontend a moment to report its verdict, which can trail the client's view by a few ms. */
    private void awaitServerVerdict() {
        if (options.observedFrontend() == null || localPort < 0) {
            return;
        }
        try {
            serverVerdict.await(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // State read by the classifier.

    long handshakeEndedNanos() {
        return handshakeEndedNanos;
    }

    Throwable handshakeFailure() {
        return handshakeFailure;
    }


    ProbeOptions options() {
        return options;
    }

    StepTracker tracker() {
        return tracker;
    }

    SocketAddress remoteAddress() {
        return remoteAddress;
    }

    WireRecorder recorder() {
        return recorder.get();
    }

    ServerCertificateVerifier verifier() {
        return verifier;
    }

    ClientCertificateChooser chooser() {
        return chooser;
    }

    long transportReadyNanos() {
        return transportReadyNanos;
    }

    long responseNanos() {
        return responseNanos;
    }

    long requestSentNanos() {
        return requestSentNanos;
    }

    private List<X509Certificate> serverChain() {
        return verifier == null ? List.of() : verifier.serverChain();
    }

    ProbeReport.Negotiated negotiated() {
        SSLSession session = readySession;
        SSLEngine created = engine.get();
        if (session == null && created != null && !"NONE".equals(created.getSession().getProtocol())) {
            session = created.getSession();
        }
        if (session == null) {
            return null;
        }
        String alpn = created == null ? null : created.getApplicationProtocol();
        if (sslHandler != null && sslHandler.applicationProtocol() != null) {
            alpn = sslHandler.applicationProtocol();
        }
        return new ProbeReport.Negotiated(session.getProtocol(), session.getCipherSuite(), alpn == null || alpn.isEmpty() ? null : alpn);
    }

    private volatile ProbeReport.Health health;

    void health(ProbeReport.Health value) {
        health = value;
    }

    private ProbeReport.Health health() {
        return health;
    }
}
