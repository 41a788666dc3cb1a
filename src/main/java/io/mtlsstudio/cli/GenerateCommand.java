package io.mtlsstudio.cli;

import io.mtlsstudio.pki.TestPki;
import io.mtlsstudio.pki.generate.GeneratedFile;
import io.mtlsstudio.pki.generate.GeneratedPki;
import io.mtlsstudio.pki.generate.GeneratorOptions;
import io.mtlsstudio.pki.generate.PkiGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code generate}: writes a test PKI for a Cadence frontend, good or deliberately broken. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a test PKI: a root CA, a frontend certificate, a client certificate and a README naming every file.",
                "Keys are written readable by their owner only; existing files are never replaced without --force."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into; created when missing.")
    Path out;

    @Option(names = "--key-type", paramLabel = "TYPE", description = "rsa or ec (default: ec).")
    String keyType = "ec";

    @Option(names = "--rsa-bits", paramLabel = "BITS", description = "With --key-type rsa: 2048 or 3072 (default: 2048).")
    Integer rsaBits;

    @Option(names = "--ec-curve", paramLabel = "CURVE", description = "With --key-type ec: p256 or p384 (default: p256).")
    String ecCurve;

    @Option(names = "--days", paramLabel = "N", description = "Validity of the certificates in days (default: 365).")
    int days = GeneratorOptions.DEFAULT_VALIDITY_DAYS;

    @Option(names = "--san", paramLabel = "NAME", description = "subjectAltName of the frontend certificate, a DNS name or IP address; "
            + "repeat for several (default: cadence-frontend, localhost, 127.0.0.1).")
    List<String> sans = new ArrayList<>();

    @Option(names = "--broken-variants", description = "Also write broken variants for training under broken/: expired, not yet valid, "
            + "foreign CA, no SAN, serverAuth-only client and PKCS#1 key.")
    boolean brokenVariants;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Option(names = "--sample", description = "Write mTLS Studio's sample set instead (ca.crt, frontend.crt, frontend.key, client.crt, client.key), "
            + "as in sample-credentials/.")
    boolean sample;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (sample) {
                return writeSample(out);
            }
            GeneratedPki pki = PkiGenerator.generate(options());
            out.println("Wrote a test PKI to " + pki.directory() + ":");
            for (GeneratedFile file : pki.files()) {
                out.printf("  %-38s %s%n", file.relativePath(), file.purpose());
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | FileAlreadyExistsException e) {
            err.println("error: " + (e instanceof FileAlreadyExistsException exists ? exists.getReason() : e.getMessage()));
            return MtlsStudioCommand.EXIT_USAGE;
        } catch (IOException e) {
            err.println("error: writing to " + out + " failed: " + e.getMessage());
            return MtlsStudioCommand.EXIT_USAGE;
        }
    }

    private int writeSample(PrintWriter printer) throws IOException {
        if (rsaBits != null || ecCurve != null || !sans.isEmpty() || brokenVariants || !"ec".equals(keyType)
                || days != GeneratorOptions.DEFAULT_VALIDITY_DAYS) {
            throw new IllegalArgumentException("--sample writes the fixed sample set; it takes only --out and --force.");
        }
        List<Path> files = PkiGenerator.writeSample(out, force);
        printer.println("Wrote the sample credentials to " + out + ": "
                + String.join(", ", files.stream().map(file -> file.getFileName().toString()).toList()));
        printer.flush();
        return 0;
    }

    private GeneratorOptions options() {
        TestPki.KeyType type = switch (keyType.strip().toLowerCase(Locale.ROOT)) {
            case "rsa" -> {
                if (ecCurve != null) {
                    throw new IllegalArgumentException("--ec-curve applies to --key-type ec; use --rsa-bits with rsa.");
                }
                yield switch (rsaBits == null ? 2048 : rsaBits) {
                    case 2048 -> TestPki.KeyType.RSA_2048;
                    case 3072 -> TestPki.KeyType.RSA_3072;
                    default -> throw new IllegalArgumentException("Invalid --rsa-bits " + rsaBits + ". Use 2048 or 3072.");
                };
            }
            case "ec" -> {
                if (rsaBits != null) {
                    throw new IllegalArgumentException("--rsa-bits applies to --key-type rsa; use --ec-curve with ec.");
                }
                yield switch (ecCurve == null ? "p256" : ecCurve.strip().toLowerCase(Locale.ROOT)) {
                    case "p256", "p-256", "prime256v1", "secp256r1" -> TestPki.KeyType.EC_P256;
                    case "p384", "p-384", "secp384r1" -> TestPki.KeyType.EC_P384;
                    default -> throw new IllegalArgumentException("Invalid --ec-curve \"" + ecCurve + "\". Use p256 or p384.");
                };
            }
            default -> throw new IllegalArgumentException("Invalid --key-type \"" + keyType + "\". Use rsa or ec.");
        };
        return new GeneratorOptions(out, type, days, sans, brokenVariants, force);
    }
}
