package io.mtlsstudio.ui.config;

import io.mtlsstudio.handshake.Severity;

/**
 * One finding of a loaded configuration, from the configuration checks or from the credential
 * check of a file that a block names.
 *
 * @param origin   which check reported it
 * @param code     stable identifier, such as {@code TLS_CLUSTER_NO_CLIENT_CERT} or {@code CERT_NO_SAN}
 * @param severity ERROR, WARNING or INFO
 * @param where    the block and {@code file:line}, or the file, that the finding concerns
 * @param message  what is wrong
 * @param fix      the next action; empty when there is none
 */
public record FindingRow(Origin origin, String code, Severity severity, String where, String message, String fix) {

    /** The check that reported a finding. */
    public enum Origin {
        CONFIGURATION("Configuration"),
        FILE("File");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Returns the text that a Copy action puts on the clipboard. */
    public String copyText() {
        StringBuilder text = new StringBuilder()
                .append(code).append(" (").append(severity).append(")");
        if (!where.isEmpty()) {
            text.append(" in ").append(where);
        }
        text.append('\n').append(message);
        if (!fix.isEmpty()) {
            text.append("\nFix: ").append(fix);
        }
        return text.toString();
    }
}
