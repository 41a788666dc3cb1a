package io.mtlsstudio.pki;

import java.util.List;

/**
 * The path from an end-entity certificate up to a trust anchor, or as far as the loaded files go.
 *
 * @param certificates leaf first, then each issuer found
 * @param links        one per certificate whose issuer was found (a self-signed top certificate links to itself)
 * @param status       how the path ends
 * @param anchor       the trust anchor reached, or null unless TRUSTED
 */
public record CertificateChain(List<CertificateDetails> certificates, List<ChainLink> links, Status status,
                               CertificateDetails anchor) {

    /** The outcome of a chain: where it ends. */
    public enum Status {
        /** It reaches a certificate of the CA files (or of the default trust store). */
        TRUSTED,
        /** It ends at a self-signed certificate that no CA file holds. */
        UNTRUSTED,
        /** It stops at a certificate whose issuer is in none of the files. */
        INCOMPLETE,
        /** An issuer with the right name did not sign the certificate below it, or the path loops. */
        INVALID,
        /** No CA file was given, so the end of the chain is not judged. */
        NOT_CHECKED
    }

    public CertificateChain {
        certificates = List.copyOf(certificates);
        links = List.copyOf(links);
    }

    public CertificateDetails leaf() {
        return certificates.get(0);
    }

    public CertificateDetails top() {
        return certificates.get(certificates.size() - 1);
    }
}
