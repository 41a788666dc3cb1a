package io.mtlsstudio.cadence.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CadenceConfigLoaderTest {

    @TempDir
    Path folder;

    private static List<ConfigCode> codes(CadenceConfig config) {
        return config.findings().stream().map(ConfigFinding::code).toList();
    }

    private static ConfigFinding only(CadenceConfig config, ConfigCode code) {
        List<ConfigFinding> found = config.findings().stream().filter(f -> f.code() == code).toList();
        assertEquals(1, found.size(), code + " in " + codes(config));
        return found.get(0);
    }

    @Test
    void layeringAppliesBaseThenEnvThenZone() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder)
                .yaml("base.yaml", """
                        services:
                          frontend:
                            rpc:
                              tls:
                                enabled: false
                                certFile: certs/base.crt
                                serverName: from-base
                        """)
                .yaml("development.yaml", """
                        services:
                          frontend:
                            rpc:
                              tls:
                                certFile: certs/frontend.crt
                                keyFile: certs/frontend.key
                        """)
                .yaml("development_tls.yaml", """
                        services:
                          frontend:
                            rpc:
                              tls:
                                enabled: true
                        """);

        CadenceConfig config = fixture.load("tls");
        TlsBlock frontend = config.frontend();

        assertEquals(3, config.layers().size());
        assertTrue(config.layers().stream().allMatch(CadenceConfig.Layer::present));
        assertTrue(frontend.isEnabled());
        assertEquals(fixture.config.resolve("development_tls.yaml"), frontend.enabled().location().file());
        assertEquals("certs/frontend.crt", frontend.certFile().value());
        assertEquals(fixture.config.resolve("development.yaml"), frontend.certFile().location().file());
        assertEquals("from-base", frontend.serverName().value());
        assertEquals(fixture.config.resolve("base.yaml"), frontend.serverName().location().file());
    }

    @Test
    void layeringWithoutZoneSkipsZoneFile() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder)
                .yaml("development.yaml", "services: {frontend: {rpc: {tls: {enabled: false}}}}\n")
                .yaml("development_tls.yaml", "services: {frontend: {rpc: {tls: {enabled: true}}}}\n");

        CadenceConfig config = fixture.load("");

        assertEquals(List.of(fixture.config.resolve("base.yaml"), fixture.config.resolve("development.yaml")),
                config.layers().stream().map(CadenceConfig.Layer::file).toList());
        assertFalse(config.frontend().isEnabled());
    }

    @Test
    void layeringReplacesSequencesWhole() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder)
                .yaml("development.yaml", """
                        services:
                          frontend:
                            rpc:
                              tls:
                                caFiles: [certs/a.crt, certs/b.crt]
                        """)
                .yaml("development_tls.yaml", """
                        services:
                          frontend:
                            rpc:
                              tls:
                                caFiles: [certs/ca.crt]
                                caFile: certs/extra.crt
                        """);

        TlsBlock frontend = fixture.load("tls").frontend();

        assertEquals(List.of("certs/ca.crt"), frontend.caFiles().value());
        assertEquals(List.of(folder.resolve("certs/ca.crt"), folder.resolve("certs/extra.crt")), frontend.effectiveCaFiles());
    }

    @Test
    void layeringNullClearsLowerValue() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder)
                .yaml("development.yaml", "services: {frontend: {rpc: {tls: {enabled: true, serverName: old}}}}\n")
                .yaml("development_tls.yaml", "services: {frontend: {rpc: {tls: {serverName: ~}}}}\n");

        TlsBlock frontend = fixture.load("tls").frontend();

        assertEquals("", frontend.serverName().value());
        assertTrue(frontend.serverName().explicit());
        assertTrue(frontend.isEnabled());
    }

    @Test
    void layeringReportsMissingZoneFile() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", "log: {level: info}\n");

        CadenceConfig config = fixture.load("tsl");

        ConfigFinding finding = only(config, ConfigCode.CONFIG_LAYER_MISSING);
        assertTrue(finding.subject().endsWith("development_tsl.yaml"), finding.subject());
        assertTrue(finding.message().contains("skips a missing layer"), finding.message());
        assertTrue(finding.fix().contains("--zone tsl"), finding.fix());
    }

    @Test
    void layeringWithoutAnyFileFails() {
        CadenceConfigException error = assertThrows(CadenceConfigException.class,
                () -> CadenceConfigLoader.load(ConfigRequest.of(folder).withEnv("staging").withEnvironment(Map.of())));

        assertEquals(ConfigCode.CONFIG_FILES_NOT_FOUND, error.code());
        assertTrue(error.getMessage().contains("base.yaml, staging.yaml"), error.getMessage());
    }

    @Test
    void singleFileLoadsAlone() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder)
                .yaml("development.yaml", "services: {frontend: {rpc: {tls: {enabled: false}}}}\n")
                .yaml("development_tls.yaml", ConfigFixture.goodFrontend());

        CadenceConfig config = CadenceConfigLoader.load(ConfigRequest.of(fixture.config.resolve("development_tls.yaml"))
                .withEnvironment(Map.of()));

        assertEquals(1, config.layers().size());
        assertEquals(folder, config.workingDirectory());
        assertTrue(config.frontend().isEnabled());
        assertEquals(folder.resolve("certs/frontend.crt"), config.frontend().certificatePath().orElseThrow());
    }

    @Test
    void workingDirectoryOverrideResolvesRelativePaths() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                services:
                  frontend:
                    rpc:
                      tls:
                        enabled: true
                        certFile: frontend.crt
                        keyFile: /absolute/frontend.key
                """);
        Path serverDirectory = folder.resolve("certs");

        CadenceConfig config = CadenceConfigLoader.load(ConfigRequest.of(fixture.config)
                .withWorkingDirectory(serverDirectory).withEnvironment(Map.of()));

        assertEquals(serverDirectory.resolve("frontend.crt"), config.frontend().certificatePath().orElseThrow());
        assertEquals(Path.of("/absolute/frontend.key"), config.frontend().keyPath().orElseThrow());
    }

    @Test
    void environmentVariablesExpandWithDefaults() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                services:
                  frontend:
                    rpc:
                      grpcPort: ${FRONTEND_PORT_GRPC:7833}
                      tls:
                        enabled: ${TLS_ON:true}
                        certFile: ${CERT_DIR}/frontend.crt
                        keyFile: $CERT_DIR/frontend.key
                        serverName: "${NAME:\\"\\"}"
                        caFile: cost$$.crt
                """);

        CadenceConfig config = CadenceConfigLoader.load(ConfigRequest.of(fixture.config)
                .withEnvironment(Map.of("CERT_DIR", "certs")));
        TlsBlock frontend = config.frontend();

        assertTrue(frontend.isEnabled());
        assertEquals("certs/frontend.crt", frontend.certFile().value());
        assertEquals("certs/frontend.key", frontend.keyFile().value());
        assertEquals("", frontend.serverName().value());
        assertEquals("cost$.crt", frontend.caFile().value());
        assertEquals(7833, ((BlockOwner.Service) frontend.owner()).grpcPort());
        assertFalse(codes(config).contains(ConfigCode.YAML_ENV_VARIABLE_UNSET), codes(config).toString());
    }

    @Test
    void environmentVariableUnsetWithoutDefaultIsReported() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                services:
                  frontend:
                    rpc:
                      tls:
                        certFile: ${CERT_DIR}/frontend.crt
                """);

        CadenceConfig config = fixture.load("");

        ConfigFinding finding = only(config, ConfigCode.YAML_ENV_VARIABLE_UNSET);
        assertEquals("CERT_DIR", finding.subject());
        assertEquals(5, finding.location().line());
        assertEquals(19, finding.location().column());
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndColumn() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                services:
                  frontend:
                    rpc:
                      tls:
                        enabled: true
                       certFile: certs/frontend.crt
                """);

        CadenceConfigException error = assertThrows(CadenceConfigException.class, () -> fixture.load(""));

        assertEquals(ConfigCode.YAML_SYNTAX, error.code());
        assertNotNull(error.location());
        assertEquals(fixture.config.resolve("development.yaml"), error.location().file());
        assertEquals(6, error.location().line());
        assertEquals(8, error.location().column());
        assertTrue(error.getMessage().startsWith(fixture.config.resolve("development.yaml") + ":6:8: invalid YAML"), error.getMessage());
    }

    @Test
    void yamlTabIndentationNamesLine() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", "services:\n\tfrontend: {}\n");

        CadenceConfigException error = assertThrows(CadenceConfigException.class, () -> fixture.load(""));

        assertEquals(2, error.location().line());
        assertTrue(error.getMessage().contains("spaces"), error.getMessage());
    }

    @Test
    void yamlDuplicateKeyIsReportedWhereRepeated() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                services:
                  frontend:
                    rpc:
                      tls:
                        enabled: false
                        enabled: true
                """);

        CadenceConfig config = fixture.load("");

        ConfigFinding finding = only(config, ConfigCode.YAML_DUPLICATE_KEY);
        assertEquals(6, finding.location().line());
        assertEquals(9, finding.location().column());
        assertTrue(finding.message().contains(":5:9"), finding.message());
        assertTrue(config.frontend().isEnabled());
    }

    @Test
    void yamlMergeConflictBetweenLayersIsReported() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder)
                .yaml("development.yaml", "services: {frontend: {rpc: {tls: {enabled: true}}}}\n")
                .yaml("development_tls.yaml", """
                        services:
                          frontend:
                            rpc:
                              tls: on
                        """);

        CadenceConfig config = fixture.load("tls");

        ConfigFinding finding = only(config, ConfigCode.YAML_MERGE_CONFLICT);
        assertEquals("services.frontend.rpc.tls", finding.subject());
        assertEquals(fixture.config.resolve("development_tls.yaml"), finding.location().file());
        assertTrue(finding.message().contains("can't merge a scalar into a mapping"), finding.message());
    }

    @Test
    void yamlMergeKeyAndAnchorsApply() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                tlsDefaults: &tls
                  enabled: true
                  certFile: certs/frontend.crt
                  keyFile: certs/frontend.key
                services:
                  frontend:
                    rpc:
                      tls:
                        <<: *tls
                        keyFile: certs/other.key
                  history:
                    rpc:
                      tls: *tls
                """);

        CadenceConfig config = fixture.load("");

        assertTrue(config.frontend().isEnabled());
        assertEquals("certs/frontend.crt", config.frontend().certFile().value());
        assertEquals("certs/other.key", config.frontend().keyFile().value());
        assertEquals("certs/frontend.key", config.block("services.history.rpc.tls").orElseThrow().keyFile().value());
    }

    @Test
    void tlsKeyWithWrongCaseIsUnknown() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                services:
                  frontend:
                    rpc:
                      tls:
                        enabled: true
                        certfile: certs/frontend.crt
                """);

        CadenceConfig config = fixture.load("");

        ConfigFinding finding = only(config, ConfigCode.TLS_UNKNOWN_KEY);
        assertEquals("services.frontend.rpc.tls.certfile", finding.subject());
        assertEquals(6, finding.location().line());
        assertTrue(finding.fix().startsWith("Did you mean \"certFile\"?"), finding.fix());
    }

    @Test
    void tlsQuotedBooleanIsInvalid() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                services:
                  frontend:
                    rpc:
                      tls:
                        enabled: "true"
                """);

        CadenceConfig config = fixture.load("");

        ConfigFinding finding = only(config, ConfigCode.TLS_INVALID_VALUE);
        assertEquals("services.frontend.rpc.tls.enabled", finding.subject());
        assertTrue(finding.message().contains("the quoted string \"true\""), finding.message());
        assertTrue(finding.fix().startsWith("Remove the quotes"), finding.fix());
        assertFalse(config.frontend().isEnabled());
    }

    @Test
    void tlsYaml11BooleansAreRead() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                services:
                  frontend:
                    rpc:
                      tls:
                        enabled: yes
                        requireClientAuth: On
                        enableHostVerification: n
                """);

        TlsBlock frontend = fixture.load("").frontend();

        assertTrue(frontend.isEnabled());
        assertTrue(frontend.requireClientAuth().value());
        assertFalse(frontend.enableHostVerification().value());
        assertTrue(frontend.enableHostVerification().explicit());
    }

    @Test
    void tlsCaFilesAsScalarIsInvalid() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                services:
                  frontend:
                    rpc:
                      tls:
                        caFiles: certs/ca.crt
                """);

        ConfigFinding finding = only(fixture.load(""), ConfigCode.TLS_INVALID_VALUE);

        assertEquals("services.frontend.rpc.tls.caFiles", finding.subject());
        assertTrue(finding.message().contains("must be a list of file paths"), finding.message());
    }

    @Test
    void blocksListCoreServicesAndClusters() throws IOException {
        ConfigFixture fixture = new ConfigFixture(folder).yaml("development.yaml", """
                services:
                  worker:
                    rpc:
                      tls: {enabled: false}
                clusterGroupMetadata:
                  currentClusterName: primary
                  clusterGroup:
                    primary:
                      enabled: true
                      rpcAddress: "frontend.example.test:7833"
                      rpcTransport: grpc
                    standby:
                      enabled: true
                      rpcAddress: "[::1]:7833"
                """);

        CadenceConfig config = fixture.load("");

        assertEquals(List.of("services.frontend.rpc.tls", "services.matching.rpc.tls", "services.history.rpc.tls",
                        "services.worker.rpc.tls", "clusterGroupMetadata.clusterGroup.primary.tls",
                        "clusterGroupMetadata.clusterGroup.standby.tls"),
                config.tlsBlocks().stream().map(TlsBlock::path).toList());
        BlockOwner.Cluster primary = (BlockOwner.Cluster) config.block("clusterGroupMetadata.clusterGroup.primary.tls").orElseThrow().owner();
        BlockOwner.Cluster standby = (BlockOwner.Cluster) config.block("clusterGroupMetadata.clusterGroup.standby.tls").orElseThrow().owner();
        assertTrue(primary.current());
        assertEquals("frontend.example.test", primary.rpcHost());
        assertFalse(standby.current());
        assertEquals("::1", standby.rpcHost());
        assertEquals("tchannel", standby.rpcTransport());
        assertFalse(config.frontend().present());
    }

    @Test
    void developmentLayoutLoadsEveryKey() throws Exception {
        Path config = CadenceDevLayout.configFolder();

        CadenceConfig loaded = CadenceConfigLoader.load(ConfigRequest.of(config).withZone("tls").withEnvironment(Map.of()));
        TlsBlock frontend = loaded.frontend();

        assertEquals(config.getParent(), loaded.workingDirectory());
        assertTrue(frontend.isEnabled());
        assertTrue(frontend.requireClientAuth().value());
        assertFalse(frontend.enableHostVerification().explicit());
        assertEquals(config.resolve("credentials/keytest.crt"), frontend.certificatePath().orElseThrow());
        assertEquals(config.resolve("credentials/keytest"), frontend.keyPath().orElseThrow());
        assertEquals(List.of(config.resolve("credentials/client.crt")), frontend.effectiveCaFiles());
        assertEquals(8, frontend.settings().size());
        assertTrue(Files.isRegularFile(frontend.certificatePath().orElseThrow()));
    }
}
