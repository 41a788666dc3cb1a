package io.mtlsstudio.ui.chain;

import io.mtlsstudio.pki.CertificateChain;
import io.mtlsstudio.pki.CertificateDetails;
import io.mtlsstudio.pki.ChainLink;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The words the Certificates tab uses for certificates, chains and links. */
public final class CertificateTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Days before notAfter from which a certificate is marked as expiring soon, as the engine's CERT_EXPIRES_SOON does by default. */
    static final long EXPIRY_WARNING_DAYS = 30;

    private CertificateTexts() {
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Returns for example "valid, 364 days left", "EXPIRED 12 days ago" or "NOT YET VALID, starts in 3 days". */
    public static String validity(CertificateDetails certificate, Instant now) {
        if (now.isBefore(certificate.notBefore())) {
            long days = java.time.Duration.between(now, certificate.notBefore()).toDays();
            return "NOT YET VALID, starts in " + days(days);
        }
        if (now.isAfter(certificate.notAfter())) {
            return "EXPIRED " + days(certificate.daysSinceExpiry(now)) + " ago";
        }
        return "valid, " + days(certificate.daysLeft(now)) + " left";
    }

    /** Returns the role of the certificate at {@code index} of the chain: leaf, intermediate CA, trust anchor or issuer. */
    public static String role(CertificateChain chain, int index) {
        CertificateDetails certificate = chain.certificates().get(index);
        if (index == 0) {
            return "Leaf";
        }
        if (certificate == chain.anchor()) {
            return "Trust anchor";
        }
        return certificate.ca() ? "Intermediate CA" : "Issuer";
    }

    /** Returns the CN, or the whole subject when the certificate has no CN. */
    public static String name(CertificateDetails certificate) {
        return certificate.commonName() != null ? "CN=" + certificate.commonName() : certificate.displayName();
    }

    /** Returns "CA:TRUE, pathlen 0", "CA:TRUE" or "CA:FALSE (end entity)". */
    public static String basicConstraints(CertificateDetails certificate) {
        if (!certificate.ca()) {
            return "CA:FALSE (end entity)";
        }
        return certificate.pathLength() == null ? "CA:TRUE" : "CA:TRUE, pathlen " + certificate.pathLength();
    }

    /** Returns the entries joined, or the text for an absent extension. */
    public static String list(List<String> values, String absent) {
        return values.isEmpty() ? absent : String.join(", ", values);
    }

    /** Explains how the chain ends. */
    public static String chainStatus(CertificateChain chain, ChainSide side) {
        return switch (chain.status()) {
            case TRUSTED -> "The chain reaches a trust anchor: " + name(chain.anchor()) + " from "
                    + side.sourceLabel(chain.anchor()) + ".";
            case UNTRUSTED -> "The chain ends at " + name(chain.top()) + ", a self-signed certificate that no CA file contains.";
            case INCOMPLETE -> "The chain stops at " + name(chain.top()) + ": its issuer, " + chain.top().issuer()
                    + ", is in none of the files.";
            case INVALID -> "The chain is broken: an issuer with the right name did not sign the certificate below it, "
                    + "or the path loops.";
            case NOT_CHECKED -> "No CA file was given, so where the chain ends is not judged.";
        };
    }

    /** Returns "MATCH", "MISMATCH" or "not compared", with what was compared. */
    public static String keyIdentifier(ChainLink link) {
        return switch (link.keyIdentifier()) {
            case MATCH -> "MATCH: the authority key identifier equals the issuer's subject key identifier";
            case MISMATCH -> "MISMATCH: the authority key identifier " + link.certificate().authorityKeyIdentifier()
                    + " differs from the issuer's subject key identifier " + link.issuer().subjectKeyIdentifier();
            case NOT_PRESENT -> "not compared: " + (link.certificate().authorityKeyIdentifier() == null
                    ? "the certificate has no authority key identifier" : "the issuer has no subject key identifier");
        };
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
