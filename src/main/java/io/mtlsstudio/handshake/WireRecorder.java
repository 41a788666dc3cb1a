package io.mtlsstudio.handshake;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslHandler;

import java.net.SocketAddress;
import java.util.Arrays;

/**
 * Sits at the head of the client pipeline, next to the socket, and records what crossed the
 * wire before any TLS or HTTP/2 processing. It records connection times, addresses, the first
 * bytes each side sent, every TLS record, and the end of the TLS handshake.
 */
final class WireRecorder extends ChannelDuplexHandler {

    static final int FIRST_BYTES = 32;

    /** Receives wire facts as they happen, on the channel's event loop. */
    interface Listener {
        void connected(SocketAddress local, SocketAddress remote, long atNanos);

        void firstWrite(byte[] prefix, long atNanos);

        void firstRead(byte[] prefix, long atNanos);

        void record(WireRecord record);

        /** The TLS handshake ended: {@code failure} is null on success. */
        void handshakeEnded(SslHandler handler, Throwable failure, long atNanos);

        long micros(long nanos);
    }

    private final Listener listener;
    private volatile long connectedNanos = -1;
    private volatile byte[] firstBytesRead;
    private volatile boolean wrote;

    private final TlsRecordParser sent;
    private final TlsRecordParser received;
    private volatile long connectStartNanos = -1;
    private boolean handshakeWatched;

    WireRecorder(Listener listener) {
        this.listener = listener;
        this.sent = new TlsRecordParser(WireRecord.Direction.SENT, () -> listener.micros(System.nanoTime()), listener::record);
        this.received = new TlsRecordParser(WireRecord.Direction.RECEIVED, () -> listener.micros(System.nanoTime()), listener::record);
    }

    /** When the TCP connect started, or -1 before it did. */
    long connectStartNanos() {
        return connectStartNanos;
    }

    long connectedNanos() {
        return connectedNanos;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) throws Exception {
        connectStartNanos = System.nanoTime();
        super.connect(ctx, remote, local, promise);
    }

    private void watchHandshake(ChannelHandlerContext ctx) {
        if (!handshakeWatched) {
            handshakeWatched = SslHandshakes.whenHandshakeEnds(ctx,
                    (handler, failure) -> listener.handshakeEnded(handler, failure, System.nanoTime()));
        }
    }

    boolean isConnected() {
        return connectedNanos >= 0;
    }

    /** Returns the first bytes the peer sent, or an empty array if it sent nothing. */
    byte[] firstBytesRead() {
        byte[] bytes = firstBytesRead;
        return bytes == null ? new byte[0] : bytes.clone();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connectedNanos = System.nanoTime();
        listener.connected(ctx.channel().localAddress(), ctx.channel().remoteAddress(), connectedNanos);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf buf && buf.isReadable()) {
            if (firstBytesRead == null) {
                byte[] prefix = ByteBufUtil.getBytes(buf, buf.readerIndex(), Math.min(FIRST_BYTES, buf.readableBytes()));
                firstBytesRead = prefix;
                listener.firstRead(prefix.clone(), System.nanoTime());
            }
            received.feed(buf);
            watchHandshake(ctx);
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf buf && buf.isReadable()) {
            if (!wrote) {
                wrote = true;
                byte[] prefix = ByteBufUtil.getBytes(buf, buf.readerIndex(), Math.min(FIRST_BYTES, buf.readableBytes()));
                listener.firstWrite(prefix, System.nanoTime());
            }
            sent.feed(buf);
            watchHandshake(ctx);
        }
        super.write(ctx, msg, promise);
    }

    static String hex(byte[] bytes) {
        return bytes.length == 0 ? "(none)" : ByteBufUtil.hexDump(bytes).replaceAll("(..)(?!$)", "$1 ");
    }

    static byte[] prefix(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, Math.min(bytes.length, length));
    }
}
