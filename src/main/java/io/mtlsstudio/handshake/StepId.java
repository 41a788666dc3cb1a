package io.mtlsstudio.handshake;

/** The seven steps of a mutual TLS connection to a Cadence frontend, in wire order. */
public enum StepId {
    CONNECT("Connect", "Client opens TCP and sends ClientHello"),
    SERVER_CERTIFICATE("Server certificate", "Server sends its certificate chain"),
    VERIFY_SERVER("Verify server", "Client checks signature, chain, validity and name"),
    CLIENT_CERTIFICATE("Client certificate", "Client sends its certificate, if the server asks"),
    VERIFY_CLIENT("Verify client", "Server checks the client certificate"),
    ACCESS_GRANTED("Access granted", "Server accepts the connection and answers the first request"),
    ENCRYPTED_CHANNEL("Encrypted channel", "Health call round trip over the negotiated channel");

    private final String title;
    private final String summary;

    StepId(String title, String summary) {
        this.title = title;
        this.summary = summary;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }
}
