package io.mtlsstudio.pki;

/**
 * The link between a certificate and the certificate that issued it.
 *
 * @param certificate       the certificate
 * @param issuer            the certificate found as its issuer (itself for a self-signed certificate)
 * @param issuerNameMatches the issuer's subject equals the certificate's issuer name
 * @param keyIdentifier     the certificate's authority key identifier against the issuer's subject key identifier
 * @param signatureVerified the issuer's public key verifies the certificate's signature
 */
public record ChainLink(CertificateDetails certificate, CertificateDetails issuer, boolean issuerNameMatches,
                        KeyIdentifierMatch keyIdentifier, boolean signatureVerified) {

    /** The comparison of the authority key identifier with the issuer's subject key identifier. */
    public enum KeyIdentifierMatch {
        MATCH,
        MISMATCH,
        /** One of the two extensions is absent, so there is nothing to compare. */
        NOT_PRESENT
    }

    static ChainLink between(CertificateDetails certificate, CertificateDetails issuer) {
        boolean names = certificate.certificate().getIssuerX500Principal().equals(issuer.certificate().getSubjectX500Principal());
        KeyIdentifierMatch keys;
        if (certificate.authorityKeyIdentifier() == null || issuer.subjectKeyIdentifier() == null) {
            keys = KeyIdentifierMatch.NOT_PRESENT;
        } else {
            keys = certificate.authorityKeyIdentifier().equals(issuer.subjectKeyIdentifier()) ? KeyIdentifierMatch.MATCH : KeyIdentifierMatch.MISMATCH;
        }
        boolean verified = certificate == issuer ? certificate.selfSigned()
                : CertificateDetails.verifiedBy(certificate.certificate(), issuer.certificate());
        return new ChainLink(certificate, issuer, names, keys, verified);
    }

    public boolean isSelfLink() {
        return certificate == issuer;
    }
}
