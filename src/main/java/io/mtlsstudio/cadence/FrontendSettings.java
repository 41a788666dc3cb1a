package io.mtlsstudio.cadence;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run the embedded frontend.
 *
 * @param host      address to bind, a loopback address unless the user chooses otherwise
 * @param port      port to bind, 0 for a free one
 * @param mode      plaintext, TLS, or mutual TLS
 * @param chain     the server certificate chain, leaf first; empty in plaintext mode
 * @param key       the server private key; null in plaintext mode
 * @param clientCas CA certificates that client certificates must chain to in mutual TLS mode
 * @param protocols TLS protocol versions to enable, for example {@code TLSv1.3}; empty for the JDK default
 * @param warmUp    how long Health answers {@code ok=false, "WarmingUp"} after start
 */
public record FrontendSettings(String host, int port, Mode mode, List<X509Certificate> chain, PrivateKey key,
                               List<X509Certificate> clientCas, List<String> protocols, Duration warmUp) {

    public enum Mode { PLAINTEXT, TLS, MUTUAL_TLS }

    public FrontendSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mode, "mode");
        chain = chain == null ? List.of() : List.copyOf(chain);
        clientCas = clientCas == null ? List.of() : List.copyOf(clientCas);
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        warmUp = warmUp == null ? Duration.ZERO : warmUp;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is outside 0-65535.");
        }
        if (mode != Mode.PLAINTEXT && (chain.isEmpty() || key == null)) {
            throw new IllegalArgumentException("A " + mode + " frontend needs a server certificate and its private key.");
        }
        if (mode == Mode.MUTUAL_TLS && clientCas.isEmpty()) {
            throw new IllegalArgumentException("A mutual TLS frontend needs at least one CA certificate to verify clients against.");
        }
    }

    public static FrontendSettings plaintext(int port) {
        return new FrontendSettings("127.0.0.1", port, Mode.PLAINTEXT, List.of(), null, List.of(), List.of(), Duration.ZERO);
    }

    public static FrontendSettings tls(int port, List<X509Certificate> chain, PrivateKey key) {
        return new FrontendSettings("127.0.0.1", port, Mode.TLS, chain, key, List.of(), List.of(), Duration.ZERO);
    }

    public static FrontendSettings mutualTls(int port, List<X509Certificate> chain, PrivateKey key,
                                             List<X509Certificate> clientCas) {
        return new FrontendSettings("127.0.0.1", port, Mode.MUTUAL_TLS, chain, key, clientCas, List.of(), Duration.ZERO);
    }

    public FrontendSettings withProtocols(String... versions) {
        return new FrontendSettings(host, port, mode, chain, key, clientCas, List.of(versions), warmUp);
    }

    public FrontendSettings withWarmUp(Duration duration) {
        return new FrontendSettings(host, port, mode, chain, key, clientCas, protocols, duration);
    }

    public FrontendSettings withHost(String bindHost) {
        return new FrontendSettings(bindHost, port, mode, chain, key, clientCas, protocols, warmUp);
    }
}
