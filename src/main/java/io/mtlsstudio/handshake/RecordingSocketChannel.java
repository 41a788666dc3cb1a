package io.mtlsstudio.handshake;

import io.netty.channel.socket.nio.NioSocketChannel;

/** A client socket channel with a {@link WireRecorder} installed first in its pipeline. */
final class RecordingSocketChannel extends NioSocketChannel {

    RecordingSocketChannel(WireRecorder recorder) {
        pipeline().addFirst("wire-recorder", recorder);
    }
}
