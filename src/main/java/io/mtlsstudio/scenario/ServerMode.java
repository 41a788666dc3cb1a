package io.mtlsstudio.scenario;

/** How the server of a scenario row runs. */
public enum ServerMode {
    /** Plaintext HTTP/2: {@code tls.enabled: false}. */
    UNSECURED("Unsecured (TLS off)"),
    /** TLS that requires and verifies a client certificate: {@code requireClientAuth: true}. */
    MUTUAL_TLS("Secured (mutual TLS)"),
    /** TLS that never asks for a client certificate: {@code requireClientAuth: false}. */
    TLS_ONLY("TLS only (no client authentication)");

    private final String title;

    ServerMode(String title) {
        this.title = title;
    }

    /** The label shown in the table's Server column. */
    public String title() {
        return title;
    }
}
