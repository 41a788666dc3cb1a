package io.mtlsstudio.cadence.config;

import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.CredentialFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the files a TLS block refers to, once each, and checks each file on its own: that it
 * exists, is PEM as Go's crypto/tls requires, loads as a certificate or key, and that its
 * certificates are within their validity period.
 */
final class TlsFileChecks {

    /** A problem found in one file, not yet tied to the block that names the file. */
    private record Problem(ConfigCode code, String message, String fix) {
    }

    /** A file's load result, computed once and reported for every block that names the file. */
    private record Loaded<T>(Optional<T> value, List<Problem> problems) {
    }

    private final List<ConfigFinding> findings;
    private final Map<String, Loaded<List<X509Certificate>>> certificates = new HashMap<>();
    private final Map<Path, Loaded<PrivateKey>> keys = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final Instant now;

    TlsFileChecks(List<ConfigFinding> findings, Instant now) {
        this.findings = findings;
        this.now = now;
    }

    /** Loads a certFile or CA file; empty when it does not load, and then the block gets the reason as a finding. */
    Optional<List<X509Certificate>> certificates(TlsBlock block, TlsSetting<?> setting, Path file, String role) {
        Loaded<List<X509Certificate>> loaded = certificates.computeIfAbsent(role + " " + file, unused -> loadCertificates(block, setting, file, role));
        loaded.problems().forEach(problem -> report(problem.code(), block, setting, file, problem.message(), problem.fix()));
        return loaded.value();
    }

    /** Loads a keyFile; empty when it does not load, and then the block gets the reason as a finding. */
    Optional<PrivateKey> privateKey(TlsBlock block, TlsSetting<?> setting, Path file) {
        Loaded<PrivateKey> loaded = keys.computeIfAbsent(file, f -> loadKey(block, setting, f));
        loaded.problems().forEach(problem -> report(problem.code(), block, setting, file, problem.message(), problem.fix()));
        return loaded.value();
    }

    private Loaded<List<X509Certificate>> loadCertificates(TlsBlock block, TlsSetting<?> setting, Path file, String role) {
        List<Problem> problems = new ArrayList<>();
        if (!exists(block, setting, file, role, problems) || !isPem(setting, file, role, problems)) {
            return new Loaded<>(Optional.empty(), problems);
        }
        try {
            List<X509Certificate> chain = CredentialFiles.readCertificates(file);
            checkValidity(setting, file, chain, problems);
            return new Loaded<>(Optional.of(chain), problems);
        } catch (CredentialException e) {
            problems.add(unreadable(setting, role, e.getMessage()));
            return new Loaded<>(Optional.empty(), problems);
        }
    }

    private Loaded<PrivateKey> loadKey(TlsBlock block, TlsSetting<?> setting, Path file) {
        List<Problem> problems = new ArrayList<>();
        if (!exists(block, setting, file, "private key", problems) || !isPem(setting, file, "private key", problems)) {
            return new Loaded<>(Optional.empty(), problems);
        }
        try {
            return new Loaded<>(Optional.of(CredentialFiles.readPrivateKey(file)), problems);
        } catch (CredentialException e) {
            problems.add(unreadable(setting, "private key", e.getMessage()));
            return new Loaded<>(Optional.empty(), problems);
        }
    }

    private static boolean exists(TlsBlock block, TlsSetting<?> setting, Path file, String role, List<Problem> problems) {
        if (Files.isRegularFile(file)) {
            return true;
        }
        String written = setting.value() instanceof String text ? text : file.toString();
        String relative = Path.of(written).isAbsolute() ? ""
                : " The path is relative, so the server resolves it against its working directory, taken here as "
                + block.workingDirectory() + ".";
        problems.add(new Problem(ConfigCode.TLS_FILE_MISSING,
                "The " + role + " file " + file + " does not exist." + relative
                        + " The server cannot load it and stops at start.",
                "Correct the path, or start the server from the directory the relative paths are written for; "
                        + "mTLS Studio can resolve them against another working directory if you choose one."));
        return false;
    }

    private static boolean isPem(TlsSetting<?> setting, Path file, String role, List<Problem> problems) {
        byte[] start = new byte[4096];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            problems.add(new Problem(ConfigCode.TLS_FILE_UNREADABLE, file + " (" + role + ") cannot be read: " + e.getMessage() + ".",
                    "Check the file's owner and mode."));
            return false;
        }
        if (new String(start, 0, read, StandardCharsets.ISO_8859_1).contains("-----BEGIN ")) {
            return true;
        }
        boolean caFile = setting.key().startsWith("caFile");
        String consequence = caFile
                ? "Go's AppendCertsFromPEM skips anything that is not PEM without an error, so this file adds no CA: "
                + "every peer certificate it should vouch for is rejected."
                : "Go's tls.LoadX509KeyPair reads PEM only, so the server stops at start with \"failed to find any PEM data\".";
        String command = role.equals("private key")
                ? "openssl pkey -inform DER -in " + file + " -out " + file + ".pem"
                : "openssl x509 -inform DER -in " + file + " -out " + file + ".pem";
        problems.add(new Problem(ConfigCode.TLS_FILE_NOT_PEM,
                file + " (" + role + ") is not PEM: it has no \"-----BEGIN\" line. " + consequence,
                "Convert it to PEM and point the configuration at the new file: " + command));
        return false;
    }

    private static Problem unreadable(TlsSetting<?> setting, String role, String reason) {
        return new Problem(ConfigCode.TLS_FILE_UNREADABLE,
                "The " + role + " file does not load: " + reason,
                "Point " + setting.key() + " at the " + role + " file, PEM-encoded.");
    }

    private void checkValidity(TlsSetting<?> setting, Path file, List<X509Certificate> chain, List<Problem> problems) {
        for (X509Certificate certificate : chain) {
            String subject = CertificateFacts.describe(certificate);
            try {
                certificate.checkValidity(java.util.Date.from(now));
            } catch (CertificateExpiredException e) {
                problems.add(new Problem(ConfigCode.TLS_CERT_EXPIRED,
                        "The certificate " + subject + " in " + file + " expired on " + certificate.getNotAfter().toInstant()
                                + "; this machine's clock reads " + now + ". Peers reject it with alert certificate_expired or bad_certificate.",
                        "Issue a new certificate and point " + setting.key() + " at it; check dates with: openssl x509 -noout -dates -in " + file));
            } catch (CertificateNotYetValidException e) {
                problems.add(new Problem(ConfigCode.TLS_CERT_NOT_YET_VALID,
                        "The certificate " + subject + " in " + file + " is valid only from " + certificate.getNotBefore().toInstant()
                                + "; this machine's clock reads " + now + ".",
                        "Check the clocks of this machine and of the machine that issued the certificate, or reissue it with an earlier notBefore."));
            }
        }
    }

    /** Checks that keyFile contains the private key of the first certificate in certFile, as Go requires. */
    void checkKeyMatches(TlsBlock block, List<X509Certificate> chain, PrivateKey key, Path certFile, Path keyFile) {
        if (chain.isEmpty() || keysMatch(chain.get(0).getPublicKey(), key).orElse(true)) {
            return;
        }
        String belongs = "";
        for (int i = 1; i < chain.size(); i++) {
            if (keysMatch(chain.get(i).getPublicKey(), key).orElse(false)) {
                belongs = " It belongs to certificate " + (i + 1) + " in the file, " + CertificateFacts.describe(chain.get(i))
                        + "; Go takes the first certificate as the leaf, so put the leaf first.";
            }
        }
        report(ConfigCode.TLS_KEY_MISMATCH, block, block.keyFile(), keyFile,
                keyFile + " is not the private key of " + CertificateFacts.describe(chain.get(0)) + " in " + certFile + "." + belongs
                        + " The server stops at start with \"tls: private key does not match public key\".",
                "Pair each certificate with the key it was issued for; compare them with: openssl x509 -noout -pubkey -in " + certFile
                        + " and openssl pkey -pubout -in " + keyFile);
    }

    /** Returns whether {@code key} signs what {@code publicKey} verifies; empty when the algorithm is not one to test. */
    static Optional<Boolean> keysMatch(PublicKey publicKey, PrivateKey key) {
        if (!publicKey.getAlgorithm().equals(key.getAlgorithm())) {
            return Optional.of(false);
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
        if (algorithm == null) {
            return Optional.empty();
        }
        byte[] probe = "mtls-studio key pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return Optional.of(verifier.verify(signature));
        } catch (GeneralSecurityException e) {
            return Optional.of(false);
        }
    }

    /** Adds a finding unless the same code was already reported for the same block and file. */
    void report(ConfigCode code, TlsBlock block, TlsSetting<?> setting, Path file, String message, String fix) {
        if (!reported.add(code + " " + block.path() + " " + file)) {
            return;
        }
        findings.add(ConfigFinding.of(code, block.path(), setting.location(), file.toString(), message, fix));
    }

}
