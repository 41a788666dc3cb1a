package io.mtlsstudio.handshake;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The client's trust manager. It records the chain the server sent and runs the checks of
 * {@link StepId#VERIFY_SERVER} one by one (validity, signatures, chain to a trust anchor, host
 * name), each with the JDK's PKIX implementation, so that a failure names the check that failed.
 */
final class ServerCertificateVerifier extends X509ExtendedTrustManager {

    private final StepTracker tracker;
    private final X509ExtendedTrustManager pkix;
    private final ProbeOptions options;
    private volatile List<X509Certificate> serverChain = List.of();
    private volatile long verifiedNanos = -1;

    ServerCertificateVerifier(StepTracker tracker, X509ExtendedTrustManager pkix, ProbeOptions options) {
        this.tracker = tracker;
        this.pkix = pkix;
        this.options = options;
    }

    List<X509Certificate> serverChain() {
        return serverChain;
    }

    /** When the verification ended, or -1 if the server sent no certificate. */
    long verifiedNanos() {
        return verifiedNanos;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        List<X509Certificate> certificates = List.of(chain);
        serverChain = certificates;
        tracker.evidence(StepId.SERVER_CERTIFICATE, Evidence.chain("Server certificate chain", certificates));
        tracker.pass(StepId.SERVER_CERTIFICATE);
        tracker.start(StepId.VERIFY_SERVER);

        Finding failure = checkValidity(certificates);
        if (failure == null) {
            failure = checkExtendedKeyUsage(certificates.get(0));
        }
        checkSignatures(certificates);
        if (failure == null) {
            failure = checkChain(chain, authType);
        } else {
            tracker.check(StepId.VERIFY_SERVER, Check.skipped("Chain to a trust anchor", "not checked: an earlier check failed"));
        }
        if (failure == null) {
            failure = checkHostName(chain, authType, engine);
        } else {
            tracker.check(StepId.VERIFY_SERVER, Check.skipped("Host name", "not checked: an earlier check failed"));
        }

        verifiedNanos = System.nanoTime();
        if (failure != null) {
            tracker.fail(StepId.VERIFY_SERVER, failure);
            throw new CertificateException(failure.message());
        }
        tracker.pass(StepId.VERIFY_SERVER);
    }

    private Finding checkValidity(List<X509Certificate> chain) {
        Instant now = Instant.now();
        for (X509Certificate cert : chain) {
            String subject = cert.getSubjectX500Principal().getName();
            try {
                cert.checkValidity();
            } catch (CertificateExpiredException e) {
                String message = "The server certificate " + subject + " expired on " + cert.getNotAfter().toInstant()
                        + "; this machine's clock reads " + now + ".";
                tracker.check(StepId.VERIFY_SERVER, Check.failed("Validity period", message));
                return FailureCode.SERVER_CERT_EXPIRED.finding(subject, message,
                        "Renew the server certificate and restart the server with it; check it with: openssl x509 -noout -dates -in server.crt");
            } catch (CertificateNotYetValidException e) {
                String message = "The server certificate " + subject + " is valid only from " + cert.getNotBefore().toInstant()
                        + "; this machine's clock reads " + now + ".";
                tracker.check(StepId.VERIFY_SERVER, Check.failed("Validity period", message));
                return FailureCode.SERVER_CERT_NOT_YET_VALID.finding(subject, message,
                        "Check the clocks of this machine and of the machine that issued the certificate, or reissue it with an earlier notBefore.");
            }
        }
        tracker.check(StepId.VERIFY_SERVER, Check.passed("Validity period", "every certificate in the chain is valid now"));
        return null;
    }

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    /** Checks that the leaf may serve TLS: an extended key usage extension, if present, must allow serverAuth. */
    private Finding checkExtendedKeyUsage(X509Certificate leaf) {
        List<String> usages;
        try {
            usages = leaf.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            usages = List.of("(unreadable)");
        }
        if (usages == null || usages.contains(SERVER_AUTH) || usages.contains(ANY_EXTENDED_KEY_USAGE)) {
            tracker.check(StepId.VERIFY_SERVER, Check.passed("Extended key usage",
                    usages == null ? "no extended key usage extension, so any use is allowed" : "serverAuth is allowed"));
            return null;
        }
        String subject = leaf.getSubjectX500Principal().getName();
        String message = "The server certificate " + subject + " has the extended key usage " + describeUsages(usages)
                + " but not serverAuth, so TLS clients refuse it as a server certificate. It may be a client certificate"
                + " installed on the server by mistake.";
        tracker.check(StepId.VERIFY_SERVER, Check.failed("Extended key usage", message));
        return FailureCode.SERVER_CERT_NO_SERVER_AUTH.finding(subject, message,
                "Install a server certificate with extendedKeyUsage serverAuth on the server (services.frontend.rpc.tls.certFile),"
                        + " or reissue it with: openssl x509 ... -extfile <(echo extendedKeyUsage=serverAuth).");
    }

    private static String describeUsages(List<String> usages) {
        return usages.stream().map(oid -> switch (oid) {
            case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
            case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
            case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
            default -> oid;
        }).collect(Collectors.joining(", "));
    }

    private void checkSignatures(List<X509Certificate> chain) {
        List<X509Certificate> anchors = trustAnchors();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : findIssuer(cert, anchors);
            if (issuer == null) {
                tracker.check(StepId.VERIFY_SERVER, Check.skipped("Signature",
                        "the issuer of " + cert.getSubjectX500Principal().getName() + " is not among the certificates available"));
                return;
            }
            try {
                cert.verify(issuer.getPublicKey());
            } catch (Exception e) {
                tracker.check(StepId.VERIFY_SERVER, Check.failed("Signature", cert.getSubjectX500Principal().getName()
                        + " is not signed by the key of " + issuer.getSubjectX500Principal().getName() + ": " + e.getMessage()));
                return;
            }
            if (issuer.getSubjectX500Principal().equals(cert.getSubjectX500Principal()) && issuer.equals(cert)) {
                break;
            }
        }
        tracker.check(StepId.VERIFY_SERVER, Check.passed("Signature", "each certificate is signed by its issuer's key"));
    }

    private Finding checkChain(X509Certificate[] chain, String authType) {
        try {
            pkix.checkServerTrusted(chain, authType);
            X509Certificate top = chain[chain.length - 1];
            tracker.check(StepId.VERIFY_SERVER, Check.passed("Chain to a trust anchor",
                    "chains to " + describeAnchor(top)));
            return null;
        } catch (CertificateException e) {
            X509Certificate top = chain[chain.length - 1];
            String issuer = top.getIssuerX500Principal().getName();
            String supplied = options.trustedCas().isEmpty()
                    ? "No CA file was given, so the JDK's default trust store was used, and it does not contain that issuer."
                    : "The CA certificates you supplied are: " + subjects(options.trustedCas()) + ".";
            String message = "The server presented a certificate issued by " + issuer + ", which does not chain to a trusted CA. "
                    + supplied + " This is not a client-certificate problem.";
            tracker.check(StepId.VERIFY_SERVER, Check.failed("Chain to a trust anchor", message + " (" + rootMessage(e) + ")"));
            return FailureCode.SERVER_CERT_UNTRUSTED.finding(chain[0].getSubjectX500Principal().getName(), message,
                    "Choose the CA file that issued the server certificate (its subject is " + issuer + ") as the CA file.");
        }
    }

    private Finding checkHostName(X509Certificate[] chain, String authType, SSLEngine engine) {
        String name = options.effectiveServerName();
        tracker.evidence(StepId.VERIFY_SERVER, Evidence.of("Name checked", name));
        tracker.evidence(StepId.VERIFY_SERVER, Evidence.of("subjectAltName", describeSans(chain[0])));
        if (!options.hostnameVerification()) {
            tracker.check(StepId.VERIFY_SERVER, Check.warning("Host name",
                    "not checked: host name verification is off; the chain is still verified"));
            return null;
        }

        try {
            SSLParameters parameters = engine.getSSLParameters();
            if (!"HTTPS".equals(parameters.getEndpointIdentificationAlgorithm())) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                engine.setSSLParameters(parameters);
            }
            pkix.checkServerTrusted(chain, authType, engine);
            tracker.check(StepId.VERIFY_SERVER, Check.passed("Host name", "\"" + name + "\" matches " + describeSans(chain[0])));
            return null;
        } catch (CertificateException e) {
            String message = nameMismatchMessage(name, chain[0]);
            tracker.check(StepId.VERIFY_SERVER, Check.failed("Host name", message));
            return FailureCode.SERVER_NAME_MISMATCH.finding(chain[0].getSubjectX500Principal().getName(), message,
                    nameMismatchFix(name, chain[0]));
        }
    }

    static String nameMismatchMessage(String name, X509Certificate cert) {
        List<String> sans = sanEntries(cert);
        if (sans.isEmpty()) {
            return "The server certificate has no subjectAltName, only the subject " + cert.getSubjectX500Principal().getName()
                    + "; clients that verify host names ignore the CN, so \"" + name + "\" cannot match.";
        }
        boolean ip = name.matches("[0-9.]+") || name.contains(":");
        boolean hasIp = sans.stream().anyMatch(s -> s.startsWith("IP:"));
        if (ip && !hasIp) {
            return "The target " + name + " is an IP address, but the server certificate has only DNS names: "
                    + String.join(", ", sans) + ".";
        }
        return "The name \"" + name + "\" matches none of the server certificate's subjectAltName entries: "
                + String.join(", ", sans) + ".";
    }

    static String nameMismatchFix(String name, X509Certificate cert) {
        List<String> dns = sanEntries(cert).stream().filter(s -> s.startsWith("DNS:")).map(s -> s.substring(4)).toList();
        if (dns.isEmpty()) {
            return "Reissue the server certificate with a subjectAltName for the name clients dial, for example "
                    + "openssl req ... -addext \"subjectAltName=DNS:" + name + "\".";
        }
        return "Set the server name override to one of " + String.join(", ", dns)
                + ", or reissue the server certificate with a subjectAltName entry for " + name + ".";
    }

    static List<String> sanEntries(X509Certificate cert) {
        List<String> entries = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> entry : sans) {
                    int type = (Integer) entry.get(0);
                    String prefix = switch (type) {
                        case 2 -> "DNS:";
                        case 7 -> "IP:";
                        case 1 -> "email:";
                        case 6 -> "URI:";
                        default -> "other:";
                    };
                    entries.add(prefix + entry.get(1));
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            entries.add("(unreadable: " + e.getMessage() + ")");
        }
        return entries;
    }

    private static String describeSans(X509Certificate cert) {
        List<String> sans = sanEntries(cert);
        return sans.isEmpty() ? "(none)" : String.join(", ", sans);
    }

    private String describeAnchor(X509Certificate top) {
        X509Certificate anchor = findIssuer(top, trustAnchors());
        return anchor == null ? top.getIssuerX500Principal().getName() : anchor.getSubjectX500Principal().getName();
    }

    private List<X509Certificate> trustAnchors() {
        return options.trustedCas().isEmpty() ? List.of(pkix.getAcceptedIssuers()) : options.trustedCas();
    }

    private static X509Certificate findIssuer(X509Certificate cert, List<X509Certificate> candidates) {
        X500Principal issuer = cert.getIssuerX500Principal();
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(issuer)) {
                try {
                    cert.verify(candidate.getPublicKey());
                    return candidate;
                } catch (Exception e) {
                    // Same name, other key: keep looking.
                }
            }
        }
        return null;
    }

    private static String subjects(List<X509Certificate> certs) {
        return certs.stream().map(c -> c.getSubjectX500Principal().getName()).collect(Collectors.joining("; "));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("The probe verifies servers through its SSLEngine only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("The probe verifies servers through its SSLEngine only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("The probe is a client and does not verify clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("The probe is a client and does not verify clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("The probe is a client and does not verify clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
