package io.mtlsstudio.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs openssl and keytool to make files the way third parties make them, and writes PEM files. */
final class TestTools {

    private TestTools() {
    }

    /** Runs {@code openssl ARGS...} in {@code dir} and fails the test with its output when it fails. */
    static void openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        run(dir, command);
    }

    static void keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        run(dir, command);
    }

    private static void run(Path dir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed with exit " + process.exitValue() + ":\n" + output);
            }
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " cannot be run; install it (it is needed to make third-party files): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static Path writeCertificates(Path file, X509Certificate... certificates) throws IOException {
        PemFiles.writeCertificates(file, List.of(certificates));
        return file;
    }

    static Path writeKey(Path file, PrivateKey key) throws IOException {
        PemFiles.writePrivateKey(file, key);
        return file;
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }
}
