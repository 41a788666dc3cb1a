package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Findings across files: chains against the CA files, and private keys against certificates. */
final class ChainFindings {

    private ChainFindings() {
    }

    /**
     * CHAIN_UNTRUSTED, CHAIN_INCOMPLETE, CHAIN_SIGNATURE_INVALID or CHAIN_INVALID for one chain, or null when it is sound.
     *
     * @param anchors     the certificates of the CA files (or of the default trust store), by subject, for messages
     * @param caFiles     the CA files given; empty when the default trust store was used
     */
    static Finding of(CertificateChain chain, Purpose purpose, List<CertificateDetails> anchors, List<Path> caFiles, Instant now) {
        return switch (chain.status()) {
            case UNTRUSTED -> untrusted(chain, purpose, anchors, caFiles);
            case INCOMPLETE -> incomplete(chain, purpose, caFiles);
            case INVALID -> invalid(chain);
            case TRUSTED -> pkix(chain, now);
            case NOT_CHECKED -> null;
        };
    }

    private static String caFilesText(List<Path> caFiles) {
        return caFiles.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private static String anchorsText(List<CertificateDetails> anchors, List<Path> caFiles) {
        if (caFiles.isEmpty()) {
            return "No CA file was given, so the JDK's default trust store was used, as the check command does, and it does not contain that issuer.";
        }
        int limit = 5;
        String names = anchors.stream().limit(limit).map(a -> a.displayName() + " (" + a.source().label() + ")").collect(Collectors.joining("; "));
        String more = anchors.size() > limit ? "; and " + (anchors.size() - limit) + " more" : "";
        return "The CA files given (" + caFilesText(caFiles) + ") contain: " + (anchors.isEmpty() ? "no certificate" : names + more) + ".";
    }

    private static Finding untrusted(CertificateChain chain, Purpose purpose, List<CertificateDetails> anchors, List<Path> caFiles) {
        CertificateDetails leaf = chain.leaf();
        CertificateDetails top = chain.top();
        String subject = CertificateFindings.subjectOf(leaf);
        String start = top == leaf
                ? leaf.displayName() + " (" + leaf.source().label() + ") is self-signed and is not among the trusted certificates. "
                : "The chain of " + leaf.displayName() + " (" + leaf.source().label() + ") ends at the self-signed " + top.displayName()
                        + " (" + top.source().label() + "), which is not among the trusted certificates. ";
        String effect = purpose == Purpose.CLIENT
                ? " A server that verifies client certificates against them rejects this one (alert unknown_ca or bad_certificate)."
                : " A client that trusts only them rejects the server (\"unknown authority\", \"PKIX path building failed\"); this is not a"
                        + " client-certificate problem.";
        String fix = purpose == Purpose.CLIENT
                ? "Add the certificate of " + top.displayName() + " to the server's client CA file (Cadence: the frontend's tls.caFiles),"
                        + " or have the client certificate issued by a CA that is already there."
                : "Give the CA that issued the server certificate (" + top.displayName() + ") as the CA file: --ca "
                        + Shell.quote(CertificateFindings.subjectOf(top)) + ".";
        return CredentialCode.CHAIN_UNTRUSTED.finding(subject, start + anchorsText(anchors, caFiles) + effect, fix);
    }

    private static Finding incomplete(CertificateChain chain, Purpose purpose, List<Path> caFiles) {
        CertificateDetails leaf = chain.leaf();
        CertificateDetails top = chain.top();
        String subject = CertificateFindings.subjectOf(leaf);
        String where = caFiles.isEmpty() ? "the JDK's default trust store" : "the CA files (" + caFilesText(caFiles) + ")";
        String sender = purpose == Purpose.CLIENT ? "client" : "server";
        String verify = caFiles.isEmpty() ? "" : "; then check with: openssl verify -CAfile " + Shell.quote(caFiles.get(0))
                + " -untrusted " + Shell.quote(subject) + " " + Shell.quote(subject);
        return CredentialCode.CHAIN_INCOMPLETE.finding(subject, "The chain of " + leaf.displayName() + " (" + leaf.source().label()
                + ") stops at " + top.displayName() + ", issued by " + top.issuer() + ", which is neither in the " + sender
                + " certificate files nor in " + where + ". If " + top.issuer() + " is an intermediate CA, the " + sender
                + " must send it after the leaf; if it is a root, the peer must trust it.",
                "Append the intermediate certificate to the certificate file, leaf first (cat intermediate.crt >> " + Shell.quote(subject)
                        + "), or give the CA file that contains " + top.issuer() + verify);
    }

    private static Finding invalid(CertificateChain chain) {
        CertificateDetails leaf = chain.leaf();
        String subject = CertificateFindings.subjectOf(leaf);
        ChainLink last = chain.links().isEmpty() ? null : chain.links().get(chain.links().size() - 1);
        if (last == null || last.signatureVerified()) {
            return CredentialCode.CHAIN_INVALID.finding(subject, "The chain of " + leaf.displayName() + " (" + leaf.source().label()
                    + ") loops or is longer than " + ChainBuilder.MAX_DEPTH + " certificates.",
                    "Check the issuers with: openssl crl2pkcs7 -nocrl -certfile " + Shell.quote(subject) + " | openssl pkcs7 -print_certs -noout");
        }
        CertificateDetails child = last.certificate();
        CertificateDetails issuer = last.issuer();
        String childFile = Shell.quote(CertificateFindings.subjectOf(child));
        String issuerFile = Shell.quote(CertificateFindings.subjectOf(issuer));
        return CredentialCode.CHAIN_SIGNATURE_INVALID.finding(subject, child.displayName() + " (" + child.source().label()
                + ") names " + child.issuer() + " as its issuer, and " + issuer.source().label() + " contains a certificate with that name,"
                + " but its key did not sign " + child.displayName() + ". The CA was probably generated again, or the files come from"
                + " two PKIs that use the same CA name.",
                "Reissue the certificate from the current CA, or use the CA certificate that really issued it. Compare"
                        + " openssl x509 -noout -ext authorityKeyIdentifier -in " + childFile
                        + " with openssl x509 -noout -ext subjectKeyIdentifier -in " + issuerFile + "; the two identifiers must be equal.");
    }

    /** Runs the JDK's PKIX validation over a trusted chain to catch what the path search does not check. */
    private static Finding pkix(CertificateChain chain, Instant now) {
        if (chain.certificates().size() < 2) {
            return null;
        }
        List<X509Certificate> path = chain.certificates().subList(0, chain.certificates().size() - 1).stream()
                .map(CertificateDetails::certificate).toList();
        try {
            CertPath certPath = LoadedFileBuilder.certificateFactory().generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain.anchor().certificate(), null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return null;
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return null;
            }
            CertificateDetails leaf = chain.leaf();
            String subject = CertificateFindings.subjectOf(leaf);
            String anchorFile = Shell.quote(CertificateFindings.subjectOf(chain.anchor()));
            return CredentialCode.CHAIN_INVALID.finding(subject, "The JDK's PKIX validation rejects the chain of " + leaf.displayName()
                    + " (" + leaf.source().label() + ") to " + chain.anchor().displayName() + ": " + e.getMessage() + ".",
                    "See the same check in OpenSSL's words: openssl verify -CAfile " + anchorFile + " -untrusted "
                            + Shell.quote(subject) + " " + Shell.quote(subject));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * KEY_CERT_MISMATCH for a key that belongs to none of the end-entity certificates.
     *
     * @param owner the loaded certificate the key does belong to, or null when none
     */
    static Finding keyMismatch(LoadedFile keyFile, List<CertificateDetails> endEntities, CertificateDetails owner) {
        String subject = keyFile.path().toString();
        String certificates = endEntities.stream().map(c -> c.displayName() + " (" + c.source().label() + ")").collect(Collectors.joining(", "));
        String belongs = owner == null
                ? " It belongs to none of the loaded certificates."
                : " It is the key of " + owner.displayName() + " (" + owner.source().label() + ").";
        CertificateDetails first = endEntities.get(0);
        String certificateFile = Shell.quote(CertificateFindings.subjectOf(first));
        String keyQuoted = Shell.quote(keyFile.path());
        return CredentialCode.KEY_CERT_MISMATCH.finding(subject, "The private key in " + subject + " (" + keyFile.key().description()
                + ") does not match the public key of " + certificates + "." + belongs + " TLS stacks refuse the pair (\"private key"
                + " does not match public key\"), or the peer fails the handshake when the signature does not verify.",
                "Use the key that was generated for this certificate, or the certificate issued for this key. Compare: openssl x509"
                        + " -noout -pubkey -in " + certificateFile + " | openssl sha256 and openssl pkey -pubout -in " + keyQuoted
                        + " | openssl sha256; the two digests must be equal.");
    }

    /** CHAIN_ORDER for a certificate file whose first certificate issued a later one. */
    static Finding order(Path file, CertificateDetails first, CertificateDetails issued) {
        String subject = file.toString();
        return CredentialCode.CHAIN_ORDER.finding(subject, subject + " lists " + first.displayName() + " first, but it issued "
                + issued.displayName() + ", which comes later. TLS stacks send the first certificate as the leaf, and Go's"
                + " tls.LoadX509KeyPair checks the key against it.",
                "Reorder the blocks: the leaf first, then its issuer, then that issuer's issuer.");
    }
}
