package io.mtlsstudio.pki;

/** The content a file is expected to have. */
public enum FileRole {
    /** Any credential: certificate chain, private key, both, or a keystore. */
    CREDENTIAL,
    /** The certificate chain of this side, leaf first. */
    CERTIFICATE,
    /** The private key of this side's certificate. */
    PRIVATE_KEY,
    /** CA certificates that the peer trusts. */
    CA
}
