package io.mtlsstudio.handshake;

/**
 * A {@code host:port} to dial. IPv6 literals are written in brackets, as in {@code [::1]:7833}.
 */
public record Target(String host, int port) {

    public static final int CADENCE_GRPC_PORT = 7833;

    public Target {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The host is empty. Enter a host name or address, for example 127.0.0.1:7833.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is outside 1-65535. Cadence's gRPC frontend listens on 7833.");
        }
    }

    /**
     * Parses {@code host:port}, {@code [ipv6]:port} or {@code ipv6-literal} forms.
     *
     * @throws IllegalArgumentException with a message that names the value and the expected form
     */
    public static Target parse(String text) {
        String value = text == null ? "" : text.strip();
        String expected = "Enter it as HOST:PORT, for example 127.0.0.1:7833 or [::1]:7833.";
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The target is empty. " + expected);
        }

        String host;
        String portText;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || close + 1 >= value.length() || value.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("Invalid target \"" + value + "\": an IPv6 address in brackets must be followed by :PORT. " + expected);
            }
            host = value.substring(1, close);
            portText = value.substring(close + 2);
        } else {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Invalid target \"" + value + "\": the port is missing. " + expected);
            }
            if (value.indexOf(':') != colon) {
                throw new IllegalArgumentException("Invalid target \"" + value + "\": an IPv6 address must be written in brackets. " + expected);
            }
            host = value.substring(0, colon);
            portText = value.substring(colon + 1);
        }

        if (host.isBlank()) {
            throw new IllegalArgumentException("Invalid target \"" + value + "\": the host is empty. " + expected);
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Invalid target \"" + value + "\": the host contains a space. " + expected);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid target \"" + value + "\": the port \"" + portText + "\" is not a number. " + expected);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid target \"" + value + "\": port " + port + " is outside 1-65535. " + expected);
        }
        return new Target(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
