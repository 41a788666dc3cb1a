package io.mtlsstudio.handshake;

import java.util.Objects;

/**
 * A diagnosis with a stable code, what it concerns, what was found and what to do.
 *
 * @param code     stable identifier, for example {@code CLIENT_CERT_REJECTED}
 * @param severity ERROR, WARNING or INFO
 * @param step     the step it belongs to, or null for a finding about files only
 * @param subject  the file, certificate or address the finding concerns
 * @param message  what is wrong, in plain words
 * @param fix      the next action: a command or a setting
 */
public record Finding(String code, Severity severity, StepId step, String subject, String message, String fix) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        subject = subject == null ? "" : subject;
        message = message == null ? "" : message;
        fix = fix == null ? "" : fix;
    }
}
