package io.mtlsstudio.cadence.export;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.cadence.config.CadenceDevLayout;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.SampleCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compiles the exported Java class with javax.tools and runs it against real embedded frontends. */
class JavaClientExportTest {

    private static SampleCredentials sample;
    private static EmbeddedFrontend mutualTls;
    private static EmbeddedFrontend plaintext;
    private static EmbeddedFrontend development;

    @TempDir
    Path folder;

    @BeforeAll
    static void startFrontends() throws Exception {
        sample = SampleCredentials.locate();
        mutualTls = EmbeddedFrontend.start(FrontendSettings.mutualTls(0, sample.loadFrontendChain(), sample.loadFrontendKey(), sample.loadCa()));
        plaintext = EmbeddedFrontend.start(FrontendSettings.plaintext(0));
        Path credentials = CadenceDevLayout.credentials();
        development = EmbeddedFrontend.start(FrontendSettings.mutualTls(0,
                CredentialFiles.readCertificates(credentials.resolve("keytest.crt")), CredentialFiles.readPrivateKey(credentials.resolve("keytest")),
                CredentialFiles.readCertificates(credentials.resolve("client.crt"))));
    }

    @AfterAll
    static void stopFrontends() {
        mutualTls.close();
        plaintext.close();
        development.close();
    }

    /** Compiles the export for Java 11 and returns its class, loaded beside the test class path. */
    private Class<?> compile(String source) throws Exception {
        Path sources = Files.createDirectories(folder.resolve("src"));
        Path classes = Files.createDirectories(folder.resolve("classes"));
        Path file = sources.resolve(JavaClientExport.CLASS_NAME + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "11", "-Xlint:all", "-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString());
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file.toFile())).call();
            String messages = diagnostics.getDiagnostics().stream()
                    .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(null)).collect(Collectors.joining("\n"));
            assertTrue(compiled, messages + "\n" + source);
            List<Diagnostic<? extends JavaFileObject>> warnings = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING).toList();
            assertEquals(List.of(), warnings.stream().map(d -> d.getMessage(null)).toList(), source);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass(JavaClientExport.CLASS_NAME);
    }

    /** Opens the exported channel, calls Health through it and returns the method's result. */
    private static String openAndCheckHealth(Class<?> exported) throws Exception {
        Method open = exported.getMethod("open");
        Method checkHealth = exported.getMethod("checkHealth", Channel.class);
        ManagedChannel channel = (ManagedChannel) open.invoke(null);
        try {
            return (String) checkHealth.invoke(null, channel);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static ClientSettings.Builder sampleClient(EmbeddedFrontend frontend) {
        return ClientSettings.builder(Target.parse(frontend.target()))
                .clientCertificate(sample.clientCertificate(), sample.clientKey())
                .caFiles(List.of(sample.ca()));
    }

    @Test
    void javaExportCompilesAndPassesHealth() throws Exception {
        ClientSettings client = sampleClient(mutualTls).serverName("cadence-frontend").build();

        String source = Exporter.export(ExportFormat.JAVA_CLIENT, client, null).text();
        Class<?> exported = compile(source);

        assertEquals("ok=true message=OK", openAndCheckHealth(exported));
        assertTrue(source.contains("GrpcSslContexts.forClient()"), source);
        assertTrue(source.contains("tls.keyManager(CLIENT_CERTIFICATE, CLIENT_KEY);"), source);
        assertTrue(source.contains("tls.trustManager(TRUSTED_CAS[0]);"), source);
        assertTrue(source.contains(".overrideAuthority(SERVER_NAME)"), source);
        assertTrue(source.contains("headers.put(SERVICE, \"cadence-frontend\");"), source);
        assertTrue(source.contains("headers.put(ENCODING, \"proto\");"), source);
        assertTrue(source.contains("withDeadlineAfter(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)"), source);
    }

    @Test
    void javaExportWithTls13AndSeveralCasCompiles() throws Exception {
        Path extraCa = folder.resolve("extra-ca.crt");
        Files.copy(CadenceDevLayout.credentials().resolve("client.crt"), extraCa);
        ClientSettings client = sampleClient(mutualTls).caFiles(List.of(extraCa, sample.ca())).tlsVersion(TlsVersion.TLS_1_3).build();

        String source = Exporter.export(ExportFormat.JAVA_CLIENT, client, null).text();

        assertEquals("ok=true message=OK", openAndCheckHealth(compile(source)));
        assertTrue(source.contains(".protocols(\"TLSv1.3\")"), source);
        assertTrue(source.contains("tls.trustManager(readCertificates(TRUSTED_CAS));"), source);
    }

    @Test
    void javaExportWithoutHostnameVerificationReachesDevelopmentCredentials() throws Exception {
        Path credentials = CadenceDevLayout.credentials();
        ClientSettings client = ClientSettings.builder(Target.parse(development.target()))
                .clientCertificate(credentials.resolve("client.crt"), credentials.resolve("client.key"))
                .caFiles(List.of(credentials.resolve("keytest.crt")))
                .hostnameVerification(false).build();

        String source = Exporter.export(ExportFormat.JAVA_CLIENT, client, null).text();

        assertEquals("ok=true message=OK", openAndCheckHealth(compile(source)));
        assertTrue(source.contains("new ChainOnlyTrustManager(readCertificates(TRUSTED_CAS))"), source);
    }

    @Test
    void javaExportWithHostnameVerificationRejectsDevelopmentCredentials() throws Exception {
        Path credentials = CadenceDevLayout.credentials();
        ClientSettings client = ClientSettings.builder(Target.parse(development.target()))
                .clientCertificate(credentials.resolve("client.crt"), credentials.resolve("client.key"))
                .caFiles(List.of(credentials.resolve("keytest.crt"))).build();
        Class<?> exported = compile(Exporter.export(ExportFormat.JAVA_CLIENT, client, null).text());

        InvocationTargetException error = org.junit.jupiter.api.Assertions.assertThrows(InvocationTargetException.class,
                () -> openAndCheckHealth(exported));

        assertTrue(causes(error).contains("No subject alternative names present"), causes(error));
    }

    @Test
    void javaExportPlaintextCompilesAndPassesHealth() throws Exception {
        ClientSettings client = ClientSettings.builder(Target.parse(plaintext.target())).tls(false).caller("plaintext-test").build();

        String source = Exporter.export(ExportFormat.JAVA_CLIENT, client, null).text();

        assertEquals("ok=true message=OK", openAndCheckHealth(compile(source)));
        assertTrue(source.contains(".usePlaintext()"), source);
        assertFalse(source.contains("SslContext"), source);
    }

    @Test
    void javaExportForShadedNettyUsesRelocatedPackages() {
        String source = Exporter.javaClientForShadedNetty(sampleClient(mutualTls).build()).text();

        assertTrue(source.contains("import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;"), source);
        assertTrue(source.contains("import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;"), source);
        assertFalse(source.contains("import io.netty."), source);
    }

    private static String causes(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            text.append(cause).append(File.pathSeparator);
        }
        return text.toString();
    }
}
