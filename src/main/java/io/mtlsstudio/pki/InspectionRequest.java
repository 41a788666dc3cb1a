package io.mtlsstudio.pki;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to inspect.
 *
 * @param files         credential files of the side being inspected: certificates, keys, keystores, intermediates
 * @param caFiles       the CA files the peer verifies this side with. For a client, these are the server's client
 *                      CA files. For a server, these are the CA files its clients trust.
 * @param serverName    for a server certificate, the name or IP address clients dial; null when unknown
 * @param purpose       the side the certificate is for
 * @param passwords     passwords for encrypted files, asked only when a file needs one
 * @param alias         the keystore key entry to use; null for the first one
 * @param now           the instant validity is judged at
 * @param expiryWarning how close to notAfter a certificate gets CERT_EXPIRES_SOON
 * @param defaultTrustStore for a server certificate without CA files, whether to judge the chain
 *                      against the JDK's default trust store, as the probe does
 */
public record InspectionRequest(List<Path> files, List<Path> caFiles, String serverName, Purpose purpose,
                                PasswordSource passwords, String alias, Instant now, Duration expiryWarning,
                                boolean defaultTrustStore) {

    public static final Duration DEFAULT_EXPIRY_WARNING = Duration.ofDays(30);

    public InspectionRequest {
        files = List.copyOf(files);
        caFiles = List.copyOf(caFiles);
        serverName = serverName == null || serverName.isBlank() ? null : serverName.strip();
        Objects.requireNonNull(purpose, "purpose");
        passwords = passwords == null ? PasswordSource.NONE : passwords;
        alias = alias == null || alias.isBlank() ? null : alias;
        now = now == null ? Instant.now() : now;
        expiryWarning = expiryWarning == null ? DEFAULT_EXPIRY_WARNING : expiryWarning;
    }

    public static Builder builder(Purpose purpose) {
        return new Builder(purpose);
    }

    /** Fluent construction; unset values take the defaults of the command line. */
    public static final class Builder {
        private final Purpose purpose;
        private List<Path> files = List.of();
        private List<Path> caFiles = List.of();
        private String serverName;
        private PasswordSource passwords = PasswordSource.NONE;
        private String alias;
        private Instant now;
        private Duration expiryWarning = DEFAULT_EXPIRY_WARNING;
        private boolean defaultTrustStore = true;

        private Builder(Purpose purpose) {
            this.purpose = purpose;
        }

        public Builder files(List<Path> value) {
            files = value;
            return this;
        }

        public Builder caFiles(List<Path> value) {
            caFiles = value;
            return this;
        }

        public Builder serverName(String value) {
            serverName = value;
            return this;
        }

        public Builder passwords(PasswordSource value) {
            passwords = value;
            return this;
        }

        public Builder alias(String value) {
            alias = value;
            return this;
        }

        public Builder now(Instant value) {
            now = value;
            return this;
        }

        public Builder expiryWarning(Duration value) {
            expiryWarning = value;
            return this;
        }

        public Builder defaultTrustStore(boolean value) {
            defaultTrustStore = value;
            return this;
        }

        public InspectionRequest build() {
            return new InspectionRequest(files, caFiles, serverName, purpose, passwords, alias, now, expiryWarning, defaultTrustStore);
        }
    }
}
