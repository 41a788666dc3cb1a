package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Findings about one certificate: its validity, its usages, its names and its fitness as a CA. */
final class CertificateFindings {

    private CertificateFindings() {
    }

    static String subjectOf(CertificateDetails certificate) {
        return certificate.source().file() == null ? certificate.source().label() : certificate.source().file().toString();
    }

    private static String named(CertificateDetails certificate) {
        return certificate.displayName() + " in " + certificate.source().label();
    }

    /**
     * CERT_EXPIRED, CERT_NOT_YET_VALID and CERT_EXPIRES_SOON.
     *
     * @param role   what the certificate is here, for example "the client certificate" or "an intermediate CA"
     * @param weight ERROR for certificates a handshake would use; lower for CA certificates no chain uses
     */
    static List<Finding> validity(CertificateDetails certificate, String role, Instant now, Duration warning, Severity weight) {
        List<Finding> findings = new ArrayList<>();
        String subject = subjectOf(certificate);
        String dates = "openssl x509 -noout -dates -in " + Shell.quote(subject);
        Instant clock = now.truncatedTo(ChronoUnit.SECONDS);
        String renew = certificate.source().origin() == CertificateSource.Origin.CREDENTIAL_FILE
                ? "Renew it from its CA and deploy the new certificate"
                : "Replace it in " + subject + " with the CA's current certificate, or remove it";

        if (now.isAfter(certificate.notAfter())) {
            long days = certificate.daysSinceExpiry(now);
            findings.add(CredentialCode.CERT_EXPIRED.finding(weight, subject, named(certificate) + " (" + role + ") expired on "
                    + certificate.notAfter() + ", " + days + " day(s) ago; this machine's clock reads " + clock
                    + ". Peers reject it with alert certificate_expired or \"certificate has expired\".",
                    renew + "; check the dates with: " + dates));
        } else if (now.isBefore(certificate.notBefore())) {
            Duration skew = Duration.between(now, certificate.notBefore());
            findings.add(CredentialCode.CERT_NOT_YET_VALID.finding(weight, subject, named(certificate) + " (" + role
                    + ") is valid only from " + certificate.notBefore() + "; this machine's clock reads " + clock + ", "
                    + describe(skew) + " earlier. Peers reject it until then.",
                    "Check the clocks of this machine and of the CA that issued it (timedatectl status), or reissue it with an"
                            + " earlier notBefore; check the dates with: " + dates));
        } else if (Duration.between(now, certificate.notAfter()).compareTo(warning) < 0) {
            Severity soon = weight == Severity.ERROR ? Severity.WARNING : Severity.INFO;
            findings.add(CredentialCode.CERT_EXPIRES_SOON.finding(soon, subject, named(certificate) + " (" + role + ") expires on "
                    + certificate.notAfter() + ", in " + certificate.daysLeft(now) + " day(s).",
                    renew + " before " + certificate.notAfter() + "; check the dates with: " + dates));
        }
        return findings;
    }

    /** EKU_NO_CLIENT_AUTH or EKU_NO_SERVER_AUTH, KU_NO_DIGITAL_SIGNATURE, CERT_SHA1_SIGNATURE and CERT_SELF_SIGNED. */
    static List<Finding> endEntity(CertificateDetails certificate, Purpose purpose) {
        List<Finding> findings = new ArrayList<>();
        String subject = subjectOf(certificate);

        if (!certificate.allowsUsage(purpose.extendedKeyUsage())) {
            findings.add(extendedKeyUsage(certificate, purpose));
        }
        if (!certificate.keyUsage().isEmpty() && !certificate.keyUsage().contains("digitalSignature")) {
            findings.add(CredentialCode.KU_NO_DIGITAL_SIGNATURE.finding(subject, named(certificate) + " has a key usage of "
                    + String.join(", ", certificate.keyUsage()) + " without digitalSignature. In TLS 1.3, and with ECDHE in TLS 1.2,"
                    + " the " + purpose.label() + " signs the handshake with this key, which this key usage does not allow. The JDK"
                    + " rejects such a certificate (\"KeyUsage does not allow digital signatures\"); OpenSSL's purpose check accepts"
                    + " keyAgreement, so other stacks may accept it or fail later in the handshake.",
                    "Reissue it with keyUsage = critical, digitalSignature" + (certificate.publicKey().startsWith("RSA") ? ", keyEncipherment" : "")
                            + " (openssl: -addext \"keyUsage=critical,digitalSignature\")."));
        }
        if (!certificate.selfSigned() && certificate.signatureAlgorithm().toUpperCase(Locale.ROOT).contains("SHA1")) {
            findings.add(CredentialCode.CERT_SHA1_SIGNATURE.finding(subject, named(certificate) + " is signed with "
                    + certificate.signatureAlgorithm() + ". Go 1.18 and later reject SHA-1 signatures on certificates"
                    + " (\"x509: certificate signed by unknown authority\" with an insecure algorithm note), and the JDK rejects them"
                    + " on chains to its built-in roots.",
                    "Have the CA reissue it with SHA-256 (openssl x509 -req ... -sha256)."));
        }
        if (certificate.selfSigned()) {
            findings.add(selfSigned(certificate, purpose));
        }
        return findings;
    }

    private static Finding extendedKeyUsage(CertificateDetails certificate, Purpose purpose) {
        String subject = subjectOf(certificate);
        String present = String.join(", ", certificate.extendedKeyUsage());
        if (purpose == Purpose.CLIENT) {
            return CredentialCode.EKU_NO_CLIENT_AUTH.finding(subject, named(certificate) + " is used as a client certificate, but its"
                    + " extended key usage is " + present + " without clientAuth. The server (Go crypto/tls, as in the Cadence frontend,"
                    + " or the JDK) rejects it with \"certificate specifies an incompatible key usage\", and the client sees"
                    + " alert bad_certificate or \"error reading server preface\".",
                    "Reissue it with extendedKeyUsage = clientAuth (openssl: -addext \"extendedKeyUsage=clientAuth\");"
                            + " a certificate used both ways needs \"extendedKeyUsage=serverAuth,clientAuth\".");
        }
        return CredentialCode.EKU_NO_SERVER_AUTH.finding(subject, named(certificate) + " is used as a server certificate, but its"
                + " extended key usage is " + present + " without serverAuth. Clients (Go crypto/tls as in the Cadence Go client, the JDK)"
                + " reject it with \"certificate specifies an incompatible key usage\" or \"Extended key usage does not permit use for TLS server authentication\".",
                "Reissue it with extendedKeyUsage = serverAuth (openssl: -addext \"extendedKeyUsage=serverAuth\");"
                        + " a certificate used both ways needs \"extendedKeyUsage=serverAuth,clientAuth\".");
    }

    private static Finding selfSigned(CertificateDetails certificate, Purpose purpose) {
        String subject = subjectOf(certificate);
        String ca = certificate.ca() ? " and CA:TRUE" : "";
        String peer = purpose == Purpose.CLIENT
                ? "the server trusts it only if this very certificate is in its client CA file (Cadence: the frontend's tls.caFiles)"
                : "clients trust it only if this very certificate is in their CA file";
        String fix = purpose == Purpose.CLIENT
                ? "Add " + subject + " to the server's client CA file, or have the certificate issued by the CA the server trusts."
                : "Give " + subject + " to clients as their CA file (mTLS Studio: --ca " + Shell.quote(subject)
                        + "), or have the certificate issued by a CA the clients trust.";
        return CredentialCode.CERT_SELF_SIGNED.finding(subject, named(certificate) + " is self-signed" + ca
                + ": it is its own issuer, so " + peer + ".", fix);
    }

    /**
     * CERT_NO_SAN, CERT_NAME_MISMATCH and CERT_IP_NOT_IN_SAN for a server certificate.
     *
     * @param serverName the name or IP address clients dial, or null when unknown
     */
    static List<Finding> serverName(CertificateDetails certificate, String serverName) {
        List<Finding> findings = new ArrayList<>();
        String subject = subjectOf(certificate);
        List<String> sans = certificate.subjectAltNames();
        List<String> dns = sans.stream().filter(s -> s.startsWith("DNS:")).map(s -> s.substring(4)).toList();
        List<String> ips = sans.stream().filter(s -> s.startsWith("IP:")).map(s -> s.substring(3)).toList();
        String suggested = serverName == null ? "cadence-frontend" : serverName;
        String sanLine = (serverName != null && HostNames.isIpAddress(serverName) ? "IP:" : "DNS:") + suggested;

        if (dns.isEmpty() && ips.isEmpty()) {
            findings.add(noSubjectAltName(certificate, serverName, sanLine));
            return findings;
        }
        if (serverName == null) {
            return findings;
        }

        boolean ip = HostNames.isIpAddress(serverName);
        boolean matched = ip ? ips.stream().anyMatch(entry -> HostNames.ipMatches(entry, serverName))
                : dns.stream().anyMatch(entry -> HostNames.dnsMatches(entry, serverName));
        if (matched) {
            return findings;
        }
        String present = String.join(", ", sans);
        if (ip && ips.isEmpty()) {
            findings.add(CredentialCode.CERT_IP_NOT_IN_SAN.finding(subject, "Clients dial the IP address " + serverName + ", but "
                    + named(certificate) + " has only DNS names in its subjectAltName: " + present + ". An IP address matches only an"
                    + " IP entry, so Go fails with \"doesn't contain any IP SANs\" and the JDK with \"No subject alternative names matching IP address\".",
                    "Set the server name override to one of its DNS names (mTLS Studio: --server-name " + dns.get(0)
                            + "; Go: tls.Config.ServerName; grpc-java: overrideAuthority), or reissue it with an IP entry added:"
                            + " -addext \"subjectAltName=DNS:" + dns.get(0) + ",IP:" + serverName + "\"."));
            return findings;
        }
        String cn = certificate.commonName() == null ? "" : " Its CN (" + certificate.commonName()
                + ") is not checked, because clients ignore the CN when a subjectAltName is present.";
        String override = dns.isEmpty() ? "" : "Dial one of " + String.join(", ", dns) + ", or set the server name override to one"
                + " of them (mTLS Studio: --server-name " + dns.get(0) + "); otherwise ";
        findings.add(CredentialCode.CERT_NAME_MISMATCH.finding(subject, "Clients dial \"" + serverName + "\", which matches none of the"
                + " subjectAltName entries of " + named(certificate) + ": " + present + "." + cn,
                override + "reissue the certificate with -addext \"subjectAltName=" + sanLine + "\" next to its other names."));
        return findings;
    }

    private static Finding noSubjectAltName(CertificateDetails certificate, String serverName, String sanLine) {
        String subject = subjectOf(certificate);
        String cn = certificate.commonName();
        String fix = "Reissue it with a subjectAltName for every name clients dial, for example -addext \"subjectAltName=" + sanLine
                + "\"; for a development server only, turn host name verification off in the client (mTLS Studio:"
                + " --no-hostname-verification; Go: InsecureSkipVerify, which also skips the chain check).";

        if (cn == null) {
            List<String> facts = new ArrayList<>();
            if (certificate.selfSigned()) {
                facts.add("self-signed");
            }
            if (certificate.ca()) {
                facts.add("CA:TRUE");
            }
            facts.add("no CN and no subjectAltName");
            return CredentialCode.CERT_NO_SAN.finding(serverName == null ? Severity.WARNING : Severity.ERROR, subject,
                    subject + " (" + certificate.displayName() + "): " + String.join(", ", facts) + ", so any client that"
                            + " verifies the host name rejects the frontend certificate, because it names no host at all.", fix);
        }

        String dialled = serverName == null ? "" : cn.equalsIgnoreCase(serverName)
                ? " The CN matches \"" + serverName + "\", but that does not help those clients."
                : " The CN does not match \"" + serverName + "\" either.";
        return CredentialCode.CERT_NO_SAN.finding(serverName == null ? Severity.WARNING : Severity.ERROR, subject,
                named(certificate) + " has no subjectAltName; the name \"" + cn + "\" is only in the CN. Go 1.15 and later (the Cadence"
                        + " Go client) fail with \"x509: certificate relies on legacy Common Name field\", and the JDK's host name check"
                        + " fails with \"No subject alternative DNS name matching\"; only some OpenSSL-based clients still fall back to the CN."
                        + dialled, fix);
    }

    /** CA_FILE_HAS_LEAF and CA_NO_KEY_CERT_SIGN for a certificate in a CA file. */
    static List<Finding> caFileEntry(CertificateDetails certificate) {
        List<Finding> findings = new ArrayList<>();
        String subject = subjectOf(certificate);
        boolean versionOneRoot = certificate.certificate().getVersion() == 1 && certificate.selfSigned();

        if (!certificate.ca() && !versionOneRoot) {
            String check = "openssl x509 -noout -subject -issuer -ext basicConstraints -in " + Shell.quote(subject);
            if (certificate.selfSigned()) {
                findings.add(CredentialCode.CA_FILE_HAS_LEAF.finding(Severity.WARNING, subject, "The CA file " + subject + " contains "
                        + certificate.displayName() + ", a self-signed end-entity certificate (CA:FALSE). It can vouch only for itself,"
                        + " and some TLS stacks do not accept a CA:FALSE certificate as a trust anchor.",
                        "If this certificate is the peer's own, keep it; otherwise put the CA certificate that issued the peer's"
                                + " certificate in " + subject + ". Check what it contains with: " + check));
            } else {
                findings.add(CredentialCode.CA_FILE_HAS_LEAF.finding(subject, "The CA file " + subject + " contains " + certificate.displayName()
                        + ", an end-entity certificate (CA:FALSE) issued by " + certificate.issuer() + ", not a CA. A peer that verifies"
                        + " against this file cannot build a chain, and the handshake fails (server side: alert handshake_failure or unknown_ca).",
                        "Choose the certificate of its issuer (" + certificate.issuer() + ") as the CA file instead of " + subject
                                + ", usually the ca.crt of the same PKI. Check what a file contains with: " + check));
            }
        }
        if (certificate.ca() && !certificate.keyUsage().isEmpty() && !certificate.keyUsage().contains("keyCertSign")) {
            findings.add(CredentialCode.CA_NO_KEY_CERT_SIGN.finding(subject, named(certificate) + " is CA:TRUE, but its key usage ("
                    + String.join(", ", certificate.keyUsage()) + ") lacks keyCertSign, so it may not sign certificates. OpenSSL 3.0"
                    + " rejects every chain through it, even as the trust anchor (\"invalid CA certificate\", \"key usage does not include"
                    + " certificate signing\"), and the JDK rejects it as an intermediate.",
                    "Reissue the CA certificate with keyUsage = critical, keyCertSign, cRLSign"
                            + " (openssl: -addext \"keyUsage=critical,keyCertSign,cRLSign\")."));
        }
        return findings;
    }

    private static String describe(Duration duration) {
        if (duration.toDays() >= 2) {
            return duration.toDays() + " days";
        }
        if (duration.toHours() >= 2) {
            return duration.toHours() + " hours";
        }
        return Math.max(1, duration.toMinutes()) + " minute(s)";
    }
}
