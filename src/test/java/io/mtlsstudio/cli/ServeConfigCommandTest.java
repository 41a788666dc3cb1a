package io.mtlsstudio.cli;

import io.mtlsstudio.cadence.config.CadenceDevLayout;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeConfigCommandTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+) \\(([^)]*)\\)");

    @TempDir
    Path folder;

    /** A writer that other threads can read while the command still writes. */
    private static final class SharedWriter extends Writer {
        private final StringBuffer text = new StringBuffer();

        @Override
        public void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        String text() {
            return text.toString();
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = MtlsStudioCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void serveConfigDevelopmentLayoutAcceptsClientCertificate() throws Exception {
        SharedWriter out = new SharedWriter();
        SharedWriter err = new SharedWriter();
        var commandLine = MtlsStudioCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        // The command serves until the JVM stops: its shutdown hook closes the frontend at the end of the test run.
        Thread serving = Thread.ofVirtual().start(() -> commandLine.execute("serve", "--config", CadenceDevLayout.configFolder().toString(),
                "--zone", "tls", "--port", "0"));
        try {
            Matcher listening = awaitListening(out, err);
            assertEquals("mutual TLS: client certificates required", listening.group(2));
            assertTrue(out.text().contains("services.frontend.rpc.tls"), out.text());
            assertTrue(out.text().contains("TLS_FRONTEND_CERT_NO_SAN"), out.text());
            assertTrue(out.text().contains("requireClientAuth:      true"), out.text());

            Path credentials = CadenceDevLayout.credentials();
            ProbeOptions.Builder client = ProbeOptions.builder(Target.parse(listening.group(1)))
                    .trustedCas(CredentialFiles.readCertificates(credentials.resolve("keytest.crt")))
                    .clientCertificate(CredentialFiles.readCertificates(credentials.resolve("client.crt")),
                            CredentialFiles.readPrivateKey(credentials.resolve("client.key")));

            ProbeReport lenient = HandshakeProbe.run(client.hostnameVerification(false).build());
            ProbeReport strict = HandshakeProbe.run(client.hostnameVerification(true).build());

            assertEquals(ProbeReport.Result.SUCCESS, lenient.result(), lenient.findings().toString());
            assertEquals(StepId.VERIFY_SERVER, strict.failedStep());
            assertEquals("SERVER_NAME_MISMATCH", strict.failure().orElseThrow().code());
        } finally {
            serving.interrupt();
        }
    }

    private static Matcher awaitListening(SharedWriter out, SharedWriter err) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = LISTENING.matcher(out.text());
            if (matcher.find()) {
                return matcher;
            }
            if (!err.text().isEmpty()) {
                throw new AssertionError("serve failed: " + err.text());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not start within 20 s; output: " + out.text());
    }

    @Test
    void serveConfigWithCertIsUsageError() {
        Run run = run("serve", "--config", CadenceDevLayout.configFolder().toString(), "--cert", "frontend.crt", "--key", "frontend.key");

        assertEquals(MtlsStudioCommand.EXIT_USAGE, run.status());
        assertTrue(run.err().contains("--config cannot be combined with --cert"), run.err());
    }

    @Test
    void serveConfigMissingFolderIsUsageError() {
        Path missing = folder.resolve("no-such-config");

        Run run = run("serve", "--config", missing.toString());

        assertEquals(MtlsStudioCommand.EXIT_USAGE, run.status());
        assertTrue(run.err().contains(missing + " was not found"), run.err());
    }

    @Test
    void serveConfigYamlErrorNamesLineAndColumn() throws Exception {
        Path config = Files.createDirectories(folder.resolve("config"));
        Files.writeString(config.resolve("development.yaml"), "services:\n  frontend: [unclosed\n");

        Run run = run("serve", "--config", config.toString(), "--port", "0");

        assertEquals(MtlsStudioCommand.EXIT_USAGE, run.status());
        assertTrue(run.err().contains(config.resolve("development.yaml") + ":3:1: invalid YAML"), run.err());
    }

    @Test
    void serveConfigUnservableBlockListsFindings() throws Exception {
        Path config = Files.createDirectories(folder.resolve("config"));
        Files.writeString(config.resolve("development.yaml"), """
                services:
                  frontend:
                    rpc:
                      tls:
                        enabled: true
                        certFile: certs/frontend.crt
                        keyFile: certs/frontend.key
                """);

        Run run = run("serve", "--config", config.toString(), "--port", "0");

        assertEquals(MtlsStudioCommand.EXIT_USAGE, run.status());
        assertTrue(run.err().contains("services.frontend.rpc.tls cannot be served:"), run.err());
        assertTrue(run.err().contains("TLS_FILE_MISSING"), run.err());
        assertTrue(run.out().contains("ERROR TLS_FILE_MISSING"), run.out());
    }
}
