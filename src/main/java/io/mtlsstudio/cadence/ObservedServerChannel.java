package io.mtlsstudio.cadence;

import io.mtlsstudio.handshake.SslHandshakes;
import io.mtlsstudio.handshake.TlsRecordParser;
import io.mtlsstudio.handshake.WireRecord;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;

/**
 * A server socket channel whose accepted connections carry a recorder first in their
 * pipeline, so that the embedded frontend can report the records it sent and received and
 * how each TLS handshake ended, the client-certificate rejections included.
 */
final class ObservedServerChannel extends NioServerSocketChannel {

    private final Consumer<FrontendEvent> publisher;
    private final BiConsumer<SSLSession, InetSocketAddress> sessionSeen;

    /**
     * @param publisher   receives the connection's records and handshake failures
     * @param sessionSeen learns which client each handshake session belongs to. The server-side SSLEngine carries
     *                    no peer address and gRPC runs the trust manager on another thread, so the session is
     *                    the one key both sides share.
     */
    ObservedServerChannel(Consumer<FrontendEvent> publisher, BiConsumer<SSLSession, InetSocketAddress> sessionSeen) {
        this.publisher = publisher;
        this.sessionSeen = sessionSeen;
    }

    @Override
    protected int doReadMessages(List<Object> buf) throws Exception {
        SocketChannel accepted = javaChannel().accept();
        if (accepted == null) {
            return 0;
        }
        NioSocketChannel child = new NioSocketChannel(this, accepted);
        child.pipeline().addFirst("server-recorder", new ServerRecorder(publisher, sessionSeen));
        buf.add(child);
        return 1;
    }

    /** Records one accepted connection from the server's side. */
    private static final class ServerRecorder extends ChannelDuplexHandler {
        private final Consumer<FrontendEvent> publisher;
        private final BiConsumer<SSLSession, InetSocketAddress> sessionSeen;
        private SslHandler sslHandler;
        private boolean sessionReported;
        private TlsRecordParser received;
        private TlsRecordParser sent;
        private InetSocketAddress remote;
        private boolean handshakeWatched;

        ServerRecorder(Consumer<FrontendEvent> publisher, BiConsumer<SSLSession, InetSocketAddress> sessionSeen) {
            this.publisher = publisher;
            this.sessionSeen = sessionSeen;
        }

        private void init(ChannelHandlerContext ctx) {
            if (received != null) {
                return;
            }
            remote = (InetSocketAddress) ctx.channel().remoteAddress();
            // Directions are from the server's side: RECEIVED came from the client.
            received = new TlsRecordParser(WireRecord.Direction.RECEIVED, () -> 0, this::publishRecord);
            sent = new TlsRecordParser(WireRecord.Direction.SENT, () -> 0, this::publishRecord);
        }

        private void publishRecord(WireRecord record) {
            publisher.accept(new FrontendEvent(FrontendEvent.Kind.RECORD, java.time.Instant.now(), System.nanoTime(), remote,
                    List.of(), record.describe(), record));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            init(ctx);
            if (msg instanceof ByteBuf buf) {
                received.feed(buf);
            }
            watchHandshake(ctx);
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            init(ctx);
            if (msg instanceof ByteBuf buf) {
                sent.feed(buf);
            }
            reportSession();
            super.write(ctx, msg, promise);
        }

        /** Ties the handshake session to this client once the engine has one, which is before its ServerHello goes out. */
        private void reportSession() {
            if (sessionReported || sslHandler == null) {
                return;
            }
            SSLSession session = sslHandler.engine().getHandshakeSession();
            if (session != null) {
                sessionReported = true;
                sessionSeen.accept(session, remote);
            }
        }

        private void watchHandshake(ChannelHandlerContext ctx) {
            if (handshakeWatched) {
                return;
            }
            handshakeWatched = SslHandshakes.whenHandshakeEnds(ctx, (handler, failure) -> {
                if (failure != null) {
                    publisher.accept(FrontendEvent.of(FrontendEvent.Kind.HANDSHAKE_FAILED, remote, List.of(),
                            failure.getClass().getSimpleName() + ": " + failure.getMessage()));
                }
            });
            sslHandler = ctx.pipeline().get(SslHandler.class);
        }
    }
}
