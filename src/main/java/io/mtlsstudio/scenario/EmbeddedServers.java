package io.mtlsstudio.scenario;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendEvent;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.Target;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One embedded frontend per server mode that a run needs, each on a free port of 127.0.0.1.
 * It also records the mutual TLS frontend's verdict on each client certificate it judged.
 */
final class EmbeddedServers implements AutoCloseable {

    private final Map<ServerMode, EmbeddedFrontend> frontends = new EnumMap<>(ServerMode.class);
    private final Map<X509Certificate, String> verdicts = new ConcurrentHashMap<>();

    private EmbeddedServers() {
    }

    /**
     * Starts the frontends; when one fails to start, stops those already started.
     *
     * @throws IOException with a message that names the mode and the cause
     */
    static EmbeddedServers start(Set<ServerMode> modes, RunCredentials credentials) throws IOException {
        boolean needsTls = modes.contains(ServerMode.MUTUAL_TLS) || modes.contains(ServerMode.TLS_ONLY);
        if (needsTls && !KeyPairs.belongsTo(credentials.serverKey(), credentials.serverChain().get(0))) {
            throw new IOException("The private key given for the embedded frontends does not belong to their certificate "
                    + credentials.serverChain().get(0).getSubjectX500Principal().getName()
                    + ". Give the key of that certificate, or leave both out to have a frontend certificate issued in memory.");
        }

        EmbeddedServers servers = new EmbeddedServers();
        try {
            for (ServerMode mode : modes) {
                servers.startOne(mode, credentials);
            }
            return servers;
        } catch (IOException | RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    private void startOne(ServerMode mode, RunCredentials credentials) throws IOException {
        FrontendSettings settings = switch (mode) {
            case UNSECURED -> FrontendSettings.plaintext(0);
            case TLS_ONLY -> FrontendSettings.tls(0, credentials.serverChain(), credentials.serverKey());
            case MUTUAL_TLS -> FrontendSettings.mutualTls(0, credentials.serverChain(), credentials.serverKey(),
                    credentials.clientCas());
        };
        EmbeddedFrontend frontend;
        try {
            frontend = EmbeddedFrontend.start(settings);
        } catch (IOException e) {
            throw new IOException("The embedded " + mode.title() + " frontend could not start: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("The embedded " + mode.title() + " frontend could not start: " + e.getMessage(), e);
        }
        frontend.addListener(this::record);
        frontends.put(mode, frontend);
    }

    private void record(FrontendEvent event) {
        if (event.clientChain().isEmpty()) {
            return;
        }
        switch (event.kind()) {
            case CLIENT_CERTIFICATE_ACCEPTED -> verdicts.put(event.clientChain().get(0), "accepted: " + event.detail());
            case CLIENT_CERTIFICATE_REJECTED -> verdicts.put(event.clientChain().get(0), "rejected: " + event.detail());
            default -> {
            }
        }
    }

    /** Returns the frontend's address for a mode it runs. */
    Target target(ServerMode mode) {
        EmbeddedFrontend frontend = frontends.get(mode);
        if (frontend == null) {
            throw new IllegalStateException("No embedded frontend runs in mode " + mode);
        }
        return Target.parse(frontend.target());
    }

    /**
     * Removes and returns the mutual TLS frontend's verdict on a client certificate, or returns an
     * empty string when it judged none. The trust manager records the verdict before the server
     * sends its alert or any application data, so the verdict is in place once the probe has
     * seen either.
     */
    String takeVerdict(X509Certificate leaf) {
        String verdict = verdicts.remove(leaf);
        return verdict == null ? "" : verdict;
    }

    @Override
    public void close() {
        for (EmbeddedFrontend frontend : frontends.values()) {
            frontend.close();
        }
        frontends.clear();
    }
}
