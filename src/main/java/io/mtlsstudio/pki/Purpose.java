package io.mtlsstudio.pki;

/** The side of the TLS connection a certificate is meant for. */
public enum Purpose {
    /** A client certificate, checked against the CA files that the server verifies clients with. */
    CLIENT("client", "clientAuth"),
    /** A server certificate, checked against the CA files that clients trust and the name they dial. */
    SERVER("server", "serverAuth");

    private final String label;
    private final String extendedKeyUsage;

    Purpose(String label, String extendedKeyUsage) {
        this.label = label;
        this.extendedKeyUsage = extendedKeyUsage;
    }

    public String label() {
        return label;
    }

    /** Returns the extended key usage this side needs: clientAuth or serverAuth. */
    public String extendedKeyUsage() {
        return extendedKeyUsage;
    }
}
