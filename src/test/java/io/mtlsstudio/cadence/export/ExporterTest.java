package io.mtlsstudio.cadence.export;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.cadence.config.CadenceConfig;
import io.mtlsstudio.cadence.config.CadenceConfigLoader;
import io.mtlsstudio.cadence.config.CadenceDevLayout;
import io.mtlsstudio.cadence.config.ConfigFinding;
import io.mtlsstudio.cadence.config.ConfigRequest;
import io.mtlsstudio.cadence.config.TlsBlock;
import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExporterTest {

    private static SampleCredentials sample;
    private static EmbeddedFrontend mutualTls;
    private static EmbeddedFrontend development;

    @TempDir
    Path folder;

    @BeforeAll
    static void startFrontends() throws Exception {
        sample = SampleCredentials.locate();
        mutualTls = EmbeddedFrontend.start(FrontendSettings.mutualTls(0, sample.loadFrontendChain(), sample.loadFrontendKey(), sample.loadCa()));
        Path credentials = CadenceDevLayout.credentials();
        development = EmbeddedFrontend.start(FrontendSettings.mutualTls(0,
                CredentialFiles.readCertificates(credentials.resolve("keytest.crt")), CredentialFiles.readPrivateKey(credentials.resolve("keytest")),
                CredentialFiles.readCertificates(credentials.resolve("client.crt"))));
    }

    @AfterAll
    static void stopFrontends() {
        mutualTls.close();
        development.close();
    }

    private static ClientSettings.Builder sampleClient() {
        return ClientSettings.builder(Target.parse(mutualTls.target()))
                .clientCertificate(sample.clientCertificate(), sample.clientKey())
                .caFiles(List.of(sample.ca()));
    }

    private record Result(int status, String output) {
    }

    /** Runs an exported shell command with sh in {@code directory}. */
    private static Result runShell(String script, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", script).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish within 30 s: " + script);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void serverYamlLoadsBackAsSameBlocks() throws Exception {
        Path config = Files.createDirectories(folder.resolve("config"));
        Path credentials = Files.createDirectories(config.resolve("my credentials"));
        TestPki.writeSampleCredentials(credentials);
        ServerSettings server = ServerSettings.mutualTls(credentials.resolve("frontend.crt"), credentials.resolve("frontend.key"),
                        List.of(credentials.resolve("ca.crt")))
                .withWorkingDirectory(folder)
                .withCluster("cluster0", credentials.resolve("client.crt"), credentials.resolve("client.key"), "cadence-frontend");

        Export export = Exporter.export(ExportFormat.SERVER_YAML, sampleClient().build(), server);
        Files.writeString(config.resolve("development_tls.yaml"), export.text());
        Files.writeString(config.resolve("development.yaml"), """
                clusterGroupMetadata:
                  currentClusterName: cluster0
                  clusterGroup:
                    cluster0:
                      enabled: true
                      rpcAddress: "localhost:7833"
                """);
        CadenceConfig loaded = CadenceConfigLoader.load(ConfigRequest.of(config).withZone("tls").withEnvironment(Map.of()));
        TlsBlock frontend = loaded.frontend();
        TlsBlock cluster = loaded.block("clusterGroupMetadata.clusterGroup.cluster0.tls").orElseThrow();

        assertTrue(export.text().contains("certFile: \"config/my credentials/frontend.crt\""), export.text());
        assertTrue(frontend.isEnabled());
        assertEquals(credentials.resolve("frontend.crt"), frontend.certificatePath().orElseThrow());
        assertEquals(List.of(credentials.resolve("ca.crt")), frontend.effectiveCaFiles());
        assertTrue(frontend.requireClientAuth().value());
        assertTrue(frontend.enableHostVerification().value());
        assertEquals(credentials.resolve("client.crt"), cluster.certificatePath().orElseThrow());
        assertEquals("cadence-frontend", cluster.serverName().value());
        List<ConfigFinding> serious = loaded.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        assertEquals(List.of(), serious);
    }

    @Test
    void serverYamlQuotesValuesYamlWouldMisread() {
        ServerSettings server = ServerSettings.mutualTls(Path.of("/etc/cadence/yes"), Path.of("/etc/cadence/key: pem"),
                List.of(Path.of("/etc/cadence/#ca.crt")));

        String yaml = Exporter.export(ExportFormat.SERVER_YAML, sampleClient().build(), server).text();

        assertTrue(yaml.contains("certFile: /etc/cadence/yes\n"), yaml);
        assertTrue(yaml.contains("keyFile: \"/etc/cadence/key: pem\"\n"), yaml);
        assertTrue(yaml.contains("- \"/etc/cadence/#ca.crt\"\n"), yaml);
        assertEquals("\"yes\"", Quoting.yaml("yes"));
        assertEquals("\"7833\"", Quoting.yaml("7833"));
        assertEquals("\"#ca.crt\"", Quoting.yaml("#ca.crt"));
    }

    @Test
    void serverYamlHostVerificationOffWarns() {
        ServerSettings server = ServerSettings.mutualTls(Path.of("frontend.crt"), Path.of("frontend.key"), List.of(Path.of("ca.crt")))
                .withHostVerification(false);

        String yaml = Exporter.export(ExportFormat.SERVER_YAML, sampleClient().build(), server).text();

        assertTrue(yaml.contains("# enableHostVerification: false makes Go skip every check"), yaml);
        assertTrue(yaml.contains("enableHostVerification: false\n"), yaml);
    }

    @Test
    void serverSettingsFromLoadedBlockKeepPaths() throws Exception {
        CadenceConfig config = CadenceConfigLoader.load(ConfigRequest.of(CadenceDevLayout.configFolder()).withZone("tls")
                .withEnvironment(Map.of()));

        ServerSettings server = ServerSettings.of(config.frontend());
        String yaml = Exporter.export(ExportFormat.SERVER_YAML, sampleClient().build(), server).text();

        assertTrue(yaml.contains("certFile: config/credentials/keytest.crt\n"), yaml);
        assertTrue(yaml.contains("keyFile: config/credentials/keytest\n"), yaml);
        assertTrue(yaml.contains("  - config/credentials/client.crt\n"), yaml);
        assertTrue(yaml.contains("requireClientAuth: true\n"), yaml);
        assertTrue(yaml.contains("enableHostVerification: false\n"), yaml);
    }

    @Test
    void goExportCarriesTlsConfigIntoDialOptions() {
        String go = Exporter.export(ExportFormat.GO_CLIENT, sampleClient().serverName("cadence-frontend").tlsVersion(TlsVersion.TLS_1_3).build(), null).text();

        assertTrue(go.contains("config.Certificates = []tls.Certificate{certificate}"), go);
        assertTrue(go.contains("tls.LoadX509KeyPair(\"" + sample.clientCertificate() + "\", \"" + sample.clientKey() + "\")"), go);
        assertTrue(go.contains("RootCAs:    roots,"), go);
        assertTrue(go.contains("ServerName: \"cadence-frontend\","), go);
        assertTrue(go.contains("MinVersion: tls.VersionTLS13,"), go);
        assertTrue(go.contains("transport.NewDialer(grpc.DialerCredentials(credentials.NewTLS(tlsConfig)))"), go);
        assertTrue(go.contains("yarpc.Outbounds{cadenceService: {Unary: outbound}}"), go);
        assertTrue(go.contains("cadenceService = \"cadence-frontend\""), go);
        assertTrue(go.contains("compatibility.NewThrift2ProtoAdapter("), go);
        assertTrue(go.contains("context.WithTimeout(context.Background(), callTimeout)"), go);
        assertFalse(go.contains("InsecureSkipVerify"), go);
        assertEquals(count(go, '{'), count(go, '}'), go);
        assertEquals(count(go, '('), count(go, ')'), go);
    }

    @Test
    void goExportWithoutHostnameVerificationKeepsChainCheck() {
        String go = Exporter.export(ExportFormat.GO_CLIENT, sampleClient().hostnameVerification(false).build(), null).text();

        assertTrue(go.contains("InsecureSkipVerify: true,"), go);
        assertTrue(go.contains("VerifyConnection: func(state tls.ConnectionState) error {"), go);
        assertTrue(go.contains("state.PeerCertificates[0].Verify(options)"), go);
    }

    @Test
    void goExportTls12PinsMaxVersion() {
        String go = Exporter.export(ExportFormat.GO_CLIENT, sampleClient().tlsVersion(TlsVersion.TLS_1_2).build(), null).text();

        assertTrue(go.contains("MinVersion: tls.VersionTLS12,"), go);
        assertTrue(go.contains("MaxVersion: tls.VersionTLS12,"), go);
    }

    @Test
    void goExportPlaintextHasNoTls() {
        String go = Exporter.export(ExportFormat.GO_CLIENT, ClientSettings.builder(Target.parse("127.0.0.1:7833")).tls(false).build(), null).text();

        assertTrue(go.contains("grpc.NewTransport().NewSingleOutbound(hostPort)"), go);
        assertFalse(go.contains("crypto/tls"), go);
        assertEquals(count(go, '{'), count(go, '}'), go);
    }

    @Test
    void opensslCommandCompletesHandshake() throws Exception {
        String script = Exporter.export(ExportFormat.OPENSSL_S_CLIENT, sampleClient().build(), null).text();

        Result result = runShell(script, folder);

        assertEquals(0, result.status(), script + "\n" + result.output());
        assertTrue(result.output().contains("Verification: OK"), result.output());
        assertTrue(script.contains("-verify_ip 127.0.0.1"), script);
        assertFalse(script.contains("-servername"), script);
    }

    @Test
    void opensslCommandWithTls12AndSeveralCas() throws Exception {
        Path extraCa = folder.resolve("extra ca.crt");
        Files.copy(CadenceDevLayout.credentials().resolve("client.crt"), extraCa);
        ClientSettings client = sampleClient().caFiles(List.of(extraCa, sample.ca())).serverName("cadence-frontend")
                .tlsVersion(TlsVersion.TLS_1_2).build();
        String script = Exporter.export(ExportFormat.OPENSSL_S_CLIENT, client, null).text();

        Result result = runShell(script, folder);

        assertEquals(0, result.status(), script + "\n" + result.output());
        assertTrue(result.output().contains("Protocol version: TLSv1.2"), result.output());
        assertTrue(script.contains("'" + extraCa + "'"), script);
        assertTrue(script.contains("-servername cadence-frontend"), script);
        assertTrue(script.contains("-verify_hostname cadence-frontend"), script);
        assertTrue(Files.exists(folder.resolve(OpensslCommandExport.CA_BUNDLE)));
    }

    @Test
    void opensslCommandFailsOnDevelopmentCertificateName() throws Exception {
        Path credentials = CadenceDevLayout.credentials();
        ClientSettings.Builder client = ClientSettings.builder(Target.parse(development.target()))
                .clientCertificate(credentials.resolve("client.crt"), credentials.resolve("client.key"))
                .caFiles(List.of(credentials.resolve("keytest.crt")));

        Result strict = runShell(Exporter.export(ExportFormat.OPENSSL_S_CLIENT, client.build(), null).text(), folder);
        Result lenient = runShell(Exporter.export(ExportFormat.OPENSSL_S_CLIENT, client.hostnameVerification(false).build(), null).text(), folder);

        assertNotEquals(0, strict.status(), strict.output());
        assertTrue(strict.output().contains("IP address mismatch"), strict.output());
        assertEquals(0, lenient.status(), lenient.output());
        assertTrue(lenient.output().contains("Verification: OK"), lenient.output());
    }

    @Test
    void grpcurlCommandCarriesCadenceMetadata() {
        Export export = Exporter.export(ExportFormat.GRPCURL, sampleClient().serverName("cadence-frontend").caller("ops-check").build(), null);
        String command = export.text();

        assertTrue(command.contains("-H 'rpc-service: cadence-frontend'"), command);
        assertTrue(command.contains("-H 'rpc-caller: ops-check'"), command);
        assertTrue(command.contains("-H 'rpc-encoding: proto'"), command);
        assertTrue(command.contains("-max-time 10"), command);
        assertTrue(command.contains("-import-path \"$(dirname \"$0\")\" -proto cadence_meta.proto"), command);
        assertTrue(command.contains("-cacert " + sample.ca()), command);
        assertTrue(command.contains("-cert " + sample.clientCertificate() + " -key " + sample.clientKey()), command);
        assertTrue(command.contains("-servername cadence-frontend"), command);
        assertTrue(command.endsWith(mutualTls.target() + " uber.cadence.api.v1.MetaAPI/Health\n"), command);
        assertTrue(export.companions().get("cadence_meta.proto").contains("rpc Health (HealthRequest) returns (HealthResponse);"));
    }

    @Test
    void grpcurlCommandPlaintextAndInsecure() {
        String plaintext = Exporter.export(ExportFormat.GRPCURL, ClientSettings.builder(Target.parse("127.0.0.1:7833")).tls(false).build(), null).text();
        String insecure = Exporter.export(ExportFormat.GRPCURL, sampleClient().hostnameVerification(false).build(), null).text();

        assertTrue(plaintext.contains("    -plaintext \\\n"), plaintext);
        assertFalse(plaintext.contains("-cert"), plaintext);
        assertTrue(insecure.contains("-insecure skips both"), insecure);
        assertFalse(insecure.contains("-cacert"), insecure);
    }

    @Test
    void saveWritesCompanionsAndRejectsOverwrite() throws Exception {
        Export export = Exporter.export(ExportFormat.GRPCURL, sampleClient().build(), null);

        List<Path> written = export.saveTo(folder, false);

        assertEquals(List.of(folder.resolve("grpcurl-health.sh"), folder.resolve("cadence_meta.proto")), written);
        assertEquals(export.text(), Files.readString(written.get(0)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(written.get(0))));
        FileAlreadyExistsException error = assertThrows(FileAlreadyExistsException.class, () -> export.saveTo(folder, false));
        assertTrue(error.getMessage().contains("grpcurl-health.sh"), error.getMessage());
        assertEquals(written, export.saveTo(folder, true));
    }

    @Test
    void allExportsSkipServerYamlWithoutServer() {
        List<ExportFormat> formats = Exporter.all(sampleClient().build(), null).stream().map(Export::format).toList();

        assertEquals(List.of(ExportFormat.GO_CLIENT, ExportFormat.JAVA_CLIENT, ExportFormat.OPENSSL_S_CLIENT, ExportFormat.GRPCURL), formats);
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
