package io.mtlsstudio.scenario;

/** TLS settings and client certificate of the client of a scenario row. */
public enum ClientSetup {
    /** Plaintext HTTP/2, no TLS at all. */
    NO_TLS("Unsecured (no TLS)", false),
    /** TLS that trusts the server's CA but presents no client certificate. */
    TLS_WITHOUT_CERTIFICATE("TLS without a client certificate", true),
    /** TLS with the given client certificate and key. */
    CLIENT_CERTIFICATE("Secured (TLS with client certificate)", true),
    /** TLS with a client certificate issued by a CA that the server does not trust, generated in memory. */
    FOREIGN_CA_CERTIFICATE("Client certificate from a foreign CA", true),
    /** TLS with a client certificate whose notAfter is in the past, generated in memory. */
    EXPIRED_CERTIFICATE("Expired client certificate", true),
    /** TLS with a client certificate whose extended key usage is serverAuth only, generated in memory. */
    SERVER_AUTH_ONLY_CERTIFICATE("Client certificate with serverAuth EKU only (no clientAuth)", true);

    private final String title;
    private final boolean tls;

    ClientSetup(String title, boolean tls) {
        this.title = title;
        this.tls = tls;
    }

    /** Returns the label shown in the table's Client column. */
    public String title() {
        return title;
    }

    public boolean tls() {
        return tls;
    }
}
