package io.mtlsstudio.handshake;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Opens a second, short connection that sends a JDK-made ClientHello and returns the first bytes
 * of the answer. A TLS server that receives cleartext usually closes without a word, so this is
 * how the probe tells such a server apart from one that is simply gone.
 */
final class TlsSniffer {

    private TlsSniffer() {
    }

    /** Returns up to 7 bytes the server sent after a ClientHello; empty if it sent none. */
    static byte[] firstBytesAfterClientHello(InetSocketAddress address, String serverName, int timeoutMillis) throws IOException {
        byte[] clientHello = clientHello(serverName, address.getPort());
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(clientHello);
            socket.getOutputStream().flush();

            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[7];
            int total = 0;
            while (total < buffer.length) {
                int read = in.read(buffer, total, buffer.length - total);
                if (read < 0) {
                    break;
                }
                total += read;
            }
            return Arrays.copyOf(buffer, total);
        }
    }

    private static byte[] clientHello(String serverName, int port) throws IOException {
        try {
            SSLEngine engine = SSLContext.getDefault().createSSLEngine(serverName, port);
            engine.setUseClientMode(true);
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), out);
            out.flip();
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("The JDK has no default TLS context", e);
        }
    }
}
