package io.mtlsstudio.pki.generate;

import io.mtlsstudio.pki.PemFiles;
import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.pki.TestPki;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a test PKI for a Cadence frontend: a root CA, a frontend certificate and a client
 * certificate, optionally the broken variants of {@link BrokenVariant}, and a README that names
 * every file. Keys are written owner-only (rw-------), and no existing file is replaced unless
 * the options allow it; then nothing at all is written.
 */
public final class PkiGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(PkiGenerator.class);

    public static final String CA_CERT = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String FRONTEND_CERT = "frontend.crt";
    public static final String FRONTEND_KEY = "frontend.key";
    public static final String CLIENT_CERT = "client.crt";
    public static final String CLIENT_KEY = "client.key";
    public static final String README = "README.md";
    public static final String BROKEN_FOLDER = "broken";
    public static final String FOREIGN_CA_CERT = BROKEN_FOLDER + "/foreign-ca.crt";

    static final String CA_NAME = "mTLS Studio Test Root CA";
    static final String FOREIGN_CA_NAME = "mTLS Studio Foreign Test CA";
    static final String FRONTEND_NAME = "cadence-frontend";
    static final String CLIENT_NAME = "cadence-client";

    /** Start of validity before now, so that a peer whose clock runs a little behind accepts the certificates. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private PkiGenerator() {
    }

    /** Returns every file a run with these options writes, in README order. */
    public static List<GeneratedFile> plan(GeneratorOptions options) {
        List<GeneratedFile> files = new ArrayList<>();
        files.add(new GeneratedFile(README, GeneratedFile.Kind.README, "This list of files.", null));
        files.add(new GeneratedFile(CA_CERT, GeneratedFile.Kind.CERTIFICATE,
                "Root CA (CN=" + CA_NAME + ", CA:TRUE). Clients trust it to verify the frontend; the frontend trusts it to verify clients.", null));
        files.add(new GeneratedFile(CA_KEY, GeneratedFile.Kind.PRIVATE_KEY,
                "Private key of the root CA, for issuing more certificates with openssl. Keep it away from servers and clients.", null));
        files.add(new GeneratedFile(FRONTEND_CERT, GeneratedFile.Kind.CERTIFICATE,
                "Frontend certificate (CN=" + FRONTEND_NAME + "), subjectAltName " + describeNames(options.frontendNames())
                        + ", extended key usage serverAuth: the frontend's certFile.", null));
        files.add(new GeneratedFile(FRONTEND_KEY, GeneratedFile.Kind.PRIVATE_KEY, "Private key of frontend.crt, PKCS#8: the frontend's keyFile.", null));
        files.add(new GeneratedFile(CLIENT_CERT, GeneratedFile.Kind.CERTIFICATE,
                "Client certificate (CN=" + CLIENT_NAME + "), extended key usage clientAuth: what a Cadence client presents.", null));
        files.add(new GeneratedFile(CLIENT_KEY, GeneratedFile.Kind.PRIVATE_KEY, "Private key of client.crt, PKCS#8.", null));
        if (options.brokenVariants()) {
            for (BrokenVariant variant : BrokenVariant.values()) {
                if (variant == BrokenVariant.FOREIGN_CA) {
                    files.add(new GeneratedFile(FOREIGN_CA_CERT, GeneratedFile.Kind.CERTIFICATE,
                            "Another root CA (CN=" + FOREIGN_CA_NAME + ") that issued the foreign-CA client certificate; nothing trusts it. Its key is not kept.",
                            variant));
                }
                files.add(new GeneratedFile(variant.certificateFile(), GeneratedFile.Kind.CERTIFICATE, variant.description(), variant));
                files.add(new GeneratedFile(variant.keyFile(), GeneratedFile.Kind.PRIVATE_KEY,
                        variant == BrokenVariant.PKCS1_KEY ? "Its private key in PKCS#1 form (BEGIN RSA PRIVATE KEY)." : "Its private key, PKCS#8.", variant));
            }
        }
        return List.copyOf(files);
    }

    /** Returns the planned files that already exist, for a confirmation before overwriting them. */
    public static List<Path> existingFiles(GeneratorOptions options) {
        return plan(options).stream().map(file -> options.outDirectory().resolve(file.relativePath()))
                .filter(Files::exists).toList();
    }

    /**
     * Generates the set and writes it.
     *
     * @throws FileAlreadyExistsException when a planned file exists and the options do not allow overwriting;
     *                                    nothing is written then
     */
    public static GeneratedPki generate(GeneratorOptions options) throws IOException {
        List<GeneratedFile> files = plan(options);
        rejectExisting(options.outDirectory(), existingFiles(options), options.overwrite());
        Path out = options.outDirectory();
        Files.createDirectories(out);

        Instant now = Instant.now();
        Instant from = now.minus(CLOCK_SKEW);
        Instant until = now.plus(Duration.ofDays(options.validityDays()));
        TestPki.KeyType keyType = options.keyType();

        TestPki.Issued ca = TestPki.rootCa(CA_NAME, keyType, from, until);
        TestPki.Issued frontend = TestPki.leaf(ca, FRONTEND_NAME, options.frontendNames(), List.of(KeyPurposeId.id_kp_serverAuth), keyType, from, until);
        TestPki.Issued client = TestPki.leaf(ca, CLIENT_NAME, List.of(), List.of(KeyPurposeId.id_kp_clientAuth), keyType, from, until);
        write(out, CA_CERT, CA_KEY, ca);
        write(out, FRONTEND_CERT, FRONTEND_KEY, frontend);
        write(out, CLIENT_CERT, CLIENT_KEY, client);

        if (options.brokenVariants()) {
            Files.createDirectories(out.resolve(BROKEN_FOLDER));
            for (BrokenVariant variant : BrokenVariant.values()) {
                writeVariant(out, variant, ca, options, now, until);
            }
        }
        Files.writeString(out.resolve(README), PkiReadme.render(options, files, now, until), StandardCharsets.UTF_8);

        LOG.info("Generated a test PKI with {} files in {} ({}, {} days{})", files.size(), out, keyType, options.validityDays(),
                options.brokenVariants() ? ", broken variants" : "");
        return new GeneratedPki(out, files);
    }

    /**
     * Writes the project's sample set ({@code ca.crt}, {@code frontend.crt}, {@code frontend.key},
     * {@code client.crt}, {@code client.key}) with {@link TestPki#writeSampleCredentials}.
     *
     * @throws FileAlreadyExistsException when one of the five files exists and {@code overwrite} is false
     */
    public static List<Path> writeSample(Path folder, boolean overwrite) throws IOException {
        List<Path> files = List.of(SampleCredentials.CA, SampleCredentials.FRONTEND_CERT, SampleCredentials.FRONTEND_KEY,
                SampleCredentials.CLIENT_CERT, SampleCredentials.CLIENT_KEY).stream().map(folder::resolve).toList();
        rejectExisting(folder, files.stream().filter(Files::exists).toList(), overwrite);
        TestPki.writeSampleCredentials(folder);
        LOG.info("Wrote the sample credentials to {}", folder);
        return files;
    }

    private static void rejectExisting(Path folder, List<Path> existing, boolean overwrite) throws FileAlreadyExistsException {
        if (overwrite || existing.isEmpty()) {
            return;
        }
        List<String> names = existing.stream().map(file -> folder.relativize(file).toString()).toList();
        throw new FileAlreadyExistsException(existing.get(0).toString(), null, String.join(", ", names)
                + (names.size() == 1 ? " already exists" : " already exist") + " in " + folder
                + ". Nothing was written: confirm overwriting (--force on the command line) or choose another folder");
    }

    private static void writeVariant(Path out, BrokenVariant variant, TestPki.Issued ca, GeneratorOptions options,
                                     Instant now, Instant until) throws IOException {
        TestPki.KeyType keyType = options.keyType();
        Instant from = now.minus(CLOCK_SKEW);
        List<KeyPurposeId> serverAuth = List.of(KeyPurposeId.id_kp_serverAuth);
        List<KeyPurposeId> clientAuth = List.of(KeyPurposeId.id_kp_clientAuth);
        TestPki.Issued issued = switch (variant) {
            case EXPIRED -> TestPki.leaf(ca, FRONTEND_NAME, options.frontendNames(), serverAuth, keyType,
                    now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)));
            case NOT_YET_VALID -> {
                Instant later = now.plus(Duration.ofDays(30));
                yield TestPki.leaf(ca, FRONTEND_NAME, options.frontendNames(), serverAuth, keyType, later,
                        later.plus(Duration.ofDays(options.validityDays())));
            }
            case FOREIGN_CA -> {
                TestPki.Issued foreignCa = TestPki.rootCa(FOREIGN_CA_NAME, keyType, from, until);
                PemFiles.writeCertificates(out.resolve(FOREIGN_CA_CERT), List.of(foreignCa.certificate()));
                yield TestPki.leaf(foreignCa, "foreign-ca-client", List.of(), clientAuth, keyType, from, until);
            }
            case NO_SAN -> TestPki.leaf(ca, FRONTEND_NAME, List.of(), serverAuth, keyType, from, until);
            case SERVER_AUTH_ONLY_CLIENT -> TestPki.leaf(ca, "server-auth-only-client", List.of(), serverAuth, keyType, from, until);
            case PKCS1_KEY -> TestPki.leaf(ca, "pkcs1-client", List.of(), clientAuth, rsaKeyType(keyType), from, until);
        };
        PemFiles.writeCertificates(out.resolve(variant.certificateFile()), List.of(issued.certificate()));
        if (variant == BrokenVariant.PKCS1_KEY) {
            Pkcs1Keys.write(out.resolve(variant.keyFile()), issued.key());
        } else {
            PemFiles.writePrivateKey(out.resolve(variant.keyFile()), issued.key());
        }
    }

    /** Returns the chosen RSA size, or RSA-2048 for an EC set, because PKCS#1 encodes RSA keys only. */
    static TestPki.KeyType rsaKeyType(TestPki.KeyType keyType) {
        return keyType == TestPki.KeyType.RSA_3072 ? TestPki.KeyType.RSA_3072 : TestPki.KeyType.RSA_2048;
    }

    private static void write(Path out, String certificate, String key, TestPki.Issued issued) throws IOException {
        PemFiles.writeCertificates(out.resolve(certificate), List.of(issued.certificate()));
        PemFiles.writePrivateKey(out.resolve(key), issued.key());
    }

    static String describeNames(List<String> names) {
        return String.join(", ", names.stream().map(name -> (name.contains(":") || name.matches("[0-9.]+") ? "IP:" : "DNS:") + name).toList());
    }
}
