package io.mtlsstudio.cadence.config;

import io.mtlsstudio.handshake.Severity;

/**
 * Stable identifiers of what the configuration check finds, each with its usual weight. The
 * names are part of the command-line and report contract; never rename one.
 */
public enum ConfigCode {
    /** The YAML text cannot be parsed; reported through {@link CadenceConfigException}. */
    YAML_SYNTAX(Severity.ERROR),
    /** None of base.yaml, ENV.yaml and ENV_ZONE.yaml exists; reported through {@link CadenceConfigException}. */
    CONFIG_FILES_NOT_FOUND(Severity.ERROR),
    /** The ENV.yaml or ENV_ZONE.yaml file that was asked for does not exist, and the server skips it silently. */
    CONFIG_LAYER_MISSING(Severity.WARNING),
    /** A key appears twice in one mapping; the server's strict YAML mode rejects the file. */
    YAML_DUPLICATE_KEY(Severity.ERROR),
    /** A layer replaces a mapping with a scalar or sequence, or the reverse; strict merging rejects it. */
    YAML_MERGE_CONFLICT(Severity.ERROR),
    /** A {@code $VAR} or {@code ${VAR}} reference names an unset variable and has no default. */
    YAML_ENV_VARIABLE_UNSET(Severity.ERROR),
    /** A key inside a TLS block that Cadence's TLS struct does not have; strict decoding rejects it. */
    TLS_UNKNOWN_KEY(Severity.ERROR),
    /** A TLS key has a value of the wrong type, such as a quoted "true" for a boolean. */
    TLS_INVALID_VALUE(Severity.ERROR),
    /** A TLS block sets files or options while {@code enabled} is false, so none of them take effect. */
    TLS_DISABLED_BLOCK_HAS_SETTINGS(Severity.INFO),
    /** The frontend's gRPC port serves without TLS. */
    TLS_FRONTEND_PLAINTEXT(Severity.INFO),
    /** A referenced certificate, key or CA file does not exist. */
    TLS_FILE_MISSING(Severity.ERROR),
    /** A referenced file exists but does not load as the certificate or key it should be. */
    TLS_FILE_UNREADABLE(Severity.ERROR),
    /** A referenced file is not PEM; Go's crypto/tls reads PEM only. */
    TLS_FILE_NOT_PEM(Severity.ERROR),
    /** Only one of certFile and keyFile is set, so Cadence loads neither. */
    TLS_CERT_KEY_INCOMPLETE(Severity.ERROR),
    /** A service's TLS block is enabled but has no certificate to present. */
    TLS_SERVER_CERT_MISSING(Severity.ERROR),
    /** keyFile is not the private key of certFile's certificate. */
    TLS_KEY_MISMATCH(Severity.ERROR),
    /** A certificate is past its notAfter date. */
    TLS_CERT_EXPIRED(Severity.ERROR),
    /** A certificate's notBefore date is in the future. */
    TLS_CERT_NOT_YET_VALID(Severity.ERROR),
    /** requireClientAuth is on but the block lists no CA file to verify client certificates against. */
    TLS_CLIENT_AUTH_WITHOUT_CA(Severity.ERROR),
    /** A CA file of a block with requireClientAuth contains a leaf certificate (CA:FALSE) instead of its issuer. */
    TLS_CLIENT_CA_IS_LEAF(Severity.ERROR),
    /** enableHostVerification is off, so Go skips every check of the server certificate when dialing with this block. */
    TLS_HOST_VERIFICATION_OFF(Severity.WARNING),
    /** A cluster block has TLS on but no client certificate, while the frontend requires one. */
    TLS_CLUSTER_NO_CLIENT_CERT(Severity.ERROR),
    /** The current cluster's client certificate does not chain to the frontend's client CA files. */
    TLS_CLUSTER_CERT_NOT_TRUSTED(Severity.ERROR),
    /** The current cluster's block would not accept the frontend's certificate. */
    TLS_CLUSTER_CANNOT_VERIFY_FRONTEND(Severity.ERROR),
    /** A cluster block has TLS on, but its rpcTransport is not grpc, so the block is not used. */
    TLS_CLUSTER_TLS_IGNORED(Severity.WARNING),
    /** A service certificate has an extended key usage extension without serverAuth. */
    TLS_SERVER_CERT_NO_SERVER_AUTH(Severity.ERROR),
    /** A certificate presented as a client certificate has an extended key usage extension without clientAuth. */
    TLS_CLIENT_CERT_NO_CLIENT_AUTH(Severity.ERROR),
    /** The frontend certificate has no subjectAltName, so clients that verify host names reject it. */
    TLS_FRONTEND_CERT_NO_SAN(Severity.WARNING),
    /** The frontend certificate has subjectAltName entries, but none for an address clients dial. */
    TLS_FRONTEND_CERT_NAME_MISMATCH(Severity.WARNING),
    /** The server certificate is self-signed, so clients must trust that very certificate as their CA. */
    TLS_SELF_SIGNED_SERVER_CERT(Severity.INFO);

    private final Severity severity;

    ConfigCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
