package io.mtlsstudio.handshake;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Tells what protocol a peer spoke from the first bytes it sent. */
final class PeerBytes {

    enum Kind { NONE, TLS_HANDSHAKE, TLS_ALERT, TLS_OTHER, HTTP2, HTTP1, UNKNOWN }

    /** TLS alert descriptions from RFC 8446 section 6 and RFC 7301. */
    static final Map<Integer, String> ALERTS = Map.ofEntries(
            Map.entry(0, "close_notify"), Map.entry(10, "unexpected_message"), Map.entry(20, "bad_record_mac"),
            Map.entry(22, "record_overflow"), Map.entry(40, "handshake_failure"), Map.entry(42, "bad_certificate"),
            Map.entry(43, "unsupported_certificate"), Map.entry(44, "certificate_revoked"),
            Map.entry(45, "certificate_expired"), Map.entry(46, "certificate_unknown"),
            Map.entry(47, "illegal_parameter"), Map.entry(48, "unknown_ca"), Map.entry(49, "access_denied"),
            Map.entry(50, "decode_error"), Map.entry(51, "decrypt_error"), Map.entry(70, "protocol_version"),
            Map.entry(71, "insufficient_security"), Map.entry(80, "internal_error"),
            Map.entry(86, "inappropriate_fallback"), Map.entry(90, "user_canceled"),
            Map.entry(109, "missing_extension"), Map.entry(110, "unsupported_extension"),
            Map.entry(112, "unrecognized_name"), Map.entry(113, "bad_certificate_status_response"),
            Map.entry(115, "unknown_psk_identity"), Map.entry(116, "certificate_required"),
            Map.entry(120, "no_application_protocol"));

    private PeerBytes() {
    }

    static Kind classify(byte[] bytes) {
        if (bytes.length == 0) {
            return Kind.NONE;
        }
        if (bytes.length >= 2 && bytes[1] == 0x03) {
            if (bytes[0] == 0x16) {
                return Kind.TLS_HANDSHAKE;
            }
            if (bytes[0] == 0x15) {
                return Kind.TLS_ALERT;
            }
            if (bytes[0] == 0x14 || bytes[0] == 0x17) {
                return Kind.TLS_OTHER;
            }
        }
        if (new String(bytes, 0, Math.min(bytes.length, 5), StandardCharsets.US_ASCII).equals("HTTP/")) {
            return Kind.HTTP1;
        }
        // An HTTP/2 frame header is a 3-byte length, a type byte (4 SETTINGS, 7 GOAWAY) and flags.
        if (bytes.length >= 4 && bytes[0] == 0 && (bytes[3] == 0x04 || bytes[3] == 0x07)) {
            return Kind.HTTP2;
        }
        return Kind.UNKNOWN;
    }

    /** Describes the bytes in words, for example "a TLS alert record (fatal, bad_certificate)". */
    static String describe(byte[] bytes) {
        return switch (classify(bytes)) {
            case NONE -> "nothing";
            case TLS_HANDSHAKE -> "a TLS handshake record";
            case TLS_ALERT -> bytes.length >= 7
                    ? "a TLS alert record (" + (bytes[5] == 2 ? "fatal" : "warning") + ", " + alertName(bytes[6] & 0xff) + ")"
                    : "a TLS alert record";
            case TLS_OTHER -> "a TLS record";
            case HTTP2 -> "a cleartext HTTP/2 " + (bytes[3] == 0x04 ? "SETTINGS" : "GOAWAY") + " frame";
            case HTTP1 -> "a cleartext HTTP/1.x response (\"" + firstLine(bytes) + "\")";
            case UNKNOWN -> "bytes that are neither TLS nor HTTP";
        };
    }

    static String alertName(int code) {
        return ALERTS.getOrDefault(code, "alert " + code);
    }

    private static String firstLine(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int end = text.indexOf('\r');
        return end < 0 ? text.strip() : text.substring(0, end);
    }
}
