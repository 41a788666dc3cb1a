package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.Evidence;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.ui.run.StepModel;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Script of the diagram and its narration: the TLS messages that each protocol version sends
 * at each step, who sends them, and a short explanation for newcomers.
 */
public final class HandshakeScript {

    /** Direction of a step's message, or the side that makes a step's checks. */
    public enum Direction { CLIENT_TO_SERVER, SERVER_TO_CLIENT, BOTH_WAYS, CHECK_AT_CLIENT, CHECK_AT_SERVER }

    /** Alert descriptions of RFC 8446, section 6, that a server sends when it rejects a peer. */
    private static final Pattern ALERT = Pattern.compile("\\b(certificate_required|bad_certificate|unknown_ca"
            + "|certificate_expired|certificate_revoked|certificate_unknown|unsupported_certificate|handshake_failure"
            + "|access_denied|decrypt_error|illegal_parameter|protocol_version|insufficient_security"
            + "|internal_error|unknown_psk_identity|no_application_protocol|unrecognized_name)\\b");

    private HandshakeScript() {
    }

    public static Direction direction(StepId step) {
        return switch (step) {
            case CONNECT, CLIENT_CERTIFICATE -> Direction.CLIENT_TO_SERVER;
            case SERVER_CERTIFICATE, ACCESS_GRANTED -> Direction.SERVER_TO_CLIENT;
            case VERIFY_SERVER -> Direction.CHECK_AT_CLIENT;
            case VERIFY_CLIENT -> Direction.CHECK_AT_SERVER;
            case ENCRYPTED_CHANNEL -> Direction.BOTH_WAYS;
        };
    }

    /** Returns the TLS and HTTP/2 messages of {@code step}; braces mark messages that travel encrypted. */
    public static String messages(StepId step, DrawnProtocol protocol) {
        return switch (protocol) {
            case TLS_1_3 -> switch (step) {
                case CONNECT -> "TCP connect · ClientHello (versions, cipher suites, key share)";
                case SERVER_CERTIFICATE -> "ServerHello · {EncryptedExtensions, CertificateRequest, Certificate, "
                        + "CertificateVerify, Finished}";
                case VERIFY_SERVER -> "client verifies the server certificate";
                case CLIENT_CERTIFICATE -> "{Certificate, CertificateVerify, Finished}, after the server's Finished";
                case VERIFY_CLIENT -> "server verifies the client certificate; the client learns the verdict on its "
                        + "first read";
                case ACCESS_GRANTED -> "{NewSessionTicket} · HTTP/2 SETTINGS · first response";
                case ENCRYPTED_CHANNEL -> "MetaAPI/Health request and response, encrypted";
            };
            case TLS_1_2 -> switch (step) {
                case CONNECT -> "TCP connect · ClientHello (versions, cipher suites)";
                case SERVER_CERTIFICATE -> "ServerHello · Certificate · ServerKeyExchange · CertificateRequest · "
                        + "ServerHelloDone";
                case VERIFY_SERVER -> "client verifies the server certificate";
                case CLIENT_CERTIFICATE -> "Certificate · ClientKeyExchange · CertificateVerify · ChangeCipherSpec · "
                        + "{Finished}";
                case VERIFY_CLIENT -> "server verifies the client certificate inside the handshake";
                case ACCESS_GRANTED -> "ChangeCipherSpec · {Finished} · HTTP/2 SETTINGS · first response";
                case ENCRYPTED_CHANNEL -> "MetaAPI/Health request and response, encrypted";
            };
            case PLAINTEXT -> switch (step) {
                case CONNECT -> "TCP connect · HTTP/2 connection preface, no TLS";
                case SERVER_CERTIFICATE, CLIENT_CERTIFICATE -> "no certificate without TLS";
                case VERIFY_SERVER, VERIFY_CLIENT -> "nothing to verify without TLS";
                case ACCESS_GRANTED -> "HTTP/2 SETTINGS · first response";
                case ENCRYPTED_CHANNEL -> "MetaAPI/Health request and response, NOT encrypted";
            };
        };
    }

    /** Returns the names of the checks a verification step normally makes, in the order the probe records them. */
    public static List<String> expectedChecks(StepId step) {
        return switch (step) {
            case VERIFY_SERVER -> List.of("Validity period", "Extended key usage", "Signature", "Chain to a trust anchor",
                    "Host name");
            default -> List.of();
        };
    }

    /** Returns the TLS alert named in the step's evidence or failure, or null when none is named. */
    public static String alert(StepModel step) {
        Finding failure = step.failure();
        if (failure != null) {
            String name = findAlert(failure.message());
            if (name != null) {
                return name;
            }
        }
        for (Evidence evidence : step.evidence()) {
            String name = findAlert(evidence.value());
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    static String findAlert(String text) {
        Matcher matcher = ALERT.matcher(text == null ? "" : text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Returns the narration of {@code step} for newcomers: what happens, why it matters, and what went wrong. */
    public static String narration(StepModel step, DrawnProtocol protocol, StepId failedStep) {
        String text = explanation(step.id(), protocol);
        if (step.status() == StepStatus.FAILED && step.failure() != null) {
            text += "\n\nWhat went wrong: " + step.failure().message();
        } else if (step.status() == StepStatus.SKIPPED && failedStep != null && failedStep != step.id()) {
            text += "\n\nNot reached: the connection ended at " + failedStep.title().toLowerCase(Locale.ROOT) + ".";
        }
        return text;
    }

    private static String explanation(StepId step, DrawnProtocol protocol) {
        boolean tls13 = protocol == DrawnProtocol.TLS_1_3;
        if (protocol == DrawnProtocol.PLAINTEXT) {
            return switch (step) {
                case CONNECT -> "The client opens a TCP connection and starts HTTP/2 at once, without TLS. "
                        + "Everything that follows travels as clear text.";
                case SERVER_CERTIFICATE, VERIFY_SERVER, CLIENT_CERTIFICATE, VERIFY_CLIENT ->
                        "Without TLS there are no certificates, so neither side proves who it is. "
                                + "This step is skipped.";
                case ACCESS_GRANTED -> "The server accepts the HTTP/2 connection and answers the first request. "
                        + "It cannot know who the client is.";
                case ENCRYPTED_CHANNEL -> "The Health call travels unencrypted: anyone on the network path can read "
                        + "and change it. Cadence frontends that require TLS reject such a client.";
            };
        }
        return switch (step) {
            case CONNECT -> "The client opens a TCP connection and sends ClientHello: the TLS versions and cipher "
                    + "suites it supports" + (tls13 ? ", and its key share" : "") + ". Nothing is secret yet.";
            case SERVER_CERTIFICATE -> tls13
                    ? "The server answers with ServerHello; everything after it is encrypted. It sends its "
                    + "certificate chain, proves it holds the private key (CertificateVerify), and asks for a client "
                    + "certificate with CertificateRequest, which lists the CA names it accepts."
                    : "The server answers with ServerHello and sends its certificate chain in clear text, its key "
                    + "exchange and a CertificateRequest, which lists the CA names it accepts.";
            case VERIFY_SERVER -> "The client checks the server certificate: every signature in the chain, that "
                    + "the chain ends at a CA it trusts (the CA file), that each certificate is within its validity "
                    + "period, that it is meant for a TLS server (extended key usage serverAuth), and that it names "
                    + "the host that was dialled (subjectAltName).";
            case CLIENT_CERTIFICATE -> tls13
                    ? "The client sends its certificate and signs the handshake with its private key "
                    + "(CertificateVerify), then Finished. In TLS 1.3 this comes after the server's Finished, so the "
                    + "client's side of the handshake is done before the server has judged the certificate."
                    : "The client sends its certificate, its key exchange and CertificateVerify, signed with its "
                    + "private key, then ChangeCipherSpec and Finished. A client without a matching certificate "
                    + "sends an empty Certificate message.";
            case VERIFY_CLIENT -> tls13
                    ? "The server checks the client certificate against its client CA files: signatures, chain and "
                    + "validity. The client cannot see this; it learns the verdict on its first read, where a "
                    + "rejection arrives as an alert such as certificate_required or bad_certificate."
                    : "The server checks the client certificate against its client CA files. In TLS 1.2 this happens "
                    + "inside the handshake: a rejection arrives as an alert before the server's Finished.";
            case ACCESS_GRANTED -> tls13
                    ? "The server has accepted the client certificate. It sends its HTTP/2 settings and answers the "
                    + "first request: both sides now know who the other is."
                    : "The server sends ChangeCipherSpec and Finished: both sides have proven who they are and share "
                    + "keys. Then it sends its HTTP/2 settings and answers the first request.";
            case ENCRYPTED_CHANNEL -> "Application data now flows encrypted with the negotiated cipher suite. "
                    + "mTLS Studio sends Cadence's MetaAPI Health call with the YARPC headers the frontend requires "
                    + "and reads the answer.";
        };
    }
}
