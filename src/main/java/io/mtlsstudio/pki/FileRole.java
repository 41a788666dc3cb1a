package io.mtlsstudio.pki;

/** What a file is expected to hold. */
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
