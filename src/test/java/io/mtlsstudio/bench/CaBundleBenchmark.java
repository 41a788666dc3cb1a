package io.mtlsstudio.bench;

import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.CredentialInspector;
import io.mtlsstudio.pki.Inspection;
import io.mtlsstudio.pki.PasswordSource;
import io.mtlsstudio.pki.PemFiles;
import io.mtlsstudio.pki.Purpose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures loading and checking a CA bundle as the CA file of an inspection: PEM decoding, the
 * details of every certificate (fingerprints, extensions, self-signature), and the CA-file checks.
 * Runs without JUnit so that {@code mvn verify} never times it; see docs/benchmarks.md for the command.
 *
 * <p>Arguments: [BUNDLE [WARM_UP_RUNS [MEASURED_RUNS]]], by default the system bundle, 300 and 100. The smaller
 * bundles take every k-th certificate of the full one.
 */
public final class CaBundleBenchmark {

    private static final int[] SIZES = {10, 35, 70};

    private CaBundleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path bundle = Path.of(args.length > 0 ? args[0] : "/etc/ssl/certs/ca-certificates.crt");
        int warmUpRuns = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int measuredRuns = args.length > 2 ? Integer.parseInt(args[2]) : 100;

        List<X509Certificate> all = CredentialFiles.readCertificates(bundle);
        Path folder = Files.createTempDirectory("ca-bundle-benchmark");
        List<Path> files = new ArrayList<>();
        for (int size : SIZES) {
            if (size < all.size()) {
                Path file = folder.resolve("bundle-" + size + ".pem");
                PemFiles.writeCertificates(file, spreadSample(all, size));
                files.add(file);
            }
        }
        files.add(bundle);

        System.out.printf(Locale.ROOT, "Bundle %s: %d certificates; %s %s; %d processor(s) visible to the JVM%n", bundle, all.size(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        long coldStart = System.nanoTime();
        inspect(bundle);
        System.out.printf(Locale.ROOT, "First run in this JVM (cold): %.1f ms%n", (System.nanoTime() - coldStart) / 1e6);

        for (int i = 0; i < warmUpRuns; i++) {
            for (Path file : files) {
                inspect(file);
            }
        }

        System.out.printf(Locale.ROOT, "%-13s %6s %8s %10s %8s %12s %15s%n", "certificates", "runs", "min ms", "median ms", "p90 ms",
                "min us/cert", "median us/cert");
        for (Path file : files) {
            int count = CredentialFiles.readCertificates(file).size();
            double[] millis = new double[measuredRuns];
            for (int i = 0; i < measuredRuns; i++) {
                long start = System.nanoTime();
                Inspection inspection = inspect(file);
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (inspection.certificates().size() != count) {
                    throw new IllegalStateException("The inspection of " + file + " lost certificates");
                }
            }
            Arrays.sort(millis);
            double median = millis[measuredRuns / 2];
            System.out.printf(Locale.ROOT, "%-13d %6d %8.1f %10.1f %8.1f %12.0f %15.0f%n", count, measuredRuns, millis[0], median,
                    millis[(int) Math.ceil(measuredRuns * 0.9) - 1], millis[0] * 1000 / count, median * 1000 / count);
        }

        for (Path file : files) {
            if (!file.equals(bundle)) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    /** Picks every k-th certificate, so that each subset has about the bundle's mix of RSA and EC keys. */
    private static List<X509Certificate> spreadSample(List<X509Certificate> all, int size) {
        List<X509Certificate> sample = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            sample.add(all.get((int) ((long) i * all.size() / size)));
        }
        return sample;
    }

    private static Inspection inspect(Path file) {
        Inspection inspection = CredentialInspector.inspect(List.of(), List.of(file), null, Purpose.CLIENT, PasswordSource.NONE);
        if (inspection.certificates().isEmpty()) {
            throw new IllegalStateException("The CA bundle " + file + " did not load: " + inspection.findings());
        }
        return inspection;
    }
}
