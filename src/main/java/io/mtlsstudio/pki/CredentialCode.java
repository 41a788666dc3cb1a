package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;

/**
 * Stable identifiers of what the inspection of credential files found, each with its usual weight.
 * The names are part of the command-line contract ({@code inspect --json}); never rename one.
 */
public enum CredentialCode {
    FILE_NOT_FOUND(Severity.ERROR),
    FILE_UNREADABLE(Severity.ERROR),
    FILE_EMPTY(Severity.ERROR),
    FILE_UNRECOGNIZED(Severity.ERROR),
    FILE_DER(Severity.WARNING),
    FILE_PKCS7(Severity.WARNING),
    FILE_KEYSTORE(Severity.INFO),
    FILE_NO_CERTIFICATE(Severity.ERROR),
    FILE_NO_KEY(Severity.ERROR),
    PEM_BLOCK_CORRUPT(Severity.ERROR),
    BUNDLE_MULTIPLE(Severity.INFO),

    KEY_PKCS1(Severity.WARNING),
    KEY_SEC1(Severity.WARNING),
    KEY_ENCRYPTED(Severity.WARNING),
    KEY_PASSWORD_REQUIRED(Severity.ERROR),
    KEY_WRONG_PASSWORD(Severity.ERROR),
    KEY_CERT_MISMATCH(Severity.ERROR),
    KEY_RSA_TOO_SHORT(Severity.WARNING),

    KEYSTORE_ALIAS_NOT_FOUND(Severity.ERROR),
    KEYSTORE_NO_KEY(Severity.WARNING),
    KEYSTORE_MULTIPLE_KEYS(Severity.INFO),

    CERT_EXPIRED(Severity.ERROR),
    CERT_NOT_YET_VALID(Severity.ERROR),
    CERT_EXPIRES_SOON(Severity.WARNING),
    CERT_NO_SAN(Severity.WARNING),
    CERT_NAME_MISMATCH(Severity.ERROR),
    CERT_IP_NOT_IN_SAN(Severity.ERROR),
    CERT_SELF_SIGNED(Severity.WARNING),
    CERT_SHA1_SIGNATURE(Severity.WARNING),
    EKU_NO_CLIENT_AUTH(Severity.ERROR),
    EKU_NO_SERVER_AUTH(Severity.ERROR),
    KU_NO_DIGITAL_SIGNATURE(Severity.WARNING),

    CA_FILE_HAS_LEAF(Severity.ERROR),
    CA_FILE_HAS_KEY(Severity.WARNING),
    CA_NO_KEY_CERT_SIGN(Severity.ERROR),

    CHAIN_UNTRUSTED(Severity.ERROR),
    CHAIN_INCOMPLETE(Severity.ERROR),
    CHAIN_SIGNATURE_INVALID(Severity.ERROR),
    CHAIN_INVALID(Severity.ERROR),
    CHAIN_ORDER(Severity.WARNING);

    private final Severity severity;

    CredentialCode(Severity severity) {
        this.severity = severity;
    }

    /** The weight this code has unless the context changes it. */
    public Severity severity() {
        return severity;
    }

    /** Builds a finding about files only, so its step is null. */
    public Finding finding(String subject, String message, String fix) {
        return new Finding(name(), severity, null, subject, message, fix);
    }

    public Finding finding(Severity weight, String subject, String message, String fix) {
        return new Finding(name(), weight, null, subject, message, fix);
    }
}
