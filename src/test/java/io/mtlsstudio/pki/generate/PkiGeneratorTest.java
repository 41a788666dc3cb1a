package io.mtlsstudio.pki.generate;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.CredentialInspector;
import io.mtlsstudio.pki.FileRole;
import io.mtlsstudio.pki.PasswordSource;
import io.mtlsstudio.pki.Purpose;
import io.mtlsstudio.pki.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PkiGeneratorTest {

    @TempDir
    static Path shared;

    @TempDir
    Path folder;

    private static GeneratedPki broken;

    @BeforeAll
    static void generateBrokenSet() throws IOException {
        broken = PkiGenerator.generate(GeneratorOptions.defaults(shared.resolve("pki")).withBrokenVariants(true));
    }

    private static List<X509Certificate> certificates(Path file) throws Exception {
        return CredentialFiles.readCertificates(file);
    }

    /** Serves mutual TLS with the given frontend files and the set's CA, and probes it with the given client files. */
    private static ProbeReport probe(GeneratedPki pki, Path frontendCert, Path frontendKey, Path clientCert, Path clientKey) throws Exception {
        FrontendSettings settings = FrontendSettings.mutualTls(0, certificates(frontendCert), CredentialFiles.readPrivateKey(frontendKey),
                certificates(pki.ca()));
        try (EmbeddedFrontend frontend = EmbeddedFrontend.start(settings)) {
            return HandshakeProbe.run(ProbeOptions.builder(Target.parse(frontend.target()))
                    .trustedCas(certificates(pki.ca()))
                    .clientCertificate(certificates(clientCert), CredentialFiles.readPrivateKey(clientKey))
                    .build());
        }
    }

    private static ProbeReport probeGood(GeneratedPki pki) throws Exception {
        return probe(pki, pki.frontendCertificate(), pki.frontendKey(), pki.clientCertificate(), pki.clientKey());
    }

    @ParameterizedTest
    @EnumSource(TestPki.KeyType.class)
    void goodSetPassesEveryStep(TestPki.KeyType keyType) throws Exception {
        GeneratedPki pki = PkiGenerator.generate(GeneratorOptions.defaults(folder).withKeyType(keyType));

        ProbeReport report = probeGood(pki);

        assertEquals(ProbeReport.Result.SUCCESS, report.result(), report.findings().toString());
        for (StepId step : StepId.values()) {
            assertEquals(StepStatus.PASSED, report.step(step).status(), step.name());
        }
        String algorithm = keyType.name().startsWith("RSA") ? "RSA" : "EC";
        assertEquals(algorithm, certificates(pki.frontendCertificate()).get(0).getPublicKey().getAlgorithm());
    }

    @Test
    void goodSetHasDefaultNamesAndUsages() throws Exception {
        X509Certificate frontend = certificates(broken.frontendCertificate()).get(0);
        X509Certificate client = certificates(broken.clientCertificate()).get(0);
        X509Certificate ca = certificates(broken.ca()).get(0);

        assertEquals(List.of("cadence-frontend", "localhost", "127.0.0.1"),
                frontend.getSubjectAlternativeNames().stream().map(entry -> entry.get(1).toString()).toList());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), frontend.getExtendedKeyUsage());
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), client.getExtendedKeyUsage());
        assertTrue(ca.getBasicConstraints() >= 0);
        assertEquals(-1, frontend.getBasicConstraints());
        long days = (frontend.getNotAfter().getTime() - System.currentTimeMillis()) / 86_400_000L;
        assertTrue(days >= 364, "days: " + days);
        assertTrue(days <= 365, "days: " + days);
    }

    @Test
    void customNamesAndValidityApply() throws Exception {
        GeneratedPki pki = PkiGenerator.generate(GeneratorOptions.defaults(folder).withKeyType(TestPki.KeyType.EC_P384)
                .withFrontendNames(List.of("frontend.example.test", "::1")).withValidityDays(30));

        X509Certificate frontend = certificates(pki.frontendCertificate()).get(0);

        assertEquals(List.of(2, 7), frontend.getSubjectAlternativeNames().stream().map(entry -> (Integer) entry.get(0)).toList());
        assertEquals("frontend.example.test", frontend.getSubjectAlternativeNames().iterator().next().get(1));
        long days = (frontend.getNotAfter().getTime() - System.currentTimeMillis()) / 86_400_000L;
        assertTrue(days >= 29, "days: " + days);
        assertTrue(days <= 30, "days: " + days);
        assertTrue(Files.readString(pki.path(PkiGenerator.README)).contains("DNS:frontend.example.test, IP:::1"));
    }

    @Test
    void invalidNameOrValidityIsRejected() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> GeneratorOptions.defaults(folder).withFrontendNames(List.of("bad name")));
        IllegalArgumentException days = assertThrows(IllegalArgumentException.class,
                () -> GeneratorOptions.defaults(folder).withValidityDays(0));

        assertTrue(name.getMessage().startsWith("\"bad name\" is not a DNS name or IP address"), name.getMessage());
        assertTrue(days.getMessage().contains("outside 1-36500"), days.getMessage());
    }

    @Test
    void keysAreOwnerOnly() throws IOException {
        for (GeneratedFile file : broken.files()) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(broken.path(file.relativePath())));
            if (file.kind() == GeneratedFile.Kind.PRIVATE_KEY) {
                assertEquals("rw-------", mode, file.relativePath());
            } else {
                assertFalse(mode.startsWith("rw-------"), file.relativePath() + " " + mode);
            }
        }
    }

    @Test
    void readmeNamesEveryFile() throws IOException {
        String readme = Files.readString(broken.path(PkiGenerator.README));

        for (GeneratedFile file : broken.files()) {
            assertTrue(readme.contains("`" + file.relativePath() + "`"), file.relativePath());
            assertTrue(Files.isRegularFile(broken.path(file.relativePath())), file.relativePath());
        }
        assertEquals(20, broken.files().size());
        assertTrue(readme.contains("fails at `VERIFY_SERVER`, `SERVER_CERT_EXPIRED`"), readme);
    }

    @Test
    void existingFilesAreNeverOverwritten() throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults(folder);
        PkiGenerator.generate(options);
        byte[] before = Files.readAllBytes(folder.resolve(PkiGenerator.FRONTEND_CERT));
        Files.delete(folder.resolve(PkiGenerator.CLIENT_KEY));

        FileAlreadyExistsException error = assertThrows(FileAlreadyExistsException.class, () -> PkiGenerator.generate(options));

        assertTrue(error.getReason().startsWith("README.md, ca.crt, ca.key, frontend.crt, frontend.key, client.crt already exist in " + folder),
                error.getReason());
        assertTrue(error.getReason().contains("Nothing was written"), error.getReason());
        assertArrayEquals(before, Files.readAllBytes(folder.resolve(PkiGenerator.FRONTEND_CERT)));
        assertFalse(Files.exists(folder.resolve(PkiGenerator.CLIENT_KEY)));
        assertEquals(6, PkiGenerator.existingFiles(options).size());
    }

    @Test
    void forceOverwritesExistingFiles() throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults(folder);
        PkiGenerator.generate(options);
        byte[] before = Files.readAllBytes(folder.resolve(PkiGenerator.FRONTEND_CERT));

        PkiGenerator.generate(options.withOverwrite(true));

        assertFalse(Arrays.equals(before, Files.readAllBytes(folder.resolve(PkiGenerator.FRONTEND_CERT))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(PkiGenerator.FRONTEND_KEY))));
    }

    @Test
    void sampleSetReproducesSampleLayout() throws Exception {
        List<Path> written = PkiGenerator.writeSample(folder, false);

        assertEquals(List.of("ca.crt", "frontend.crt", "frontend.key", "client.crt", "client.key"),
                written.stream().map(file -> file.getFileName().toString()).toList());
        assertEquals("CN=mTLS Studio Sample Root CA", certificates(folder.resolve("ca.crt")).get(0).getSubjectX500Principal().getName());
        assertThrows(FileAlreadyExistsException.class, () -> PkiGenerator.writeSample(folder, false));
    }

    private static void assertVariantFails(BrokenVariant variant, ProbeReport report) {
        assertEquals(ProbeReport.Result.FAILURE, report.result(), variant.name());
        assertEquals(variant.expectedStep(), report.failedStep(), variant.name() + " " + report.findings());
        Finding failure = report.failure().orElseThrow();
        assertEquals(variant.expectedCode(), failure.code(), variant.name() + ": " + failure.message());
    }

    @Test
    void expiredFrontendFailsAtVerifyServer() throws Exception {
        BrokenVariant variant = BrokenVariant.EXPIRED;

        ProbeReport report = probe(broken, broken.path(variant.certificateFile()), broken.path(variant.keyFile()),
                broken.clientCertificate(), broken.clientKey());

        assertVariantFails(variant, report);
    }

    @Test
    void notYetValidFrontendFailsAtVerifyServer() throws Exception {
        BrokenVariant variant = BrokenVariant.NOT_YET_VALID;

        ProbeReport report = probe(broken, broken.path(variant.certificateFile()), broken.path(variant.keyFile()),
                broken.clientCertificate(), broken.clientKey());

        assertVariantFails(variant, report);
    }

    @Test
    void noSanFrontendFailsAtVerifyServer() throws Exception {
        BrokenVariant variant = BrokenVariant.NO_SAN;

        ProbeReport report = probe(broken, broken.path(variant.certificateFile()), broken.path(variant.keyFile()),
                broken.clientCertificate(), broken.clientKey());

        assertVariantFails(variant, report);
        assertTrue(report.failure().orElseThrow().message().contains("no subjectAltName"), report.failure().orElseThrow().message());
    }

    @Test
    void foreignCaClientFailsAtVerifyClient() throws Exception {
        BrokenVariant variant = BrokenVariant.FOREIGN_CA;

        ProbeReport report = probe(broken, broken.frontendCertificate(), broken.frontendKey(),
                broken.path(variant.certificateFile()), broken.path(variant.keyFile()));

        assertVariantFails(variant, report);
        assertTrue(report.failure().orElseThrow().message().contains("CN=mTLS Studio Foreign Test CA"), report.failure().orElseThrow().message());
        assertEquals("CN=mTLS Studio Foreign Test CA",
                certificates(broken.path(PkiGenerator.FOREIGN_CA_CERT)).get(0).getSubjectX500Principal().getName());
    }

    @Test
    void serverAuthOnlyClientFailsAtVerifyClient() throws Exception {
        BrokenVariant variant = BrokenVariant.SERVER_AUTH_ONLY_CLIENT;

        ProbeReport report = probe(broken, broken.frontendCertificate(), broken.frontendKey(),
                broken.path(variant.certificateFile()), broken.path(variant.keyFile()));

        assertVariantFails(variant, report);
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificates(broken.path(variant.certificateFile())).get(0).getExtendedKeyUsage());
    }

    @Test
    void pkcs1KeyPassesProbeNotJdk() throws Exception {
        BrokenVariant variant = BrokenVariant.PKCS1_KEY;
        Path keyFile = broken.path(variant.keyFile());
        String pem = Files.readString(keyFile);

        ProbeReport report = probe(broken, broken.frontendCertificate(), broken.frontendKey(), broken.path(variant.certificateFile()), keyFile);

        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pem);
        assertNull(variant.expectedStep());
        assertEquals("KEY_PKCS1", variant.expectedCode());
        assertEquals(ProbeReport.Result.SUCCESS, report.result(), report.findings().toString());
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertThrows(InvalidKeySpecException.class, () -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        List<String> codes = CredentialInspector.checkFile(keyFile, FileRole.PRIVATE_KEY, Purpose.CLIENT, PasswordSource.NONE)
                .findings().stream().map(Finding::code).toList();
        assertTrue(codes.contains(variant.expectedCode()), codes.toString());
    }

    @Test
    void pkcs1KeyRejectedByPlainNetty() throws Exception {
        BrokenVariant variant = BrokenVariant.PKCS1_KEY;
        Path classes = Files.createDirectories(folder.resolve("classes"));
        Path source = folder.resolve("LoadClientKey.java");
        Files.writeString(source, """
                public class LoadClientKey {
                    public static void main(String[] args) throws Exception {
                        io.grpc.netty.GrpcSslContexts.forClient().keyManager(new java.io.File(args[0]), new java.io.File(args[1])).build();
                        System.out.println("loaded");
                    }
                }
                """);
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("bouncycastle")).collect(Collectors.joining(File.pathSeparator));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-classpath", classPath, "-d", classes.toString(), source.toString()));

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + classPath, "LoadClientKey",
                broken.path(variant.certificateFile()).toString(), broken.path(variant.keyFile()).toString())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertNotEquals(0, process.exitValue(), output);
        assertTrue(output.contains("does not contain valid private key"), output);
    }
}
