package io.mtlsstudio.testing;

import io.mtlsstudio.pki.PemFiles;
import io.mtlsstudio.pki.TestPki;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code openssl s_server} on a free loopback port, as an independent TLS peer. */
public final class OpensslServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private OpensslServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code openssl s_server} with the given server identity and extra options, for example
     * {@code -Verify 1 -alpn h2}, and waits until it accepts connections.
     *
     * @param folder where the PEM files for openssl are written
     * @param clientCa the CA written to {@code -CAfile}; null for none
     */
    public static OpensslServer start(Path folder, TestPki.Issued server, TestPki.Issued clientCa, String... options)
            throws IOException, InterruptedException {
        Path cert = folder.resolve("openssl-server.crt");
        Path key = folder.resolve("openssl-server.key");
        PemFiles.writeCertificates(cert, List.of(server.certificate()));
        PemFiles.writePrivateKey(key, server.key());

        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", cert.toString(), "-key", key.toString(), "-quiet"));
        if (clientCa != null) {
            Path ca = folder.resolve("openssl-client-ca.crt");
            PemFiles.writeCertificates(ca, List.of(clientCa.certificate()));
            command.addAll(List.of("-CAfile", ca.toString()));
        }
        command.addAll(List.of(options));

        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("openssl-server.log").toFile()).start();
        OpensslServer server2 = new OpensslServer(process, port);
        server2.awaitListening();
        return server2;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("openssl s_server exited with status " + process.exitValue());
            }
            // s_server prints "ACCEPT" once it listens; a TCP connect that closes at once does not disturb it.
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("openssl s_server did not listen on port " + port + " within 10 s");
    }

    public String target() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Returns whether {@code openssl} runs on this machine. */
    public static boolean available() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static Path tempFolder() throws IOException {
        return Files.createTempDirectory("mtls-openssl");
    }
}
