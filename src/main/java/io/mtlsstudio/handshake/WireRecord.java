package io.mtlsstudio.handshake;

import java.util.List;

/**
 * One TLS record seen on the wire.
 *
 * @param direction   SENT by the client or RECEIVED from the server (from the server's view in the server lane)
 * @param atMicros    microseconds since the run started when the record's header was seen
 * @param contentType the record's content type: 20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data
 * @param version     the record-layer version, for example 0x0303
 * @param length      length of the record body in bytes
 * @param messages    handshake message names readable in clear (empty for encrypted records)
 * @param encrypted   whether the body is encrypted, so its content cannot be read on the wire
 * @param alert       the alert description for a cleartext alert record, or null
 */
public record WireRecord(Direction direction, long atMicros, int contentType, int version, int length,
                         List<String> messages, boolean encrypted, String alert) {

    public enum Direction { SENT, RECEIVED }

    public WireRecord {
        messages = List.copyOf(messages);
    }

    public String contentTypeName() {
        return switch (contentType) {
            case 20 -> "change_cipher_spec";
            case 21 -> "alert";
            case 22 -> "handshake";
            case 23 -> "application_data";
            case 24 -> "heartbeat";
            default -> "type " + contentType;
        };
    }

    public String versionName() {
        return switch (version) {
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
            default -> String.format("0x%04x", version);
        };
    }

    /** Describes the record in one line, for example "RECEIVED handshake TLS 1.2 (1234 bytes): ServerHello, Certificate". */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append(direction).append(' ').append(contentTypeName()).append(' ').append(versionName())
                .append(" (").append(length).append(" bytes)");
        if (!messages.isEmpty()) {
            text.append(": ").append(String.join(", ", messages));
        } else if (alert != null) {
            text.append(": ").append(alert);
        } else if (encrypted) {
            text.append(": encrypted");
        }
        return text.toString();
    }
}
