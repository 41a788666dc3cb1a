package io.mtlsstudio.cadence.config;

import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.pki.TestPki;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per configuration finding, each on a real test PKI written next to the YAML. */
class TlsChecksTest {

    private static final String FRONTEND = "services.frontend.rpc.tls";
    private static final String CLUSTER = "clusterGroupMetadata.clusterGroup.cluster0.tls";

    @TempDir
    Path folder;

    private ConfigFixture fixture;

    @BeforeEach
    void createFixture() {
        fixture = new ConfigFixture(folder);
    }

    private CadenceConfig load(String yaml) throws IOException {
        fixture.yaml("development.yaml", yaml);
        return fixture.load("");
    }

    private static List<ConfigFinding> all(CadenceConfig config, ConfigCode code) {
        return config.findings().stream().filter(f -> f.code() == code).toList();
    }

    private static ConfigFinding only(CadenceConfig config, ConfigCode code, String blockPath) {
        List<ConfigFinding> found = config.findings(blockPath).stream().filter(f -> f.code() == code).toList();
        assertEquals(1, found.size(), code + " in " + config.findings().stream().map(f -> f.code() + "@" + f.blockPath()).toList());
        return found.get(0);
    }

    private static void assertNoFinding(CadenceConfig config, ConfigCode code) {
        assertTrue(all(config, code).isEmpty(), code + " unexpected: " + all(config, code));
    }

    private static String frontendWith(String tlsLines) {
        return """
                services:
                  frontend:
                    rpc:
                      grpcPort: 7833
                      bindOnLocalHost: true
                      tls:
                """ + tlsLines.indent(8);
    }

    private static final String GOOD_CLUSTER = """
            clusterGroupMetadata:
              currentClusterName: cluster0
              clusterGroup:
                cluster0:
                  enabled: true
                  rpcAddress: "localhost:7833"
                  rpcTransport: grpc
                  tls:
                    enabled: true
                    certFile: certs/client.crt
                    keyFile: certs/client.key
                    caFiles: [certs/ca.crt]
                    enableHostVerification: true
            """;

    @Test
    void goodConfigHasNoErrorOrWarning() throws IOException {
        CadenceConfig config = load(ConfigFixture.goodFrontend() + GOOD_CLUSTER);

        List<ConfigFinding> serious = config.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        assertEquals(List.of(), serious);
        assertFalse(config.hasErrors());
    }

    @Test
    void missingCertificateFileIsReportedWithResolvedPath() throws IOException {
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/missing.crt
                keyFile: certs/frontend.key
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_FILE_MISSING, FRONTEND);
        assertEquals(folder.resolve("certs/missing.crt").toString(), finding.subject());
        assertEquals(8, finding.location().line());
        assertTrue(finding.message().contains("working directory, taken here as " + folder), finding.message());
        assertEquals(Severity.ERROR, finding.severity());
    }

    @Test
    void keyFileThatHoldsCertificateDoesNotLoad() throws IOException {
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/frontend.crt
                keyFile: certs/frontend.crt
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_FILE_UNREADABLE, FRONTEND);
        assertTrue(finding.message().contains("a certificate but no private key"), finding.message());
    }

    @Test
    void derCaFileIsNotPem() throws Exception {
        Files.write(folder.resolve("certs/ca.der"), fixture.ca.certificate().getEncoded());
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/frontend.crt
                keyFile: certs/frontend.key
                caFile: certs/ca.der
                requireClientAuth: true
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_FILE_NOT_PEM, FRONTEND);
        assertTrue(finding.message().contains("AppendCertsFromPEM skips anything that is not PEM"), finding.message());
        assertTrue(finding.fix().contains("openssl x509 -inform DER"), finding.fix());
    }

    @Test
    void certFileWithoutKeyFileIsIncomplete() throws IOException {
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/frontend.crt
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_CERT_KEY_INCOMPLETE, FRONTEND);
        assertEquals(FRONTEND + ".keyFile", finding.subject());
        assertTrue(finding.message().contains("presents no certificate at all"), finding.message());
    }

    @Test
    void enabledServiceWithoutCertificateCannotServe() throws IOException {
        CadenceConfig config = load(frontendWith("enabled: true\n"));

        ConfigFinding finding = only(config, ConfigCode.TLS_SERVER_CERT_MISSING, FRONTEND);
        assertTrue(finding.message().contains("tls: no certificates configured"), finding.message());
    }

    @Test
    void keyOfAnotherCertificateIsMismatch() throws IOException {
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/frontend.crt
                keyFile: certs/client.key
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_KEY_MISMATCH, FRONTEND);
        assertTrue(finding.message().contains("\"CN=cadence-frontend\""), finding.message());
        assertTrue(finding.message().contains("private key does not match public key"), finding.message());
    }

    @Test
    void keyOfSecondCertificateAsksForLeafFirst() throws IOException {
        fixture.certificate("certs/wrong-order.crt", fixture.ca.certificate(), fixture.frontend.certificate());
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/wrong-order.crt
                keyFile: certs/frontend.key
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_KEY_MISMATCH, FRONTEND);
        assertTrue(finding.message().contains("belongs to certificate 2 in the file"), finding.message());
        assertTrue(finding.message().contains("put the leaf first"), finding.message());
    }

    @Test
    void expiredFrontendCertificateIsReported() throws IOException {
        Instant then = Instant.now().minus(Duration.ofDays(60));
        fixture.writeIssued("certs/expired", TestPki.leaf(fixture.ca, "cadence-frontend", TestPki.FRONTEND_NAMES,
                List.of(KeyPurposeId.id_kp_serverAuth), TestPki.KeyType.EC_P256, then, then.plus(Duration.ofDays(30))));
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/expired.crt
                keyFile: certs/expired.key
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_CERT_EXPIRED, FRONTEND);
        assertTrue(finding.message().contains("expired on"), finding.message());
    }

    @Test
    void futureFrontendCertificateIsNotYetValid() throws IOException {
        Instant later = Instant.now().plus(Duration.ofDays(10));
        fixture.writeIssued("certs/future", TestPki.leaf(fixture.ca, "cadence-frontend", TestPki.FRONTEND_NAMES,
                List.of(KeyPurposeId.id_kp_serverAuth), TestPki.KeyType.EC_P256, later, later.plus(Duration.ofDays(30))));
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/future.crt
                keyFile: certs/future.key
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_CERT_NOT_YET_VALID, FRONTEND);
        assertTrue(finding.message().contains("is valid only from"), finding.message());
    }

    @Test
    void requireClientAuthWithoutCaFilesIsReported() throws IOException {
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/frontend.crt
                keyFile: certs/frontend.key
                requireClientAuth: true
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_CLIENT_AUTH_WITHOUT_CA, FRONTEND);
        assertEquals(10, finding.location().line());
        assertTrue(finding.message().contains("system CA store"), finding.message());
    }

    @Test
    void leafAsClientCaIsReported() throws IOException {
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/frontend.crt
                keyFile: certs/frontend.key
                caFiles: [certs/client.crt]
                requireClientAuth: true
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_CLIENT_CA_IS_LEAF, FRONTEND);
        assertEquals("\"CN=fixture-client\"", finding.subject());
        assertTrue(finding.message().contains("leaf certificate (CA:FALSE)"), finding.message());
        assertTrue(finding.fix().contains("CN=Fixture Root CA"), finding.fix());
    }

    @Test
    void hostVerificationOffSaysChainIsSkippedToo() throws IOException {
        CadenceConfig config = load(frontendWith("""
                enabled: true
                certFile: certs/frontend.crt
                keyFile: certs/frontend.key
                caFiles: [certs/ca.crt]
                requireClientAuth: true
                enableHostVerification: false
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_HOST_VERIFICATION_OFF, FRONTEND);
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals(12, finding.location().line());
        assertTrue(finding.message().contains("InsecureSkipVerify"), finding.message());
        assertTrue(finding.message().contains("skips all verification of the peer's certificate, chain included"), finding.message());
        assertTrue(finding.message().contains("still verified when requireClientAuth is true"), finding.message());
    }

    @Test
    void clusterHostVerificationOffNamesFrontend() throws IOException {
        CadenceConfig config = load(ConfigFixture.goodFrontend() + GOOD_CLUSTER.replace("enableHostVerification: true", "enableHostVerification: false"));

        ConfigFinding finding = only(config, ConfigCode.TLS_HOST_VERIFICATION_OFF, CLUSTER);
        assertTrue(finding.message().contains("When the server dials cluster cluster0's frontend at localhost:7833 with this block, it skips all verification"),
                finding.message());
    }

    @Test
    void clusterWithoutClientCertificateWhileFrontendRequiresOne() throws IOException {
        CadenceConfig config = load(ConfigFixture.goodFrontend() + """
                clusterGroupMetadata:
                  currentClusterName: cluster0
                  clusterGroup:
                    cluster0:
                      enabled: true
                      rpcAddress: "localhost:7833"
                      rpcTransport: grpc
                      tls:
                        enabled: true
                        caFiles: [certs/ca.crt]
                        enableHostVerification: true
                    remote:
                      enabled: true
                      rpcAddress: "remote.example.test:7833"
                      rpcTransport: grpc
                      tls:
                        enabled: true
                """);

        ConfigFinding current = only(config, ConfigCode.TLS_CLUSTER_NO_CLIENT_CERT, CLUSTER);
        assertEquals(Severity.ERROR, current.severity());
        assertTrue(current.message().contains("worker service and replication cannot reach it"), current.message());
        ConfigFinding remote = only(config, ConfigCode.TLS_CLUSTER_NO_CLIENT_CERT, "clusterGroupMetadata.clusterGroup.remote.tls");
        assertEquals(Severity.WARNING, remote.severity());
    }

    @Test
    void clusterWithoutCertFineWithoutClientAuth() throws IOException {
        CadenceConfig config = load(ConfigFixture.goodFrontend().replace("requireClientAuth: true", "requireClientAuth: false") + """
                clusterGroupMetadata:
                  currentClusterName: cluster0
                  clusterGroup:
                    cluster0:
                      enabled: true
                      rpcAddress: "localhost:7833"
                      rpcTransport: grpc
                      tls:
                        enabled: true
                """);

        assertNoFinding(config, ConfigCode.TLS_CLUSTER_NO_CLIENT_CERT);
    }

    @Test
    void clusterCertificateFromForeignCaIsNotTrusted() throws IOException {
        TestPki.Issued foreignCa = TestPki.rootCa("Foreign CA", TestPki.KeyType.EC_P256, ConfigFixture.NOW, ConfigFixture.UNTIL);
        fixture.writeIssued("certs/foreign-client", TestPki.leaf(foreignCa, "foreign-client", List.of(),
                List.of(KeyPurposeId.id_kp_clientAuth), TestPki.KeyType.EC_P256, ConfigFixture.NOW, ConfigFixture.UNTIL));
        CadenceConfig config = load(ConfigFixture.goodFrontend() + GOOD_CLUSTER.replace("certs/client.", "certs/foreign-client."));

        ConfigFinding finding = only(config, ConfigCode.TLS_CLUSTER_CERT_NOT_TRUSTED, CLUSTER);
        assertTrue(finding.message().contains("issued by CN=Foreign CA"), finding.message());
        assertTrue(finding.message().contains("\"CN=Fixture Root CA\""), finding.message());
    }

    @Test
    void clusterTrustingAnotherCaCannotVerifyFrontend() throws IOException {
        TestPki.Issued otherCa = TestPki.rootCa("Other CA", TestPki.KeyType.EC_P256, ConfigFixture.NOW, ConfigFixture.UNTIL);
        fixture.certificate("certs/other-ca.crt", otherCa.certificate());
        CadenceConfig config = load(ConfigFixture.goodFrontend() + GOOD_CLUSTER.replace("caFiles: [certs/ca.crt]", "caFiles: [certs/other-ca.crt]"));

        ConfigFinding finding = only(config, ConfigCode.TLS_CLUSTER_CANNOT_VERIFY_FRONTEND, CLUSTER);
        assertTrue(finding.message().contains("does not chain to the block's CA files (\"CN=Other CA\")"), finding.message());
    }

    @Test
    void clusterCheckingNameOutsideSansCannotVerifyFrontend() throws IOException {
        CadenceConfig config = load(ConfigFixture.goodFrontend()
                + GOOD_CLUSTER.replace("enableHostVerification: true", "enableHostVerification: true\n        serverName: frontend.example.test"));

        ConfigFinding finding = only(config, ConfigCode.TLS_CLUSTER_CANNOT_VERIFY_FRONTEND, CLUSTER);
        assertTrue(finding.message().contains("\"frontend.example.test\" (serverName)"), finding.message());
        ConfigFinding mismatch = only(config, ConfigCode.TLS_FRONTEND_CERT_NAME_MISMATCH, FRONTEND);
        assertTrue(mismatch.message().contains("frontend.example.test"), mismatch.message());
    }

    @Test
    void clusterTlsOverTchannelIsIgnored() throws IOException {
        CadenceConfig config = load(ConfigFixture.goodFrontend() + """
                clusterGroupMetadata:
                  currentClusterName: cluster0
                  clusterGroup:
                    cluster0:
                      enabled: true
                      rpcAddress: "localhost:7933"
                      tls:
                        enabled: true
                """);

        ConfigFinding finding = only(config, ConfigCode.TLS_CLUSTER_TLS_IGNORED, CLUSTER);
        assertTrue(finding.message().contains("rpcTransport is tchannel (Cadence's default when unset)"), finding.message());
        assertNoFinding(config, ConfigCode.TLS_CLUSTER_NO_CLIENT_CERT);
    }

    @Test
    void clientAuthOnlyFrontendLacksServerAuth() throws IOException {
        fixture.writeIssued("certs/client-only", TestPki.leaf(fixture.ca, "cadence-frontend", TestPki.FRONTEND_NAMES,
                List.of(KeyPurposeId.id_kp_clientAuth), TestPki.KeyType.EC_P256, ConfigFixture.NOW, ConfigFixture.UNTIL));
        CadenceConfig config = load(ConfigFixture.goodFrontend().replace("certs/frontend.", "certs/client-only."));

        ConfigFinding finding = only(config, ConfigCode.TLS_SERVER_CERT_NO_SERVER_AUTH, FRONTEND);
        assertTrue(finding.message().contains("has the extended key usages clientAuth but not serverAuth"), finding.message());
    }

    @Test
    void serverAuthOnlyHistoryLacksClientAuth() throws IOException {
        fixture.writeIssued("certs/history", TestPki.leaf(fixture.ca, "cadence-history", List.of("localhost"),
                List.of(KeyPurposeId.id_kp_serverAuth), TestPki.KeyType.EC_P256, ConfigFixture.NOW, ConfigFixture.UNTIL));
        CadenceConfig config = load(ConfigFixture.goodFrontend() + """
                  history:
                    rpc:
                      tls:
                        enabled: true
                        certFile: certs/history.crt
                        keyFile: certs/history.key
                        caFiles: [certs/ca.crt]
                        requireClientAuth: true
                        enableHostVerification: true
                """);

        ConfigFinding finding = only(config, ConfigCode.TLS_CLIENT_CERT_NO_CLIENT_AUTH, "services.history.rpc.tls");
        assertTrue(finding.message().contains("present this same history certificate as their client certificate"), finding.message());
    }

    @Test
    void serverAuthOnlyClusterCertLacksClientAuth() throws IOException {
        fixture.writeIssued("certs/server-only", TestPki.leaf(fixture.ca, "worker", List.of(),
                List.of(KeyPurposeId.id_kp_serverAuth), TestPki.KeyType.EC_P256, ConfigFixture.NOW, ConfigFixture.UNTIL));
        CadenceConfig config = load(ConfigFixture.goodFrontend() + GOOD_CLUSTER.replace("certs/client.", "certs/server-only."));

        ConfigFinding finding = only(config, ConfigCode.TLS_CLIENT_CERT_NO_CLIENT_AUTH, CLUSTER);
        assertTrue(finding.message().contains("extended key usages are serverAuth, without clientAuth"), finding.message());
    }

    @Test
    void frontendCertificateWithoutSanIsReported() throws IOException {
        fixture.writeIssued("certs/no-san", TestPki.leaf(fixture.ca, "cadence-frontend", List.of(),
                List.of(KeyPurposeId.id_kp_serverAuth), TestPki.KeyType.EC_P256, ConfigFixture.NOW, ConfigFixture.UNTIL));
        CadenceConfig config = load(ConfigFixture.goodFrontend().replace("certs/frontend.", "certs/no-san."));

        ConfigFinding finding = only(config, ConfigCode.TLS_FRONTEND_CERT_NO_SAN, FRONTEND);
        assertTrue(finding.message().contains("its name is only in the CN"), finding.message());
        assertTrue(finding.message().contains("(127.0.0.1)"), finding.message());
        assertTrue(finding.fix().contains("subjectAltName=DNS:cadence-frontend"), finding.fix());
    }

    @Test
    void frontendSanMissingDialedNameIsReported() throws IOException {
        fixture.writeIssued("certs/dns-only", TestPki.leaf(fixture.ca, "cadence-frontend", List.of("cadence-frontend"),
                List.of(KeyPurposeId.id_kp_serverAuth), TestPki.KeyType.EC_P256, ConfigFixture.NOW, ConfigFixture.UNTIL));
        fixture.yaml("development.yaml", ConfigFixture.goodFrontend().replace("certs/frontend.", "certs/dns-only."));

        CadenceConfig config = CadenceConfigLoader.load(ConfigRequest.of(fixture.config).withEnvironment(Map.of())
                .withDialNames(List.of("cadence-frontend", "frontend.internal.test")));

        ConfigFinding finding = only(config, ConfigCode.TLS_FRONTEND_CERT_NAME_MISMATCH, FRONTEND);
        assertTrue(finding.message().startsWith("Clients reach the frontend as frontend.internal.test, 127.0.0.1,"), finding.message());
        assertTrue(finding.message().contains("an IP address must match an IP entry"), finding.message());
        assertTrue(finding.message().contains("DNS:cadence-frontend"), finding.message());
    }

    @Test
    void wildcardSanCoversOneLabel() throws IOException {
        fixture.writeIssued("certs/wildcard", TestPki.leaf(fixture.ca, "frontend", List.of("*.example.test", "127.0.0.1"),
                List.of(KeyPurposeId.id_kp_serverAuth), TestPki.KeyType.EC_P256, ConfigFixture.NOW, ConfigFixture.UNTIL));
        fixture.yaml("development.yaml", ConfigFixture.goodFrontend().replace("certs/frontend.", "certs/wildcard."));

        CadenceConfig good = CadenceConfigLoader.load(ConfigRequest.of(fixture.config).withEnvironment(Map.of())
                .withDialNames(List.of("frontend.example.test")));
        CadenceConfig deep = CadenceConfigLoader.load(ConfigRequest.of(fixture.config).withEnvironment(Map.of())
                .withDialNames(List.of("a.frontend.example.test")));

        assertNoFinding(good, ConfigCode.TLS_FRONTEND_CERT_NAME_MISMATCH);
        assertTrue(only(deep, ConfigCode.TLS_FRONTEND_CERT_NAME_MISMATCH, FRONTEND).message().contains("a.frontend.example.test"));
    }

    @Test
    void frontendWithoutTlsServesPlaintext() throws IOException {
        CadenceConfig config = load("services: {frontend: {rpc: {grpcPort: 7833}}}\n");

        ConfigFinding finding = only(config, ConfigCode.TLS_FRONTEND_PLAINTEXT, FRONTEND);
        assertEquals(Severity.INFO, finding.severity());
        assertTrue(finding.message().contains("the block is absent"), finding.message());
    }

    @Test
    void disabledBlockWithFilesIsIgnored() throws IOException {
        CadenceConfig config = load(frontendWith("""
                enabled: false
                certFile: certs/missing.crt
                keyFile: certs/missing.key
                requireClientAuth: true
                """));

        ConfigFinding finding = only(config, ConfigCode.TLS_DISABLED_BLOCK_HAS_SETTINGS, FRONTEND);
        assertTrue(finding.message().contains("sets certFile, keyFile, requireClientAuth"), finding.message());
        assertNoFinding(config, ConfigCode.TLS_FILE_MISSING);
    }

    @Test
    void eachNamedFileGetsCredentialFindings() throws Exception {
        CadenceConfig config = CadenceConfigLoader.load(ConfigRequest.of(CadenceDevLayout.configFolder()).withZone("tls")
                .withEnvironment(Map.of()));
        Path credentials = CadenceDevLayout.credentials();

        List<String> certificateCodes = config.fileCheck(credentials.resolve("keytest.crt")).orElseThrow().findings().stream()
                .map(io.mtlsstudio.handshake.Finding::code).toList();

        assertTrue(certificateCodes.contains("CERT_NO_SAN"), certificateCodes.toString());
        assertTrue(config.fileCheck(credentials.resolve("keytest")).isPresent());
        assertTrue(config.fileCheck(credentials.resolve("client.crt")).isPresent());
        assertFalse(config.fileCheck(credentials.resolve("client.key")).isPresent());
    }

    @Test
    void disabledBlockFilesAreNotInspected() throws IOException {
        CadenceConfig config = load(frontendWith("""
                enabled: false
                certFile: certs/frontend.crt
                keyFile: certs/frontend.key
                """));

        assertEquals(Map.of(), config.fileChecks());
    }

    @Test
    void developmentLayoutFindingsMatchCadenceDevCredentials() throws Exception {
        CadenceConfig config = CadenceConfigLoader.load(ConfigRequest.of(CadenceDevLayout.configFolder()).withZone("tls")
                .withEnvironment(Map.of()));

        ConfigFinding noSan = only(config, ConfigCode.TLS_FRONTEND_CERT_NO_SAN, FRONTEND);
        assertTrue(noSan.message().contains("has no subjectAltName and no CN"), noSan.message());
        assertTrue(noSan.message().contains("InsecureSkipVerify"), noSan.message());
        ConfigFinding selfSigned = only(config, ConfigCode.TLS_SELF_SIGNED_SERVER_CERT, FRONTEND);
        assertTrue(selfSigned.message().contains("self-signed and marked CA:TRUE"), selfSigned.message());
        only(config, ConfigCode.TLS_HOST_VERIFICATION_OFF, FRONTEND);
        assertEquals(Severity.ERROR, only(config, ConfigCode.TLS_CLUSTER_NO_CLIENT_CERT, CLUSTER).severity());
        assertNoFinding(config, ConfigCode.TLS_KEY_MISMATCH);
        assertNoFinding(config, ConfigCode.TLS_FILE_MISSING);
        assertNoFinding(config, ConfigCode.TLS_CLIENT_CA_IS_LEAF);
    }
}
