package io.mtlsstudio.scenario;

/** Server mode of a scenario row. */
public enum ServerMode {
    /** Plaintext HTTP/2: {@code tls.enabled: false}. */
    UNSECURED("Unsecured (TLS off)"),
    /** TLS that requires and verifies a client certificate: {@code requireClientAuth: true}. */
    MUTUAL_TLS("Secured (mutual TLS)"),
    /** TLS that never requests a client certificate: {@code requireClientAuth: false}. */
    TLS_ONLY("TLS only (no client authentication)");

    private final String title;

    ServerMode(String title) {
        this.title = title;
    }

    /** Returns the label shown in the table's Server column. */
    public String title() {
        return title;
    }
}
