package io.mtlsstudio.handshake;

/**
 * Stable identifiers of what the probe found, each with the step it belongs to and its weight.
 * The names are part of the command-line contract; never rename one.
 */
public enum FailureCode {
    UNKNOWN_HOST(StepId.CONNECT, Severity.ERROR),
    CONNECTION_REFUSED(StepId.CONNECT, Severity.ERROR),
    CONNECT_TIMEOUT(StepId.CONNECT, Severity.ERROR),
    NO_ROUTE(StepId.CONNECT, Severity.ERROR),
    CONNECT_FAILED(StepId.CONNECT, Severity.ERROR),

    HANDSHAKE_TIMEOUT(StepId.SERVER_CERTIFICATE, Severity.ERROR),
    PEER_RESET(StepId.SERVER_CERTIFICATE, Severity.ERROR),
    PEER_CLOSED(StepId.SERVER_CERTIFICATE, Severity.ERROR),
    SERVER_PLAINTEXT(StepId.SERVER_CERTIFICATE, Severity.ERROR),
    SERVER_HTTP1(StepId.SERVER_CERTIFICATE, Severity.ERROR),
    SERVER_NOT_TLS(StepId.SERVER_CERTIFICATE, Severity.ERROR),
    TLS_HANDSHAKE_FAILED(StepId.SERVER_CERTIFICATE, Severity.ERROR),

    SERVER_CERT_UNTRUSTED(StepId.VERIFY_SERVER, Severity.ERROR),
    SERVER_NAME_MISMATCH(StepId.VERIFY_SERVER, Severity.ERROR),
    SERVER_CERT_EXPIRED(StepId.VERIFY_SERVER, Severity.ERROR),
    SERVER_CERT_NOT_YET_VALID(StepId.VERIFY_SERVER, Severity.ERROR),
    SERVER_CERT_NO_SERVER_AUTH(StepId.VERIFY_SERVER, Severity.ERROR),

    CLIENT_CERT_NOT_REQUESTED(StepId.CLIENT_CERTIFICATE, Severity.INFO),
    CLIENT_CERT_NOT_SENT(StepId.CLIENT_CERTIFICATE, Severity.WARNING),

    CLIENT_CERT_REQUIRED(StepId.VERIFY_CLIENT, Severity.ERROR),
    CLIENT_CERT_REJECTED(StepId.VERIFY_CLIENT, Severity.ERROR),

    SERVER_EXPECTS_TLS(StepId.ACCESS_GRANTED, Severity.ERROR),
    ALPN_NO_H2(StepId.ACCESS_GRANTED, Severity.ERROR),
    RESPONSE_TIMEOUT(StepId.ACCESS_GRANTED, Severity.ERROR),
    CONNECTION_LOST(StepId.ACCESS_GRANTED, Severity.ERROR),

    NOT_CADENCE(StepId.ENCRYPTED_CHANNEL, Severity.ERROR),
    CADENCE_METADATA_REJECTED(StepId.ENCRYPTED_CHANNEL, Severity.ERROR),
    CADENCE_WARMING_UP(StepId.ENCRYPTED_CHANNEL, Severity.ERROR),
    CADENCE_SHUTTING_DOWN(StepId.ENCRYPTED_CHANNEL, Severity.ERROR),
    HEALTH_NOT_OK(StepId.ENCRYPTED_CHANNEL, Severity.ERROR),
    CALL_FAILED(StepId.ENCRYPTED_CHANNEL, Severity.ERROR),
    PLAINTEXT_CHANNEL(StepId.ENCRYPTED_CHANNEL, Severity.WARNING),

    CANCELLED(null, Severity.ERROR);

    private final StepId step;
    private final Severity severity;

    FailureCode(StepId step, Severity severity) {
        this.step = step;
        this.severity = severity;
    }

    /** Returns the step this code is normally reported at; null for CANCELLED, which lands on the running step. */
    public StepId step() {
        return step;
    }

    public Severity severity() {
        return severity;
    }

    public Finding finding(String subject, String message, String fix) {
        return new Finding(name(), severity, step, subject, message, fix);
    }

    public Finding finding(StepId at, String subject, String message, String fix) {
        return new Finding(name(), severity, at, subject, message, fix);
    }
}
