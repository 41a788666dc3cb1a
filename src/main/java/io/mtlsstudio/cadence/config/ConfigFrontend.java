package io.mtlsstudio.cadence.config;

import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.CredentialFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The embedded frontend's settings taken from exactly the frontend's TLS block of a Cadence
 * configuration: plaintext when TLS is off, TLS when it is on, and mutual TLS with the block's
 * CA files as client CAs when {@code requireClientAuth} is on, as Cadence's Go server does.
 *
 * @param block     the frontend block the settings come from
 * @param mode      plaintext, TLS or mutual TLS
 * @param chain     the certificate chain from certFile, leaf first; empty in plaintext mode
 * @param key       the private key from keyFile; null in plaintext mode
 * @param clientCas the CA certificates from caFiles and caFile; empty unless mode is mutual TLS
 */
public record ConfigFrontend(TlsBlock block, FrontendSettings.Mode mode, List<X509Certificate> chain, PrivateKey key,
                             List<X509Certificate> clientCas) {

    /** Codes that stop the Go server from serving the frontend block, so the embedded one refuses too. */
    private static final Set<ConfigCode> BLOCKING = Set.of(ConfigCode.TLS_FILE_MISSING, ConfigCode.TLS_FILE_UNREADABLE,
            ConfigCode.TLS_FILE_NOT_PEM, ConfigCode.TLS_KEY_MISMATCH, ConfigCode.TLS_SERVER_CERT_MISSING,
            ConfigCode.TLS_CERT_KEY_INCOMPLETE, ConfigCode.TLS_CLIENT_AUTH_WITHOUT_CA, ConfigCode.TLS_INVALID_VALUE,
            ConfigCode.TLS_UNKNOWN_KEY);

    public ConfigFrontend {
        chain = List.copyOf(chain);
        clientCas = List.copyOf(clientCas);
    }

    /**
     * Reads the frontend block's files.
     *
     * @throws CadenceConfigException when the block cannot be served: a file is missing or does not
     *                                load, the key does not match, or client authentication has no CA
     */
    public static ConfigFrontend from(CadenceConfig config) throws CadenceConfigException {
        TlsBlock block = config.frontend();
        List<ConfigFinding> blocking = config.findings(block.path()).stream()
                .filter(finding -> finding.severity() == Severity.ERROR && BLOCKING.contains(finding.code())).toList();
        if (!blocking.isEmpty()) {
            StringBuilder message = new StringBuilder(block.path() + " cannot be served:");
            for (ConfigFinding finding : blocking) {
                message.append(System.lineSeparator()).append("  ").append(finding.code()).append(": ").append(finding.message());
                if (!finding.fix().isEmpty()) {
                    message.append(System.lineSeparator()).append("    Fix: ").append(finding.fix());
                }
            }
            throw new CadenceConfigException(blocking.get(0).code(), blocking.get(0).location(), message.toString());
        }

        if (!block.isEnabled()) {
            return new ConfigFrontend(block, FrontendSettings.Mode.PLAINTEXT, List.of(), null, List.of());
        }
        try {
            List<X509Certificate> chain = CredentialFiles.readCertificates(block.certificatePath().orElseThrow());
            PrivateKey key = CredentialFiles.readPrivateKey(block.keyPath().orElseThrow());
            if (!block.requireClientAuth().value()) {
                return new ConfigFrontend(block, FrontendSettings.Mode.TLS, chain, key, List.of());
            }
            return new ConfigFrontend(block, FrontendSettings.Mode.MUTUAL_TLS, chain, key, clientCas(block));
        } catch (CredentialException e) {
            throw new CadenceConfigException(ConfigCode.TLS_FILE_UNREADABLE, block.location(), e.getMessage(), e);
        }
    }

    /** Reads the CA files as Go's AppendCertsFromPEM does: PEM certificates only, other content skipped. */
    private static List<X509Certificate> clientCas(TlsBlock block) throws CredentialException, CadenceConfigException {
        List<X509Certificate> cas = new ArrayList<>();
        for (Path file : block.effectiveCaFiles()) {
            if (isPem(file)) {
                cas.addAll(CredentialFiles.readCertificates(file));
            }
        }
        if (cas.isEmpty()) {
            throw new CadenceConfigException(ConfigCode.TLS_CLIENT_AUTH_WITHOUT_CA, block.requireClientAuth().location(), block.path()
                    + " requires client certificates, but its CA files hold no PEM certificate to verify them against. "
                    + "List the CA that issued the client certificates under caFiles.");
        }
        return cas;
    }

    private static boolean isPem(Path file) throws CredentialException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE-----");
        } catch (java.io.IOException e) {
            throw new CredentialException(file, file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the embedded frontend's settings for this block.
     *
     * @param protocols TLS protocol names such as {@code TLSv1.3}; empty for the JDK's default
     */
    public FrontendSettings settings(String host, int port, List<String> protocols, java.time.Duration warmUp) {
        return new FrontendSettings(host, port, mode, chain, key, clientCas, protocols, warmUp);
    }
}
