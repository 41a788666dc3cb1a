package io.mtlsstudio.handshake;

import io.grpc.Status;
import io.mtlsstudio.cadence.MetaApi;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the end of a probe run into step outcomes. The call's status alone is too coarse
 * (most failures are UNAVAILABLE), so the classifier also reads what the wire recorder, the
 * trust manager and the key manager saw, and places the failure on the step where it happened.
 */
final class OutcomeClassifier {

    private static final Pattern ALERT = Pattern.compile("received fatal alert: ([a-z_]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENT_ALERT = Pattern.compile("\\(([a-z_]+)\\)");

    private final ProbeSession session;
    private final ProbeSession.CallOutcome outcome;
    private final StepTracker tracker;
    private final ProbeOptions options;
    private final String target;

    OutcomeClassifier(ProbeSession session, ProbeSession.CallOutcome outcome) {
        this.session = session;
        this.outcome = outcome;
        this.tracker = session.tracker();
        this.options = session.options();
        this.target = options.target().toString();
    }

    ProbeReport.Result classify() {
        WireRecorder wire = session.recorder();
        if (wire == null || !wire.isConnected()) {
            failConnect();
            return ProbeReport.Result.FAILURE;
        }
        if (tracker.status(StepId.CONNECT) != StepStatus.PASSED) {
            tracker.pass(StepId.CONNECT);
        }

        if (session.transportReadyNanos() < 0) {
            if (tracker.failedStep() == null) {
                if (options.tls()) {
                    failTlsBeforeReady(wire);
                } else {
                    failPlaintextBeforeReady(wire);
                }
            }
            return ProbeReport.Result.FAILURE;
        }

        concludeClientAuthentication(session.transportReadyNanos(),
                "no alert from the server; it finished the handshake and sent its HTTP/2 settings");
        return concludeCall();
    }

    // CONNECT

    private void failConnect() {
        Throwable cause = outcome.status().getCause();
        String host = target;
        if (findCause(NoRouteToHostException.class) != null) {
            fail(FailureCode.NO_ROUTE, StepId.CONNECT, "There is no network route to " + host + ".",
                    "Check the address and that this machine can reach the server's network.");
        } else if (findCause(ConnectException.class) != null && messages().contains("refused")) {
            fail(FailureCode.CONNECTION_REFUSED, StepId.CONNECT, "Nothing is listening on " + host + ": the connection was refused.",
                    "Check that the Cadence frontend is running and that the port is its gRPC port (7833 by default; 7933 is TChannel and never uses TLS).");
        } else if (messages().contains("connection timed out") || isDeadline()) {
            fail(FailureCode.CONNECT_TIMEOUT, StepId.CONNECT, "The TCP connection to " + host + " did not open within "
                    + seconds() + ".", "Check that the host is up and that no firewall drops the packets; raise the timeout for slow networks.");
        } else {
            fail(FailureCode.CONNECT_FAILED, StepId.CONNECT, "The TCP connection to " + host + " failed: "
                    + (cause == null ? outcome.status().toString() : ServerCertificateVerifier.rootMessage(cause)) + ".",
                    "Check the host and port.");
        }
    }

    // TLS failures before the server's HTTP/2 SETTINGS arrived

    private void failTlsBeforeReady(WireRecorder wire) {
        byte[] first = wire.firstBytesRead();
        PeerBytes.Kind kind = PeerBytes.classify(first);
        String alert = alert();
        boolean certificateSeen = !session.verifier().serverChain().isEmpty();

        if (!certificateSeen) {
            failBeforeServerCertificate(wire, first, kind, alert);
            return;
        }
        if (messages().contains("alpn")) {
            concludeClientAuthentication(System.nanoTime(), "the server completed the handshake");
            fail(FailureCode.ALPN_NO_H2, StepId.ACCESS_GRANTED, "The TLS handshake succeeded, but the server did not agree to HTTP/2 "
                    + "through ALPN, so it cannot carry gRPC.", "Enable HTTP/2 (ALPN \"h2\") on the server or on the proxy in front of it.");
            return;
        }

        ClientCertificateChooser chooser = session.chooser();
        boolean handshakeDone = session.handshakeEndedNanos() > 0 && session.handshakeFailure() == null;
        if (chooser.requested() && (alert != null || !handshakeDone || !isDeadline() && isTls13())) {
            // Under TLS 1.3 the server judges the client certificate after the client's handshake is done,
            // so an alert, or a close without one, after the certificate went out is the server's verdict.
            concludeClientCertificateStep();
            tracker.start(StepId.VERIFY_CLIENT, chooser.lastCallNanos());
            failClientRejected(alert);
            return;
        }

        long accessStart;
        if (chooser.requested()) {
            concludeClientAuthentication(session.handshakeEndedNanos(), isTls13()
                    ? "no alert from the server within the timeout after the client certificate was sent"
                    : "the server sent its Finished message after receiving the client certificate");
            accessStart = session.handshakeEndedNanos();
        } else {
            tracker.skip(StepId.CLIENT_CERTIFICATE, "the server did not send a CertificateRequest");
            tracker.skip(StepId.VERIFY_CLIENT, "the server did not ask for a client certificate");
            accessStart = session.verifier().verifiedNanos();
        }
        tracker.start(StepId.ACCESS_GRANTED, accessStart);
        if (isDeadline()) {
            String handshake = handshakeDone ? "The TLS handshake with " + target + " completed" : "The TLS handshake with " + target + " went through the server certificate";
            fail(FailureCode.RESPONSE_TIMEOUT, StepId.ACCESS_GRANTED, handshake + ", but the server sent no HTTP/2 settings within "
                    + seconds() + ": it does not speak gRPC over HTTP/2 on this port, or it is stuck.",
                    "Check that the port belongs to the Cadence frontend and not to a plain TLS service or a proxy; check the server's logs.");
        } else if (alert != null) {
            fail(FailureCode.TLS_HANDSHAKE_FAILED, StepId.ACCESS_GRANTED, "The server ended the connection with the TLS alert "
                    + alert + " after verifying its certificate.", "Check the server's logs for the reason of the alert.");
        } else {
            fail(FailureCode.CONNECTION_LOST, StepId.ACCESS_GRANTED, "The server closed the connection before answering: "
                    + describeCause() + ".", "Check the server's logs.");
        }
    }

    private boolean isTls13() {
        ProbeReport.Negotiated negotiated = session.negotiated();
        return negotiated != null ? "TLSv1.3".equals(negotiated.protocol()) : options.tlsVersion() == TlsVersion.TLS_1_3;
    }

    private void failBeforeServerCertificate(WireRecorder wire, byte[] first, PeerBytes.Kind kind, String alert) {
        String seen = "The server answered the ClientHello with " + PeerBytes.describe(first);
        switch (kind) {
            case HTTP2 -> fail(FailureCode.SERVER_PLAINTEXT, StepId.SERVER_CERTIFICATE, seen
                    + ": it speaks gRPC in cleartext and has TLS turned off.",
                    "Turn TLS off in the client (--plaintext), or enable TLS on the server (services.frontend.rpc.tls.enabled: true).");
            case HTTP1 -> fail(FailureCode.SERVER_HTTP1, StepId.SERVER_CERTIFICATE, seen
                    + ": it is a plain HTTP/1.x server, not a TLS gRPC endpoint.",
                    "Check the port: Cadence's gRPC frontend listens on 7833.");
            case UNKNOWN -> fail(FailureCode.SERVER_NOT_TLS, StepId.SERVER_CERTIFICATE, seen + ".",
                    "Check the port: the service there does not speak TLS.");
            case TLS_ALERT, TLS_HANDSHAKE, TLS_OTHER -> {
                String reason = alert != null ? "the TLS alert " + alert : describeCause();
                fail(FailureCode.TLS_HANDSHAKE_FAILED, StepId.SERVER_CERTIFICATE, "The TLS handshake failed before the server "
                        + "certificate could be checked: " + reason + ".", alert != null && alert.equals("protocol_version")
                        ? "The client and server share no TLS version; try --tls-version 1.2 or 1.3, or check the server's minimum version."
                        : "Check that the client and server share a TLS version and cipher suite.");
            }
            case NONE -> failSilentPeer(wire, StepId.SERVER_CERTIFICATE, "after the ClientHello");
        }
    }

    private void failSilentPeer(WireRecorder wire, StepId step, String when) {
        if (isDeadline()) {
            fail(FailureCode.HANDSHAKE_TIMEOUT, step, "The connection to " + target + " opened, but the server sent nothing " + when
                    + " within " + seconds() + ".", "Check that this port belongs to the Cadence frontend and not to a proxy that holds connections; raise the timeout for slow links.");
        } else if (findCause(IOException.class) != null && messages().contains("reset")) {
            fail(FailureCode.PEER_RESET, step, "The server reset the connection " + when + " without sending anything.",
                    "Check the server's logs; a TLS server may reset connections it cannot parse, and a firewall may reset them too.");
        } else {
            fail(FailureCode.PEER_CLOSED, step, "The server closed the connection " + when + " without sending anything"
                    + (options.tls() ? "." : "; a TLS server often does this when it receives cleartext."),
                    options.tls() ? "Check the server's logs and its TLS settings." : "If the server has TLS on, turn TLS on in the client.");
        }
    }

    private void failClientRejected(String alert) {
        ClientCertificateChooser chooser = session.chooser();
        String alertText = alert != null ? "the TLS alert " + alert : "closing the connection";
        if (!chooser.chosen()) {
            String reason = chooser.notSentReason() == null ? "no client certificate was sent" : chooser.notSentReason();
            fail(FailureCode.CLIENT_CERT_REQUIRED, StepId.VERIFY_CLIENT, "The server requires a client certificate and rejected the "
                    + "connection with " + alertText + ", because " + reason + ".",
                    chooser.notSentReason() != null && chooser.notSentReason().contains("not among")
                            ? "Use a client certificate issued by one of the CAs the server accepts: " + ClientCertificateChooser.describe(chooser.acceptedIssuers()).replace('\n', ';')
                            : "Choose a client certificate and key issued by a CA that the server trusts (on the command line: --cert and --key).");
            return;
        }
        String subject = options.clientChain().get(0).getSubjectX500Principal().getName();
        fail(FailureCode.CLIENT_CERT_REJECTED, StepId.VERIFY_CLIENT, "The server rejected the client certificate " + subject
                + " with " + alertText + explainAlert(alert) + serverVerdict(), "Check that the server's client CA file contains the CA that issued "
                + options.clientChain().get(options.clientChain().size() - 1).getIssuerX500Principal().getName()
                + ", that the certificate is valid now, and that it has the clientAuth extended key usage.");
    }

    /** Returns the embedded frontend's own reason for rejecting the certificate, when it is the target. */
    private String serverVerdict() {
        return tracker.serverLane().stream()
                .filter(o -> o.kind() == ServerObservation.Kind.CLIENT_CERTIFICATE_REJECTED)
                .map(o -> " The embedded frontend's verdict: " + o.detail() + ".")
                .findFirst().orElse("");
    }

    private static String explainAlert(String alert) {
        if (alert == null) {
            return ".";
        }
        return switch (alert) {
            case "unknown_ca" -> ": the server does not trust the CA that issued it.";
            case "certificate_expired" -> ": the server finds it expired.";
            case "bad_certificate" -> ": the server could not verify it (untrusted issuer, wrong key usage or a bad signature).";
            case "unsupported_certificate" -> ": the server does not accept its type or key usage.";
            case "certificate_unknown" -> ": the server could not accept it and did not say why; common causes are an expired "
                    + "certificate and a missing clientAuth extended key usage.";
            case "certificate_revoked" -> ": the server finds it revoked.";
            default -> ".";
        };
    }

    // Plaintext failures before the server's SETTINGS arrived

    private void failPlaintextBeforeReady(WireRecorder wire) {
        byte[] first = wire.firstBytesRead();
        switch (PeerBytes.classify(first)) {
            case TLS_ALERT, TLS_HANDSHAKE, TLS_OTHER -> fail(FailureCode.SERVER_EXPECTS_TLS, StepId.ACCESS_GRANTED,
                    "The server answered the cleartext HTTP/2 preface with " + PeerBytes.describe(first)
                            + ": it expects TLS.", "Turn TLS on in the client and choose the CA file (and the client certificate if the server requires one).");
            case HTTP1 -> fail(FailureCode.SERVER_HTTP1, StepId.ACCESS_GRANTED, "The server answered with "
                    + PeerBytes.describe(first) + ": it is not a gRPC server.", "Check the port: Cadence's gRPC frontend listens on 7833.");
            case NONE -> {
                if (!isDeadline() && answersTls()) {
                    fail(FailureCode.SERVER_EXPECTS_TLS, StepId.ACCESS_GRANTED, "The server closed the connection without answering "
                            + "the cleartext HTTP/2 preface, and a second connection that sent a TLS ClientHello was answered with TLS: "
                            + "the server expects TLS.", "Turn TLS on in the client and choose the CA file (and the client certificate if the server requires one).");
                } else {
                    failSilentPeer(wire, StepId.ACCESS_GRANTED, "after the HTTP/2 preface");
                }
            }
            default -> fail(FailureCode.CONNECTION_LOST, StepId.ACCESS_GRANTED, "The server answered with "
                    + PeerBytes.describe(first) + " and the HTTP/2 connection failed: " + describeCause() + ".",
                    "Check that the port belongs to a gRPC server.");
        }
    }

    /** Sends a ClientHello on a second connection and returns whether the reply is TLS. */
    private boolean answersTls() {
        try {
            var remote = (java.net.InetSocketAddress) session.remoteAddress();
            int millis = (int) Math.min(2_000, options.timeout().toMillis());
            byte[] answer = TlsSniffer.firstBytesAfterClientHello(remote, options.effectiveServerName(), millis);
            PeerBytes.Kind kind = PeerBytes.classify(answer);
            tracker.evidence(StepId.ACCESS_GRANTED, Evidence.of("Answer to a TLS ClientHello on a second connection",
                    WireRecorder.hex(answer) + "\n" + PeerBytes.describe(answer)));
            return kind == PeerBytes.Kind.TLS_HANDSHAKE || kind == PeerBytes.Kind.TLS_ALERT;
        } catch (IOException | RuntimeException e) {
            tracker.evidence(StepId.ACCESS_GRANTED, Evidence.of("Answer to a TLS ClientHello on a second connection",
                    "none: " + e.getMessage()));
            return false;
        }
    }

    // After the server's HTTP/2 SETTINGS arrived: the server accepted the TLS connection

    private void concludeClientAuthentication(long readyNanos, String verdict) {
        if (!options.tls()) {
            return;
        }
        ClientCertificateChooser chooser = session.chooser();
        if (chooser.requested()) {
            concludeClientCertificateStep();
            tracker.start(StepId.VERIFY_CLIENT, chooser.lastCallNanos());
            tracker.check(StepId.VERIFY_CLIENT, Check.passed("Server verdict", verdict));
            tracker.pass(StepId.VERIFY_CLIENT, readyNanos);
        } else {
            tracker.skip(StepId.CLIENT_CERTIFICATE, "the server did not send a CertificateRequest");
            tracker.skip(StepId.VERIFY_CLIENT, "the server did not ask for a client certificate");
            tracker.finding(FailureCode.CLIENT_CERT_NOT_REQUESTED.finding(target,
                    "The server did not ask for a client certificate: this is TLS without client authentication, not mutual TLS.",
                    "To require client certificates, set requireClientAuth: true and caFiles in the frontend's TLS block."));
        }
    }

    private void concludeClientCertificateStep() {
        ClientCertificateChooser chooser = session.chooser();
        if (tracker.status(StepId.CLIENT_CERTIFICATE).isFinal()) {
            return;
        }
        if (chooser.chosen()) {
            var leaf = options.clientChain().get(0);
            tracker.check(StepId.CLIENT_CERTIFICATE, Check.passed("Certificate sent", leaf.getSubjectX500Principal().getName()
                    + ", issued by " + leaf.getIssuerX500Principal().getName()));
            tracker.evidence(StepId.CLIENT_CERTIFICATE, Evidence.chain("Client certificate chain sent", options.clientChain()));
            tracker.check(StepId.CLIENT_CERTIFICATE, chooser.keyUsed()
                    ? Check.passed("CertificateVerify", "signed with the client private key")
                    : Check.skipped("CertificateVerify", "the private key was not used"));
        } else {
            String reason = chooser.notSentReason() == null ? "no certificate was chosen" : chooser.notSentReason();
            tracker.check(StepId.CLIENT_CERTIFICATE, Check.warning("Certificate sent", "none: " + reason));
            tracker.finding(FailureCode.CLIENT_CERT_NOT_SENT.finding(target,
                    "The server asked for a client certificate, and the client sent none because " + reason + ".",
                    "Choose a client certificate and key issued by one of the CAs the server accepts."));
        }
        tracker.pass(StepId.CLIENT_CERTIFICATE, chooser.lastCallNanos());
    }

    private ProbeReport.Result concludeCall() {
        long responded = session.responseNanos();
        long accessStart = options.tls()
                ? (session.chooser().requested() ? session.transportReadyNanos() : session.verifier().verifiedNanos())
                : -1;
        if (accessStart > 0) {
            tracker.start(StepId.ACCESS_GRANTED, accessStart);
        }
        if (responded < 0) {
            if (isDeadline()) {
                fail(FailureCode.RESPONSE_TIMEOUT, StepId.ACCESS_GRANTED, "The server accepted the connection but did not answer the "
                        + "Health call within " + seconds() + ".", "Check the frontend's logs; it may be overloaded.");
            } else {
                fail(FailureCode.CONNECTION_LOST, StepId.ACCESS_GRANTED, "The connection was accepted but closed before the server "
                        + "answered: " + describeCause() + ".", "Check the server's logs.");
            }
            return ProbeReport.Result.FAILURE;
        }
        tracker.check(StepId.ACCESS_GRANTED, Check.passed("First request answered", "the server responded to the Health call"));
        tracker.pass(StepId.ACCESS_GRANTED, responded);

        tracker.start(StepId.ENCRYPTED_CHANNEL, responded);
        recordChannelFacts();
        return concludeHealth();
    }

    private void recordChannelFacts() {
        ProbeReport.Negotiated negotiated = session.negotiated();
        if (negotiated != null) {
            tracker.check(StepId.ENCRYPTED_CHANNEL, Check.passed("Encryption", negotiated.protocol() + ", " + negotiated.cipherSuite()));
            tracker.evidence(StepId.ENCRYPTED_CHANNEL, Evidence.of("Protocol", negotiated.protocol()));
            tracker.evidence(StepId.ENCRYPTED_CHANNEL, Evidence.of("Cipher suite", negotiated.cipherSuite()));
            tracker.evidence(StepId.ENCRYPTED_CHANNEL, Evidence.of("ALPN", negotiated.alpn() == null ? "(none)" : negotiated.alpn()));
        } else if (!options.tls()) {
            tracker.check(StepId.ENCRYPTED_CHANNEL, Check.warning("Encryption", "none: the channel is plaintext HTTP/2"));
        }
    }

    private ProbeReport.Result concludeHealth() {
        Status status = outcome.status();
        var response = outcome.response();
        long roundTrip = (outcome.closedNanos() - Math.max(session.requestSentNanos(), session.transportReadyNanos())) / 1_000;

        if (status.isOk() && response != null) {
            session.health(new ProbeReport.Health(response.getOk(), response.getMessage(), roundTrip));
            tracker.evidence(StepId.ENCRYPTED_CHANNEL, Evidence.of("Health", "ok=" + response.getOk() + ", message=\"" + response.getMessage() + "\""));
            if (response.getOk()) {
                tracker.check(StepId.ENCRYPTED_CHANNEL, Check.passed("Health", "ok, \"" + response.getMessage() + "\" in " + roundTrip + " µs"));
                if (!options.tls()) {
                    tracker.finding(FailureCode.PLAINTEXT_CHANNEL.finding(target, "The Health call succeeded over a plaintext "
                            + "connection: anyone on the network path can read and change the traffic.",
                            "Enable TLS on the frontend (services.frontend.rpc.tls) for anything beyond local development."));
                }
                tracker.pass(StepId.ENCRYPTED_CHANNEL, outcome.closedNanos());
                return ProbeReport.Result.SUCCESS;
            }
            failUnhealthy(response.getMessage());
            return ProbeReport.Result.FAILURE;
        }

        String description = status.getDescription() == null ? "" : status.getDescription();
        tracker.evidence(StepId.ENCRYPTED_CHANNEL, Evidence.of("gRPC status", status.getCode() + (description.isEmpty() ? "" : ": " + description)));
        if (status.getCode() == Status.Code.UNIMPLEMENTED && !isMetadataRejection(description)) {
            fail(FailureCode.NOT_CADENCE, StepId.ENCRYPTED_CHANNEL, "The TLS part worked, but the endpoint is not a Cadence frontend: "
                    + "it answered UNIMPLEMENTED to " + MetaApi.HEALTH.getFullMethodName() + (description.isEmpty() ? "." : " (" + description + ")."),
                    "Check the port: Cadence's gRPC frontend listens on 7833; matching and history ports do not serve MetaAPI.");
        } else if (status.getCode() == Status.Code.UNIMPLEMENTED || status.getCode() == Status.Code.INVALID_ARGUMENT) {
            fail(FailureCode.CADENCE_METADATA_REJECTED, StepId.ENCRYPTED_CHANNEL, "The frontend rejected the call's YARPC metadata: "
                    + status.getCode() + " \"" + description + "\".",
                    "Send rpc-service: cadence-frontend, a non-empty rpc-caller, rpc-encoding: proto, and a deadline on every call.");
        } else {
            fail(FailureCode.CALL_FAILED, StepId.ENCRYPTED_CHANNEL, "The Health call failed with " + status.getCode()
                    + (description.isEmpty() ? "" : ": " + description) + ".", "Check the frontend's logs.");
        }
        return ProbeReport.Result.FAILURE;
    }

    private static boolean isMetadataRejection(String description) {
        return description.startsWith("unrecognized service name") || description.startsWith("unsupported encoding");
    }

    private void failUnhealthy(String message) {
        switch (message) {
            case MetaApi.WARMING_UP -> fail(FailureCode.CADENCE_WARMING_UP, StepId.ENCRYPTED_CHANNEL, "Connected and authenticated: "
                    + "the frontend answered ok=false, \"WarmingUp\"; it is still starting.",
                    "Wait for the warm-up to end (30 s by default) and connect again.");
            case MetaApi.SHUTTING_DOWN -> fail(FailureCode.CADENCE_SHUTTING_DOWN, StepId.ENCRYPTED_CHANNEL, "Connected and "
                    + "authenticated: the frontend answered ok=false, \"ShuttingDown\"; it is stopping.",
                    "Connect to another frontend, or wait until this one restarts.");
            default -> fail(FailureCode.HEALTH_NOT_OK, StepId.ENCRYPTED_CHANNEL, "Connected and authenticated, but the frontend "
                    + "answered ok=false, \"" + message + "\".", "Check the frontend's logs.");
        }
    }

    // Helpers

    private void fail(FailureCode code, StepId step, String message, String fix) {
        tracker.start(step);
        if (!outcome.status().isOk()) {
            tracker.evidence(step, Evidence.of("Error", errorChain()));
        }
        String received = alert();
        String sent = alertSent();
        if (received != null || sent != null) {
            tracker.evidence(step, Evidence.of("Alerts", (received == null ? "" : "received from the server: " + received)
                    + (received != null && sent != null ? "\n" : "") + (sent == null ? "" : "sent by the client: " + sent)));
        }
        tracker.check(step, Check.failed(code.name(), message));
        tracker.fail(step, code.finding(step, target, message, fix));
    }

    private boolean isDeadline() {
        return outcome.status().getCode() == Status.Code.DEADLINE_EXCEEDED;
    }

    private String seconds() {
        long millis = options.timeout().toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    /** Returns the alert the server sent, read from the JDK's exception or from a cleartext alert record. */
    private String alert() {
        Matcher matcher = ALERT.matcher(messages());
        if (matcher.find()) {
            return matcher.group(1);
        }
        for (WireRecord record : tracker.records()) {
            if (record.direction() == WireRecord.Direction.RECEIVED && record.alert() != null) {
                return record.alert().substring(record.alert().indexOf(' ') + 1);
            }
        }
        return null;
    }

    /** Returns the alert the client sent, which the JDK names in parentheses in its own exception message. */
    private String alertSent() {
        Matcher matcher = SENT_ALERT.matcher(messages());
        while (matcher.find()) {
            if (!messages().substring(matcher.end()).strip().startsWith("received fatal alert")) {
                return matcher.group(1);
            }
        }
        return null;
    }

    /** Returns all messages of the status and its cause chain, lower-cased, for matching. */
    private String messages() {
        StringBuilder text = new StringBuilder(String.valueOf(outcome.status().getDescription()));
        for (Throwable t = outcome.status().getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(" | ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        for (Throwable t = session.handshakeFailure(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(" | ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** Formats the gRPC status and its cause chain, one line each, as the client library reported them. */
    private String errorChain() {
        StringBuilder text = new StringBuilder("gRPC status " + outcome.status().getCode());
        if (outcome.status().getDescription() != null) {
            text.append(": ").append(outcome.status().getDescription());
        }
        for (Throwable t = outcome.status().getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append("\ncaused by ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private String describeCause() {
        Throwable cause = outcome.status().getCause();
        if (cause == null) {
            String description = outcome.status().getDescription();
            return outcome.status().getCode() + (description == null ? "" : " " + description);
        }
        return ServerCertificateVerifier.rootMessage(cause);
    }

    private <T extends Throwable> T findCause(Class<T> type) {
        for (Throwable t = outcome.status().getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
