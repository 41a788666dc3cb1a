package io.mtlsstudio.handshake;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;

import java.util.function.BiConsumer;

/** Finds the pipeline's {@link SslHandler}, which gRPC installs after the recorders, and follows its handshake. */
public final class SslHandshakes {

    private SslHandshakes() {
    }

    /**
     * Calls {@code onEnd} with the handler and the failure (null on success) when the handshake ends.
     *
     * @return false if the pipeline has no SslHandler yet, so the caller should try again on a later event
     */
    public static boolean whenHandshakeEnds(ChannelHandlerContext ctx, BiConsumer<SslHandler, Throwable> onEnd) {
        SslHandler handler = ctx.pipeline().get(SslHandler.class);
        if (handler == null) {
            return false;
        }
        handler.handshakeFuture().addListener(future -> onEnd.accept(handler, future.isSuccess() ? null : future.cause()));
        return true;
    }
}
