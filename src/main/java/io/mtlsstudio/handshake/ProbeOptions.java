package io.mtlsstudio.handshake;

import io.mtlsstudio.cadence.EmbeddedFrontend;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one probe run: the target, the credentials and the TLS options.
 *
 * @param target               host and port to dial
 * @param serverName           name to send as SNI and to check the server certificate against; null for the target host
 * @param tls                  false for a plaintext (h2c) connection
 * @param clientChain          the client certificate chain, leaf first; empty for none
 * @param clientKey            the client private key; null for none
 * @param trustedCas           CA certificates to trust; empty for the JDK's default trust store
 * @param tlsVersion           TLS versions to offer
 * @param hostnameVerification whether the server certificate must match the server name
 * @param timeout              limit for the whole attempt: connect, handshake and Health call
 * @param caller               the {@code rpc-caller} value to send
 * @param observedFrontend     the embedded frontend being dialled, whose side of the connection joins the
 *                             report as the server lane; null for any other server
 */
public record ProbeOptions(Target target, String serverName, boolean tls, List<X509Certificate> clientChain,
                           PrivateKey clientKey, List<X509Certificate> trustedCas, TlsVersion tlsVersion,
                           boolean hostnameVerification, Duration timeout, String caller,
                           EmbeddedFrontend observedFrontend) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ProbeOptions {
        Objects.requireNonNull(target, "target");
        serverName = serverName == null || serverName.isBlank() ? null : serverName.strip();
        clientChain = clientChain == null ? List.of() : List.copyOf(clientChain);
        trustedCas = trustedCas == null ? List.of() : List.copyOf(trustedCas);
        tlsVersion = tlsVersion == null ? TlsVersion.AUTO : tlsVersion;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        caller = caller == null || caller.isBlank() ? "mtls-studio" : caller;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, not " + timeout + ".");
        }
        if (clientChain.isEmpty() != (clientKey == null)) {
            throw new IllegalArgumentException("A client certificate needs its private key, and a key needs its certificate.");
        }
    }

    public static Builder builder(Target target) {
        return new Builder(target);
    }

    /** Returns the name checked against the server certificate: the override, or the target host. */
    public String effectiveServerName() {
        return serverName != null ? serverName : target.host();
    }

    public boolean hasClientCertificate() {
        return clientKey != null;
    }

    /** Fluent construction with the defaults of the command line and the window. */
    public static final class Builder {
        private final Target target;
        private String serverName;
        private boolean tls = true;
        private List<X509Certificate> clientChain = List.of();
        private PrivateKey clientKey;
        private List<X509Certificate> trustedCas = List.of();
        private TlsVersion tlsVersion = TlsVersion.AUTO;
        private boolean hostnameVerification = true;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String caller = "mtls-studio";
        private EmbeddedFrontend observedFrontend;

        private Builder(Target target) {
            this.target = target;
        }

        public Builder serverName(String value) {
            serverName = value;
            return this;
        }

        public Builder plaintext() {
            tls = false;
            return this;
        }

        public Builder tls(boolean value) {
            tls = value;
            return this;
        }

        public Builder clientCertificate(List<X509Certificate> chain, PrivateKey key) {
            clientChain = chain;
            clientKey = key;
            return this;
        }

        public Builder trustedCas(List<X509Certificate> cas) {
            trustedCas = cas;
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

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder caller(String value) {
            caller = value;
            return this;
        }

        /** Records the embedded frontend's side of the connection as the report's server lane. */
        public Builder observe(EmbeddedFrontend frontend) {
            observedFrontend = frontend;
            return this;
        }

        public ProbeOptions build() {
            return new ProbeOptions(target, serverName, tls, clientChain, clientKey, trustedCas, tlsVersion,
                    hostnameVerification, timeout, caller, observedFrontend);
        }
    }
}
