package io.mtlsstudio.ui.chain;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.pki.CertificateDetails;
import io.mtlsstudio.pki.CertificateSource;
import io.mtlsstudio.pki.Inspection;

import java.nio.file.Path;
import java.util.List;

/**
 * One side of the Certificates tab: where its certificates come from, the engine's inspection of
 * them, and a message while there is nothing to show.
 *
 * @param side       client or server
 * @param origin     where the certificates come from, as one line
 * @param inspection the chains and findings, or null while there is none
 * @param message    what the tree shows in place of chains when {@code inspection} is null
 * @param sentChain  for the server side, the temporary file the received chain was inspected from;
 *                   its name is replaced by {@code sentLabel} wherever it is shown. Null for the client side.
 * @param sentLabel  the words shown in place of {@code sentChain}
 */
public record ChainSide(Side side, String origin, Inspection inspection, String message, Path sentChain, String sentLabel) {

    /** The side of the connection. */
    public enum Side {
        CLIENT("Client certificate"),
        SERVER("Server certificate");

        private final String title;

        Side(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Creates a side with nothing to show yet, and the reason. */
    public static ChainSide empty(Side side, String message) {
        return new ChainSide(side, "", null, message, null, null);
    }

    public boolean hasChains() {
        return inspection != null && !inspection.chains().isEmpty();
    }

    /** Returns where a certificate came from, for example "client.crt" or "sent by the server, position 2". */
    public String sourceLabel(CertificateDetails certificate) {
        CertificateSource source = certificate.source();
        if (sentChain != null && sentChain.equals(source.file())) {
            return sentLabel + ", position " + source.index();
        }
        return source.label();
    }

    /** Returns the findings of the inspection, with the temporary file of a received chain named as the chain it holds. */
    public List<Finding> findings() {
        if (inspection == null) {
            return List.of();
        }
        if (sentChain == null) {
            return inspection.findings();
        }
        String file = sentChain.toString();
        return inspection.findings().stream().map(finding -> new Finding(finding.code(), finding.severity(), finding.step(),
                finding.subject().replace(file, sentLabel), finding.message().replace(file, sentLabel),
                finding.fix().replace(file, sentLabel))).toList();
    }
}
