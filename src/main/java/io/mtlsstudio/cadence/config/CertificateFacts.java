package io.mtlsstudio.cadence.config;

import javax.security.auth.x500.X500Principal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The facts about a certificate that the configuration checks need, in the terms of RFC 5280. */
final class CertificateFacts {

    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private CertificateFacts() {
    }

    /** Returns the subject as RFC 2253 text, or a note that it is empty, as in Cadence's development certificates. */
    static String describe(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        return subject.isEmpty() ? "(empty subject, serial " + certificate.getSerialNumber().toString(16) + ")" : "\"" + subject + "\"";
    }

    static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Returns whether the certificate may be used for {@code purpose}: empty when it has no
     * extended key usage extension, which RFC 5280 reads as any purpose.
     */
    static Optional<Boolean> allowsPurpose(X509Certificate certificate, String purpose) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            if (usages == null) {
                return Optional.empty();
            }
            return Optional.of(usages.contains(purpose) || usages.contains(ANY_EXTENDED_KEY_USAGE));
        } catch (CertificateParsingException e) {
            return Optional.of(false);
        }
    }

    static String describeUsages(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            if (usages == null || usages.isEmpty()) {
                return "none";
            }
            List<String> names = new ArrayList<>();
            for (String oid : usages) {
                names.add(switch (oid) {
                    case SERVER_AUTH -> "serverAuth";
                    case CLIENT_AUTH -> "clientAuth";
                    case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
                    case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
                    default -> oid;
                });
            }
            return String.join(", ", names);
        } catch (CertificateParsingException e) {
            return "unreadable";
        }
    }

    /** Returns the subjectAltName entries as {@code DNS:name} and {@code IP:address}. */
    static List<String> subjectAltNames(X509Certificate certificate) {
        List<String> entries = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return entries;
            }
            for (List<?> entry : names) {
                int type = (Integer) entry.get(0);
                if (type == 2) {
                    entries.add("DNS:" + entry.get(1));
                } else if (type == 7) {
                    entries.add("IP:" + entry.get(1));
                }
            }
        } catch (CertificateParsingException e) {
            return entries;
        }
        return entries;
    }

    /**
     * Returns whether a client dialing {@code name} accepts the certificate's names, by the rules
     * of RFC 6125 that Go and the JDK share: an IP literal must match an IP entry; a host name
     * matches a DNS entry exactly (ignoring case) or a wildcard in the leftmost label only. The
     * CN is not consulted: Go stopped reading it in 1.15.
     */
    static boolean matchesName(X509Certificate certificate, String name) {
        String host = name.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Optional<InetAddress> address = ipLiteral(host);
        for (String entry : subjectAltNames(certificate)) {
            if (address.isPresent() && entry.startsWith("IP:")) {
                if (ipLiteral(entry.substring(3)).equals(address)) {
                    return true;
                }
            } else if (address.isEmpty() && entry.startsWith("DNS:") && dnsMatches(entry.substring(4), host)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dnsMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (!p.startsWith("*.")) {
            return p.equals(h);
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot).equals(p.substring(1));
    }

    /** Parses an IPv4 or IPv6 literal without any name lookup; empty for a host name. */
    static Optional<InetAddress> ipLiteral(String text) {
        if (!IPV4.matcher(text).matches() && !text.contains(":")) {
            return Optional.empty();
        }
        try {
            // getByName does no lookup for a literal, and only literals get here.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns whether {@code chain} (leaf first) leads to one of {@code anchors}: starting at the
     * leaf, each step is either an anchor itself, signed by an anchor's key under the anchor's
     * name, or signed by the next certificate of the chain. Validity dates and extensions are
     * checked elsewhere.
     */
    static boolean chainsTo(List<X509Certificate> chain, List<X509Certificate> anchors) {
        if (chain.isEmpty()) {
            return false;
        }
        X509Certificate current = chain.get(0);
        for (int step = 0; step <= chain.size(); step++) {
            if (anchors.contains(current) || issuedByAny(current, anchors)) {
                return true;
            }
            X509Certificate next = null;
            for (X509Certificate candidate : chain) {
                if (candidate != current && candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && verifies(current, candidate)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                return false;
            }
            current = next;
        }
        return false;
    }

    private static boolean issuedByAny(X509Certificate certificate, List<X509Certificate> anchors) {
        X500Principal issuer = certificate.getIssuerX500Principal();
        for (X509Certificate anchor : anchors) {
            if (anchor.getSubjectX500Principal().equals(issuer) && verifies(certificate, anchor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean verifies(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
