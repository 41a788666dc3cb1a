package io.mtlsstudio.pki;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The facts of one certificate that a chain view shows, computed once.
 *
 * @param certificate            the certificate itself
 * @param source                 the file and position it came from
 * @param subject                subject distinguished name (RFC 2253)
 * @param issuer                 issuer distinguished name (RFC 2253)
 * @param commonName             the subject CN, or null when it has none
 * @param serialHex              serial number in hex, colon-separated bytes
 * @param notBefore              start of validity
 * @param notAfter               end of validity
 * @param publicKey              algorithm and size or curve, for example "EC P-256"
 * @param signatureAlgorithm     for example "SHA256withRSA"
 * @param subjectAltNames        entries such as "DNS:cadence-frontend" and "IP:127.0.0.1"
 * @param keyUsage               key usage bits by name; empty when the extension is absent
 * @param extendedKeyUsage       extended key usages by name (serverAuth, clientAuth) or OID; empty when absent
 * @param ca                     true when basicConstraints is CA:TRUE
 * @param pathLength             the basicConstraints path length, or null when unlimited or not a CA
 * @param subjectKeyIdentifier   hex, or null when absent
 * @param authorityKeyIdentifier hex key identifier, or null when absent
 * @param sha256                 SHA-256 fingerprint, colon-separated upper-case hex
 * @param sha1                   SHA-1 fingerprint, colon-separated upper-case hex
 * @param pem                    the certificate as PEM text, ready to copy
 * @param selfSigned             subject equals issuer and the certificate's own key verifies its signature
 */
public record CertificateDetails(X509Certificate certificate, CertificateSource source, String subject, String issuer,
                                 String commonName, String serialHex, Instant notBefore, Instant notAfter, String publicKey,
                                 String signatureAlgorithm, List<String> subjectAltNames, List<String> keyUsage,
                                 List<String> extendedKeyUsage, boolean ca, Integer pathLength, String subjectKeyIdentifier,
                                 String authorityKeyIdentifier, String sha256, String sha1, String pem, boolean selfSigned) {

    private static final String[] KEY_USAGE_NAMES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    private static final Map<String, String> EXTENDED_KEY_USAGE_NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "anyExtendedKeyUsage");

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    public CertificateDetails {
        subjectAltNames = List.copyOf(subjectAltNames);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }

    /** Computes the facts of a certificate. */
    public static CertificateDetails of(X509Certificate certificate, CertificateSource source) {
        byte[] encoded;
        try {
            encoded = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate from " + source.label() + " cannot be encoded", e);
        }
        int basicConstraints = certificate.getBasicConstraints();
        boolean selfIssued = certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());

        return new CertificateDetails(certificate, source,
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                commonName(certificate),
                serialHex(certificate),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                KeyDescriptions.describe(certificate.getPublicKey()),
                certificate.getSigAlgName(),
                subjectAltNames(certificate),
                keyUsage(certificate),
                extendedKeyUsage(certificate),
                basicConstraints >= 0,
                basicConstraints >= 0 && basicConstraints != Integer.MAX_VALUE ? basicConstraints : null,
                keyIdentifier(certificate, Extension.subjectKeyIdentifier),
                keyIdentifier(certificate, Extension.authorityKeyIdentifier),
                COLON_HEX.formatHex(digest("SHA-256", encoded)),
                COLON_HEX.formatHex(digest("SHA-1", encoded)),
                "-----BEGIN CERTIFICATE-----\n" + PEM_BASE64.encodeToString(encoded) + "\n-----END CERTIFICATE-----\n",
                selfIssued && verifiedBy(certificate, certificate));
    }

    /** True when {@code issuer}'s public key verifies the signature on {@code certificate}. */
    static boolean verifiedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Whole days from {@code now} until notAfter; negative once it has expired. */
    public long daysLeft(Instant now) {
        return Math.floorDiv(Duration.between(now, notAfter).toHours(), 24);
    }

    /** Whole days since notAfter, or 0 when it has not expired. */
    public long daysSinceExpiry(Instant now) {
        return now.isAfter(notAfter) ? Duration.between(notAfter, now).toDays() : 0;
    }

    public boolean isValidAt(Instant now) {
        return !now.isBefore(notBefore) && !now.isAfter(notAfter);
    }

    public boolean hasExtendedKeyUsage() {
        return !extendedKeyUsage.isEmpty();
    }

    /** True when the extended key usage allows {@code usage} ("serverAuth" or "clientAuth"), as an absent extension does. */
    public boolean allowsUsage(String usage) {
        return extendedKeyUsage.isEmpty() || extendedKeyUsage.contains(usage) || extendedKeyUsage.contains("anyExtendedKeyUsage");
    }

    /** Returns the subject for messages: the DN, or a note that it is empty. */
    public String displayName() {
        return subject.isEmpty() ? "(empty subject, serial " + serialHex + ")" : subject;
    }

    @Override
    public String toString() {
        return "CertificateDetails[" + displayName() + " from " + source.label() + "]";
    }

    private static String serialHex(X509Certificate certificate) {
        byte[] bytes = certificate.getSerialNumber().toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return COLON_HEX.formatHex(bytes, start, bytes.length);
    }

    private static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] rdns = name.getRDNs(BCStyle.CN);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    static List<String> subjectAltNames(X509Certificate certificate) {
        List<String> entries = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return entries;
            }
            for (List<?> entry : names) {
                int type = (Integer) entry.get(0);
                Object value = entry.get(1);
                String prefix = switch (type) {
                    case 1 -> "email:";
                    case 2 -> "DNS:";
                    case 6 -> "URI:";
                    case 7 -> "IP:";
                    case 4 -> "DirName:";
                    default -> "othername:";
                };
                entries.add(prefix + (value instanceof String text ? text : "(binary)"));
            }
        } catch (CertificateParsingException e) {
            entries.add("(unreadable subjectAltName: " + e.getMessage() + ")");
        }
        return entries;
    }

    private static List<String> keyUsage(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        List<String> names = new ArrayList<>();
        if (bits != null) {
            for (int i = 0; i < bits.length && i < KEY_USAGE_NAMES.length; i++) {
                if (bits[i]) {
                    names.add(KEY_USAGE_NAMES[i]);
                }
            }
        }
        return names;
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            List<String> oids = certificate.getExtendedKeyUsage();
            if (oids == null) {
                return List.of();
            }
            return oids.stream().map(oid -> EXTENDED_KEY_USAGE_NAMES.getOrDefault(oid, oid)).toList();
        } catch (CertificateParsingException e) {
            return List.of("(unreadable extendedKeyUsage: " + e.getMessage() + ")");
        }
    }

    private static String keyIdentifier(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier extension) {
        byte[] value = certificate.getExtensionValue(extension.getId());
        if (value == null) {
            return null;
        }
        try {
            byte[] inner = ASN1OctetString.getInstance(value).getOctets();
            byte[] identifier = extension.equals(Extension.subjectKeyIdentifier)
                    ? SubjectKeyIdentifier.getInstance(inner).getKeyIdentifier()
                    : AuthorityKeyIdentifier.getInstance(inner).getKeyIdentifierOctets();
            return identifier == null ? null : COLON_HEX.formatHex(identifier);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no " + algorithm, e);
        }
    }
}
