package io.mtlsstudio.cli;

import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeListener;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.PasswordSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code check}: connects once, prints the seven steps and the findings, and exits 0 or 1. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Connect to a Cadence frontend, make the Health call and report each handshake step.")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "Frontend address, for example 127.0.0.1:7833 or [::1]:7833.")
    String target;

    @Option(names = "--cert", paramLabel = "FILE", description = "Client certificate (PEM or DER), leaf first.")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "Private key of the client certificate (PEM).")
    Path key;

    @Option(names = "--key-password-file", paramLabel = "FILE", description = "File whose first line is the password of an encrypted --key.")
    Path keyPasswordFile;

    @Option(names = "--ca", paramLabel = "FILE", description = "CA certificates to trust; repeat for several files. "
            + "Without it the JDK's default trust store is used.")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--server-name", paramLabel = "NAME", description = "Name sent as SNI and checked against the server certificate; default: the target host.")
    String serverName;

    @Option(names = "--plaintext", description = "Connect without TLS (cleartext HTTP/2).")
    boolean plaintext;

    @Option(names = "--tls-version", paramLabel = "VERSION", description = "1.2, 1.3 or auto (default: auto).")
    String tlsVersion = "auto";

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Limit for the whole attempt, for example 10s or 500ms (default: 10s).")
    Duration timeout = ProbeOptions.DEFAULT_TIMEOUT;

    @Option(names = "--no-hostname-verification", description = "Do not check the server certificate against the server name; the chain is still verified.")
    boolean noHostnameVerification;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        ProbeOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException | CredentialException e) {
            err.println("error: " + e.getMessage());
            return MtlsStudioCommand.EXIT_USAGE;
        }

        ProbeListener listener = json ? ProbeListener.NONE : new TextProgress(out);
        ProbeReport report = HandshakeProbe.run(options, listener);
        if (json) {
            out.println(ReportJson.write(report));
        } else {
            printSummary(out, report);
        }
        out.flush();
        return report.result() == ProbeReport.Result.SUCCESS ? 0 : MtlsStudioCommand.EXIT_FAILED;
    }

    private ProbeOptions options() throws CredentialException {
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException(cert == null
                    ? "--key was given without --cert. Give both, or neither for a connection without a client certificate."
                    : "--cert was given without --key. Give both, or neither for a connection without a client certificate.");
        }
        if (plaintext && (cert != null || !caFiles.isEmpty())) {
            throw new IllegalArgumentException("--plaintext cannot be combined with --cert, --key or --ca: a plaintext connection uses no TLS.");
        }

        ProbeOptions.Builder builder = ProbeOptions.builder(Target.parse(target))
                .serverName(serverName)
                .tls(!plaintext)
                .tlsVersion(TlsVersion.parse(tlsVersion))
                .hostnameVerification(!noHostnameVerification)
                .timeout(timeout);
        if (cert != null) {
            List<X509Certificate> chain = CredentialFiles.readCertificates(cert);
            PrivateKey privateKey;
            try (PasswordSource.Fixed password = keyPasswordFile == null ? null : PasswordSource.fromFile(keyPasswordFile)) {
                privateKey = CredentialFiles.readPrivateKey(key, password == null ? PasswordSource.NONE : password);
            }
            builder.clientCertificate(chain, privateKey);
        }
        List<X509Certificate> cas = new ArrayList<>();
        for (Path file : caFiles) {
            cas.addAll(CredentialFiles.readCertificates(file));
        }
        return builder.trustedCas(cas).build();
    }

    private static void printSummary(PrintWriter out, ProbeReport report) {
        out.println();
        if (report.result() == ProbeReport.Result.SUCCESS) {
            String channel = report.negotiated() == null ? "plaintext"
                    : report.negotiated().protocol() + ", " + report.negotiated().cipherSuite() + ", ALPN " + report.negotiated().alpn();
            out.println("SUCCESS: " + report.target() + " answered Health ok (" + channel + ")");
        } else {
            out.println(report.result() + " at " + report.failedStep());
        }
        for (Finding finding : report.findings()) {
            out.println();
            out.println(finding.severity() + " " + finding.code() + (finding.step() == null ? "" : " at " + finding.step()));
            out.println("  " + finding.message());
            if (!finding.fix().isEmpty()) {
                out.println("  Fix: " + finding.fix());
            }
        }
    }

    /** Prints each step as it finishes, followed by its checks that did not pass. */
    private static final class TextProgress implements ProbeListener {
        private final PrintWriter out;
        private final java.util.Map<io.mtlsstudio.handshake.StepId, List<Check>> pending =
                new java.util.EnumMap<>(io.mtlsstudio.handshake.StepId.class);

        TextProgress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void onEvent(ProbeEvent event) {
            switch (event) {
                case ProbeEvent.RunStarted started -> out.println("Connecting to " + started.target()
                        + (started.tls() ? " with TLS" : " without TLS (plaintext)"));
                case ProbeEvent.CheckRecorded recorded when recorded.check().outcome() == Check.Outcome.FAILED
                        || recorded.check().outcome() == Check.Outcome.WARNING ->
                        pending.computeIfAbsent(recorded.step(), step -> new ArrayList<>()).add(recorded.check());
                case ProbeEvent.StepChanged changed when changed.status().isFinal() -> {
                    out.printf("%-10s %-19s %9.1f ms%n", "[" + changed.status() + "]", changed.step(), changed.durationMicros() / 1000.0);
                    for (Check check : pending.getOrDefault(changed.step(), List.of())) {
                        out.println("           " + check.outcome() + " " + check.name() + ": " + check.message());
                    }
                    pending.remove(changed.step());
                }
                default -> {
                }
            }
            out.flush();
        }
    }
}
