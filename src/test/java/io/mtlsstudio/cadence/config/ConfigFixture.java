package io.mtlsstudio.cadence.config;

import io.mtlsstudio.pki.PemFiles;
import io.mtlsstudio.pki.TestPki;
import org.bouncycastle.asn1.x509.KeyPurposeId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Cadence checkout laid out in a temporary folder: {@code config/} with YAML layers, and
 * {@code certs/} with a test PKI whose files the YAML refers to by relative paths.
 */
final class ConfigFixture {

    static final Instant NOW = Instant.now().minus(Duration.ofMinutes(1));
    static final Instant UNTIL = NOW.plus(Duration.ofDays(30));

    final Path root;
    final Path config;
    final TestPki.Issued ca;
    final TestPki.Issued frontend;
    final TestPki.Issued client;

    ConfigFixture(Path root) {
        this.root = root;
        this.config = root.resolve("config");
        ca = TestPki.rootCa("Fixture Root CA", TestPki.KeyType.EC_P256, NOW, UNTIL);
        frontend = TestPki.leaf(ca, "cadence-frontend", TestPki.FRONTEND_NAMES,
                List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth), TestPki.KeyType.EC_P256, NOW, UNTIL);
        client = TestPki.leaf(ca, "fixture-client", List.of(), List.of(KeyPurposeId.id_kp_clientAuth), TestPki.KeyType.EC_P256, NOW, UNTIL);
        try {
            Files.createDirectories(config);
            writeIssued("certs/frontend", frontend);
            writeIssued("certs/client", client);
            certificate("certs/ca.crt", ca.certificate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a YAML layer under config/. */
    ConfigFixture yaml(String name, String text) throws IOException {
        Files.writeString(config.resolve(name), text, StandardCharsets.UTF_8);
        return this;
    }

    void writeIssued(String stem, TestPki.Issued issued) throws IOException {
        certificate(stem + ".crt", issued.certificate());
        Path key = root.resolve(stem + ".key");
        Files.createDirectories(key.getParent());
        PemFiles.writePrivateKey(key, issued.key());
    }

    void certificate(String relative, X509Certificate... certificates) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        PemFiles.writeCertificates(file, List.of(certificates));
    }

    /** Loads config/ with env development and the given zone, without process environment variables. */
    CadenceConfig load(String zone) throws CadenceConfigException {
        return CadenceConfigLoader.load(ConfigRequest.of(config).withZone(zone).withEnvironment(Map.of()));
    }

    /** Returns a frontend block that passes every check: mutual TLS with host verification on. */
    static String goodFrontend() {
        return """
                services:
                  frontend:
                    rpc:
                      grpcPort: 7833
                      bindOnLocalHost: true
                      tls:
                        enabled: true
                        certFile: certs/frontend.crt
                        keyFile: certs/frontend.key
                        caFiles:
                          - certs/ca.crt
                        requireClientAuth: true
                        enableHostVerification: true
                """;
    }
}
