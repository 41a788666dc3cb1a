package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.Target;

/** The servers the scenario rows run against: embedded frontends the runner starts, or the user's own servers. */
public sealed interface ScenarioServers {

    /** One line for the report header, for example "embedded frontends on 127.0.0.1". */
    String describe();

    /** Returns the embedded choice: the runner starts a frontend on a free loopback port for each server mode the rows need. */
    static ScenarioServers embedded() {
        return Embedded.INSTANCE;
    }

    /**
     * Returns the user's own servers. Any of them may be null, and rows that need a missing one are not run.
     *
     * @param secured   a server that requires client certificates (mutual TLS)
     * @param unsecured a plaintext server (TLS off)
     * @param tlsOnly   a TLS server that does not ask for client certificates
     */
    static UserServers user(Target secured, Target unsecured, Target tlsOnly) {
        return new UserServers(secured, unsecured, tlsOnly);
    }

    /** Embedded frontends on free loopback ports, started and stopped by the runner. */
    enum Embedded implements ScenarioServers {
        INSTANCE;

        @Override
        public String describe() {
            return "embedded frontends on 127.0.0.1";
        }
    }

    /**
     * Servers the user runs.
     *
     * @param secured   mutual TLS server, or null
     * @param unsecured plaintext server, or null
     * @param tlsOnly   TLS server without client authentication, or null
     */
    record UserServers(Target secured, Target unsecured, Target tlsOnly) implements ScenarioServers {

        public UserServers {
            if (secured == null && unsecured == null && tlsOnly == null) {
                throw new IllegalArgumentException("Give at least one server: a secured, an unsecured or a TLS-only HOST:PORT.");
            }
        }

        /** Returns the server for a mode, or null when the user gave none. */
        public Target target(ServerMode mode) {
            return switch (mode) {
                case MUTUAL_TLS -> secured;
                case UNSECURED -> unsecured;
                case TLS_ONLY -> tlsOnly;
            };
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder("user servers:");
            append(text, "secured", secured);
            append(text, "unsecured", unsecured);
            append(text, "TLS-only", tlsOnly);
            return text.toString();
        }

        private static void append(StringBuilder text, String label, Target target) {
            if (target != null) {
                text.append(text.charAt(text.length() - 1) == ':' ? " " : ", ").append(label).append(' ').append(target);
            }
        }
    }
}
