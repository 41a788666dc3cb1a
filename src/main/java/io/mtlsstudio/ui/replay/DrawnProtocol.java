package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.TlsVersion;

import java.util.List;

/**
 * The handshake flavour the diagram draws: TLS 1.3 and TLS 1.2 exchange different messages in
 * a different order, and plaintext has no handshake at all.
 */
public enum DrawnProtocol {
    TLS_1_3("TLS 1.3"),
    TLS_1_2("TLS 1.2"),
    PLAINTEXT("Plaintext (h2c)");

    private final String label;

    DrawnProtocol(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A protocol to draw, with a note that explains where the choice came from. */
    public record Choice(DrawnProtocol protocol, String note) {
    }

    /**
     * Chooses the protocol from what the run recorded: the negotiated version when there is
     * one, else the only version offered, else an inference from where the run stopped.
     */
    public static Choice choose(List<ProbeEvent> recording, TlsVersion offered) {
        ProbeReport report = null;
        String negotiated = null;
        for (ProbeEvent event : recording) {
            if (event instanceof ProbeEvent.RunStarted started && !started.tls()) {
                return new Choice(PLAINTEXT, "Plaintext: no TLS handshake, nothing is encrypted");
            }
            if (event instanceof ProbeEvent.EvidenceRecorded recorded && recorded.step() == StepId.ENCRYPTED_CHANNEL
                    && recorded.evidence().label().equals("Protocol")) {
                negotiated = recorded.evidence().value();
            }
            if (event instanceof ProbeEvent.RunFinished finished) {
                report = finished.report();
            }
        }
        if (negotiated == null && report != null && report.negotiated() != null) {
            negotiated = report.negotiated().protocol();
        }

        if ("TLSv1.3".equals(negotiated)) {
            return new Choice(TLS_1_3, "TLS 1.3, negotiated");
        }
        if ("TLSv1.2".equals(negotiated)) {
            return new Choice(TLS_1_2, "TLS 1.2, negotiated");
        }
        if (offered == TlsVersion.TLS_1_3) {
            return new Choice(TLS_1_3, "TLS 1.3, the only version offered");
        }
        if (offered == TlsVersion.TLS_1_2) {
            return new Choice(TLS_1_2, "TLS 1.2, the only version offered");
        }
        if (report != null && report.failedStep() == StepId.VERIFY_CLIENT) {
            // A TLS 1.3 client finishes its side of the handshake before the server judges its
            // certificate, so a rejection without a negotiated session points to TLS 1.2.
            return new Choice(TLS_1_2, "TLS 1.2, inferred: the server rejected the client certificate "
                    + "before the handshake completed");
        }
        return new Choice(TLS_1_3, report == null
                ? "Version not negotiated yet; drawn as TLS 1.3, the version offered first"
                : "Version not negotiated; drawn as TLS 1.3, the version offered first");
    }
}
