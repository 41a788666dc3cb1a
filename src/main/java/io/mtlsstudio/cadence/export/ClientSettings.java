package io.mtlsstudio.cadence.export;

import io.mtlsstudio.cadence.Yarpc;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.handshake.TlsVersion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Connection settings of a Cadence client, which the exports write into code and commands.
 *
 * @param target               frontend {@code host:port}
 * @param serverName           name to send as SNI and to check the certificate against; null for the target host
 * @param tls                  false for a plaintext connection
 * @param clientCertificate    client certificate file (PEM), leaf first; null for none
 * @param clientKey            its private key file (PEM; PKCS#8 for Java clients); null for none
 * @param caFiles              CA files (PEM) to trust; empty for the platform's default trust store
 * @param tlsVersion           TLS versions to allow
 * @param hostnameVerification whether to check the certificate against the server name; the chain is checked either way
 * @param caller               the {@code rpc-caller} value
 * @param timeout              the deadline of each call
 */
public record ClientSettings(Target target, String serverName, boolean tls, Path clientCertificate, Path clientKey,
                             List<Path> caFiles, TlsVersion tlsVersion, boolean hostnameVerification, String caller,
                             Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ClientSettings {
        Objects.requireNonNull(target, "target");
        serverName = serverName == null || serverName.isBlank() ? null : serverName.strip();
        caFiles = caFiles == null ? List.of() : List.copyOf(caFiles);
        tlsVersion = tlsVersion == null ? TlsVersion.AUTO : tlsVersion;
        caller = caller == null || caller.isBlank() ? Yarpc.DEFAULT_CALLER : caller.strip();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new IllegalArgumentException("A client certificate needs its key file, and a key file needs its certificate.");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, not " + timeout + ".");
        }
    }

    public static Builder builder(Target target) {
        return new Builder(target);
    }

    /** Returns the name the client checks: the override, or the target host. */
    public String effectiveServerName() {
        return serverName != null ? serverName : target.host();
    }

    public boolean hasClientCertificate() {
        return clientCertificate != null;
    }

    public Optional<Path> firstCaFile() {
        return caFiles.stream().findFirst();
    }

    /** Fluent construction with the defaults of the connection form. */
    public static final class Builder {
        private final Target target;
        private String serverName;
        private boolean tls = true;
        private Path clientCertificate;
        private Path clientKey;
        private List<Path> caFiles = List.of();
        private TlsVersion tlsVersion = TlsVersion.AUTO;
        private boolean hostnameVerification = true;
        private String caller = Yarpc.DEFAULT_CALLER;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(Target target) {
            this.target = target;
        }

        public Builder serverName(String value) {
            serverName = value;
            return this;
        }

        public Builder tls(boolean value) {
            tls = value;
            return this;
        }

        public Builder clientCertificate(Path certificate, Path key) {
            clientCertificate = certificate;
            clientKey = key;
            return this;
        }

        public Builder caFiles(List<Path> files) {
            caFiles = files;
            return this;
        }

        public Builder tlsVersion(TlsVersion value) {
            tlsVersion = value;
            return this;
        }

        public Builder hostnameVerification(boolean value) {
            hostnameVerification = value;
            return this;
        }

        public Builder caller(String value) {
            caller = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public ClientSettings build() {
            return new ClientSettings(target, serverName, tls, clientCertificate, clientKey, caFiles, tlsVersion,
                    hostnameVerification, caller, timeout);
        }
    }
}
