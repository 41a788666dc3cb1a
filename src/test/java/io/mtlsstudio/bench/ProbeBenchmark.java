package io.mtlsstudio.bench;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.SampleCredentials;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints, side by side against one embedded frontend, the probe's cold and warm connect-and-Health
 * times and the handshake time of {@code openssl s_time} with the same credentials.
 *
 * <p>Run with {@code mvn -q test-compile exec:java -Dexec.mainClass=io.mtlsstudio.bench.ProbeBenchmark}.
 */
public final class ProbeBenchmark {

    private static final int WARM_RUNS = 50;

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SampleCredentials sample = SampleCredentials.locate();
        for (TlsVersion version : List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)) {
            try (EmbeddedFrontend frontend = EmbeddedFrontend.start(FrontendSettings.mutualTls(0, sample.loadFrontendChain(),
                    sample.loadFrontendKey(), sample.loadCa()))) {
                ProbeOptions options = ProbeOptions.builder(Target.parse(frontend.target()))
                        .trustedCas(sample.loadCa())
                        .clientCertificate(CredentialFiles.readCertificates(sample.clientCertificate()),
                                CredentialFiles.readPrivateKey(sample.clientKey()))
                        .tlsVersion(version)
                        .build();
                measure(version, options, frontend, sample);
            }
        }
    }

    private static void measure(TlsVersion version, ProbeOptions options, EmbeddedFrontend frontend, SampleCredentials sample)
            throws Exception {
        long coldStart = System.nanoTime();
        ProbeReport cold = HandshakeProbe.run(options);
        double coldMillis = (System.nanoTime() - coldStart) / 1e6;
        require(cold);

        List<Double> total = new ArrayList<>();
        List<Double> handshake = new ArrayList<>();
        java.util.Map<StepId, List<Double>> steps = new java.util.EnumMap<>(StepId.class);
        for (int i = 0; i < WARM_RUNS; i++) {
            long start = System.nanoTime();
            ProbeReport warm = HandshakeProbe.run(options);
            total.add((System.nanoTime() - start) / 1e6);
            require(warm);
            ProbeReport.StepReport connect = warm.step(StepId.CONNECT);
            ProbeReport.StepReport verified = warm.step(StepId.VERIFY_CLIENT);
            handshake.add((verified.startedMicros() + verified.durationMicros() - connect.startedMicros()) / 1e3);
            for (ProbeReport.StepReport step : warm.steps()) {
                steps.computeIfAbsent(step.id(), id -> new ArrayList<>()).add(step.durationMicros() / 1e3);
            }
        }
        double opensslMillis = opensslHandshakeMillis(frontend, sample, version);
        double clientMillis = opensslClientMillis(frontend, sample, version);

        System.out.printf("%s against %s%n", version, frontend.target());
        System.out.printf("  probe, cold (first run in this JVM), connect + Health:  %8.2f ms%n", coldMillis);
        System.out.printf("  probe, warm median of %d, connect + Health:           %8.2f ms (p90 %.2f)%n",
                WARM_RUNS, median(total), percentile(total, 0.9));
        System.out.printf("  probe, warm median, TCP connect to client verified:   %8.2f ms%n", median(handshake));
        for (var entry : steps.entrySet()) {
            System.out.printf("    %-19s median %6.2f ms%n", entry.getKey(), median(entry.getValue()));
        }
        System.out.printf("  openssl s_time -new, client handshakes per second as ms each: %6.2f ms%n", opensslMillis);
        System.out.printf("  openssl s_client, process time minus openssl start-up:  %6.2f ms%n", clientMillis);
        System.out.printf("  ratio, warm probe connect + Health / openssl s_client:   %6.2f%n", median(total) / clientMillis);
    }

    private static void require(ProbeReport report) {
        if (report.result() != ProbeReport.Result.SUCCESS) {
            throw new IllegalStateException("the benchmark run failed: " + report.findings());
        }
    }

    /** Runs {@code openssl s_time -new} for 3 s and returns real seconds per connection, in ms. */
    private static double opensslHandshakeMillis(EmbeddedFrontend frontend, SampleCredentials sample, TlsVersion version)
            throws Exception {
        String versionFlag = version == TlsVersion.TLS_1_2 ? "-tls1_2" : "-tls1_3";
        Process process = new ProcessBuilder("openssl", "s_time", "-connect", frontend.target(), "-new", "-time", "3",
                "-cert", sample.clientCertificate().toString(), "-key", sample.clientKey().toString(),
                "-CAfile", sample.ca().toString(), versionFlag).redirectErrorStream(true).start();
        Pattern result = Pattern.compile("(\\d+) connections in (\\d+\\.\\d+)s");
        double millis = Double.NaN;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher matcher = result.matcher(line);
                if (matcher.find() && Double.isNaN(millis)) {
                    millis = Double.parseDouble(matcher.group(2)) * 1000 / Integer.parseInt(matcher.group(1));
                }
            }
        }
        process.waitFor();
        return millis;
    }

    /**
     * Returns the median wall time of {@code openssl s_client} connecting with the client certificate and closing,
     * minus the median wall time of {@code openssl version}, which is the cost of starting the process.
     */
    private static double opensslClientMillis(EmbeddedFrontend frontend, SampleCredentials sample, TlsVersion version)
            throws Exception {
        String versionFlag = version == TlsVersion.TLS_1_2 ? "-tls1_2" : "-tls1_3";
        List<Double> client = new ArrayList<>();
        List<Double> startUp = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            client.add(timeProcess("openssl", "s_client", "-connect", frontend.target(), "-cert", sample.clientCertificate().toString(),
                    "-key", sample.clientKey().toString(), "-CAfile", sample.ca().toString(), "-alpn", "h2", "-brief", versionFlag));
            startUp.add(timeProcess("openssl", "version"));
        }
        return median(client) - median(startUp);
    }

    private static double timeProcess(String... command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        process.waitFor();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(fraction * sorted.size())));
    }
}
