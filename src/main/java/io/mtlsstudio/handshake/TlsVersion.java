package io.mtlsstudio.handshake;

import java.util.List;

/** Which TLS versions the probe offers. */
public enum TlsVersion {
    AUTO(List.of("TLSv1.3", "TLSv1.2")),
    TLS_1_2(List.of("TLSv1.2")),
    TLS_1_3(List.of("TLSv1.3"));

    private final List<String> protocols;

    TlsVersion(List<String> protocols) {
        this.protocols = protocols;
    }

    /** JSSE protocol names to enable. */
    public List<String> protocols() {
        return protocols;
    }

    /** Parses "1.2", "1.3" or "auto". */
    public static TlsVersion parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "1.2", "tlsv1.2" -> TLS_1_2;
            case "1.3", "tlsv1.3" -> TLS_1_3;
            case "auto", "" -> AUTO;
            default -> throw new IllegalArgumentException("Invalid TLS version \"" + text + "\". Use 1.2, 1.3 or auto.");
        };
    }
}
