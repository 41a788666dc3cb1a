package io.mtlsstudio.handshake;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Connects to a Cadence frontend with grpc-netty and the JDK TLS provider, sends the Health call
 * with the YARPC metadata and a deadline, and reports what happened as the seven steps.
 *
 * <p>Each run opens its own gRPC channel and closes it at the end; runs share one small pool of
 * event-loop threads.
 */
public final class HandshakeProbe {

    private static final class Shared {
        static final EventLoopGroup EVENT_LOOPS = new MultiThreadIoEventLoopGroup(2,
                new DefaultThreadFactory("mtls-probe-io", true), NioIoHandler.newFactory());
        static final ExecutorService RUNNERS = Executors.newCachedThreadPool(
                new DefaultThreadFactory("mtls-probe", true));
    }

    private HandshakeProbe() {
    }

    /** Starts a run in the background; events go to {@code listener} on probe threads. */
    public static ProbeRun start(ProbeOptions options, ProbeListener listener) {
        ProbeSession session = new ProbeSession(options, listener, Shared.EVENT_LOOPS);
        CompletableFuture<ProbeReport> report = CompletableFuture.supplyAsync(session::execute, Shared.RUNNERS);
        return new ProbeRun(report, session::cancel);
    }

    /** Runs the probe and waits for its report. */
    public static ProbeReport run(ProbeOptions options, ProbeListener listener) throws InterruptedException {
        return start(options, listener).await();
    }

    public static ProbeReport run(ProbeOptions options) throws InterruptedException {
        return run(options, ProbeListener.NONE);
    }
}
