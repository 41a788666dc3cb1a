package io.mtlsstudio.ui;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.SampleCredentials;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Probe runs recorded against the embedded frontend with the sample credentials, for replay and
 * export tests. Each kind of run is recorded once per test JVM.
 */
public final class RecordedRuns {

    /** What a recorded run was made of. */
    public enum Kind {
        SUCCESS_TLS_1_3("TLSv1.3", true, FrontendSettings.Mode.MUTUAL_TLS),
        NO_CLIENT_CERTIFICATE_TLS_1_3("TLSv1.3", false, FrontendSettings.Mode.MUTUAL_TLS),
        NO_CLIENT_CERTIFICATE_TLS_1_2("TLSv1.2", false, FrontendSettings.Mode.MUTUAL_TLS),
        SUCCESS_TLS_1_2("TLSv1.2", true, FrontendSettings.Mode.MUTUAL_TLS),
        PLAINTEXT(null, false, FrontendSettings.Mode.PLAINTEXT);

        private final String protocol;
        private final boolean clientCertificate;
        private final FrontendSettings.Mode mode;

        Kind(String protocol, boolean clientCertificate, FrontendSettings.Mode mode) {
            this.protocol = protocol;
            this.clientCertificate = clientCertificate;
            this.mode = mode;
        }
    }

    private static final Map<Kind, List<ProbeEvent>> RUNS = new ConcurrentHashMap<>();

    private RecordedRuns() {
    }

    public static List<ProbeEvent> get(Kind kind) {
        return RUNS.computeIfAbsent(kind, RecordedRuns::record);
    }

    private static List<ProbeEvent> record(Kind kind) {
        try {
            SampleCredentials samples = SampleCredentials.locate();
            FrontendSettings settings = switch (kind.mode) {
                case PLAINTEXT -> FrontendSettings.plaintext(0);
                case TLS -> FrontendSettings.tls(0, samples.loadFrontendChain(), samples.loadFrontendKey());
                case MUTUAL_TLS -> FrontendSettings.mutualTls(0, samples.loadFrontendChain(), samples.loadFrontendKey(),
                        samples.loadCa()).withProtocols(kind.protocol);
            };
            try (EmbeddedFrontend frontend = EmbeddedFrontend.start(settings)) {
                ProbeOptions.Builder options = ProbeOptions.builder(Target.parse(frontend.target())).observe(frontend);
                if (kind.mode == FrontendSettings.Mode.PLAINTEXT) {
                    options.plaintext();
                } else {
                    options.trustedCas(samples.loadCa());
                }
                if (kind.clientCertificate) {
                    options.clientCertificate(CredentialFiles.readCertificates(samples.clientCertificate()),
                            CredentialFiles.readPrivateKey(samples.clientKey()));
                }
                List<ProbeEvent> events = new CopyOnWriteArrayList<>();
                HandshakeProbe.run(options.build(), events::add);
                return List.copyOf(events);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Recording the " + kind + " run failed", e);
        }
    }
}
