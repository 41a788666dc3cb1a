package io.mtlsstudio.ui.chain;

import io.mtlsstudio.pki.CertificateChain;
import io.mtlsstudio.pki.CertificateDetails;
import io.mtlsstudio.pki.ChainLink;

/** An item of the certificate tree: a side, a certificate of one of its chains, or a message. */
public sealed interface ChainNode {

    /** The top item of a side. */
    record SideNode(ChainSide side) implements ChainNode {
    }

    /**
     * The certificate at {@code index} of a chain; its child is its issuer.
     *
     * @param index position in the chain, 0 for the leaf
     */
    record CertificateNode(ChainSide side, CertificateChain chain, int index) implements ChainNode {

        public CertificateDetails certificate() {
            return chain.certificates().get(index);
        }

        /** Returns the link from this certificate to its issuer, or null when no issuer was found. */
        public ChainLink link() {
            CertificateDetails certificate = certificate();
            return chain.links().stream().filter(link -> link.certificate() == certificate).findFirst().orElse(null);
        }
    }

    /** A line of text in place of chains. */
    record MessageNode(String text) implements ChainNode {
    }
}
