package io.mtlsstudio.cadence.config;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;

import java.util.Objects;

/**
 * One result of checking a Cadence configuration.
 *
 * @param code      stable identifier
 * @param severity  ERROR, WARNING or INFO; usually the code's own, sometimes lowered for a remote cluster
 * @param blockPath the TLS block concerned, such as {@code services.frontend.rpc.tls}; empty for a whole file
 * @param location  where the key or value concerned is written; null when no single place is to blame
 * @param subject   the key, file or certificate concerned
 * @param message   what is wrong and what follows from it
 * @param fix       the next action
 */
public record ConfigFinding(ConfigCode code, Severity severity, String blockPath, YamlLocation location,
                            String subject, String message, String fix) {

    public ConfigFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        blockPath = blockPath == null ? "" : blockPath;
        subject = subject == null ? "" : subject;
        message = message == null ? "" : message;
        fix = fix == null ? "" : fix;
    }

    static ConfigFinding of(ConfigCode code, String blockPath, YamlLocation location, String subject,
                            String message, String fix) {
        return new ConfigFinding(code, code.severity(), blockPath, location, subject, message, fix);
    }

    /** Converts to the finding type of probe reports, with the location folded into the subject. */
    public Finding toFinding() {
        String where = location == null ? subject : subject + " (" + location + ")";
        return new Finding(code.name(), severity, null, where, message, fix);
    }
}
