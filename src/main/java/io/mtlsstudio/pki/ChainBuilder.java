package io.mtlsstudio.pki;

import javax.security.auth.x500.X500Principal;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the path from an end-entity certificate to a trust anchor over every loaded certificate:
 * an issuer is a certificate whose subject is the issuer name and whose key verifies the signature.
 */
final class ChainBuilder {

    /** Longer paths than this are treated as loops; real PKIs stay far below it. */
    static final int MAX_DEPTH = 10;

    private final Map<X500Principal, List<X509Certificate>> bySubject = new HashMap<>();
    private final Map<X509Certificate, CertificateDetails> details = new IdentityHashMap<>();
    private final Set<X509Certificate> anchors;
    private final Function<X509Certificate, CertificateDetails> describe;

    /**
     * @param known    details of the certificates loaded from files
     * @param anchors  the trust anchors; empty when no CA file was given, so that chains are not judged
     * @param describe computes details for anchors not among {@code known}, such as the default trust store's
     */
    ChainBuilder(List<CertificateDetails> known, List<X509Certificate> anchors, Function<X509Certificate, CertificateDetails> describe) {
        this.anchors = new HashSet<>(anchors);
        this.describe = describe;
        for (CertificateDetails certificate : known) {
            details.putIfAbsent(certificate.certificate(), certificate);
            add(certificate.certificate());
        }
        for (X509Certificate anchor : anchors) {
            add(anchor);
        }
    }

    CertificateChain build(CertificateDetails leaf) {
        List<CertificateDetails> path = new ArrayList<>(List.of(leaf));
        List<ChainLink> links = new ArrayList<>();
        boolean judged = !anchors.isEmpty();
        CertificateDetails current = leaf;

        while (true) {
            X509Certificate anchor = matchingAnchor(current.certificate());
            if (anchor != null) {
                if (current.selfSigned()) {
                    links.add(ChainLink.between(current, current));
                }
                return new CertificateChain(path, links, CertificateChain.Status.TRUSTED, current);
            }
            if (current.selfSigned()) {
                links.add(ChainLink.between(current, current));
                return new CertificateChain(path, links, judged ? CertificateChain.Status.UNTRUSTED : CertificateChain.Status.NOT_CHECKED, null);
            }
            if (path.size() >= MAX_DEPTH) {
                return new CertificateChain(path, links, CertificateChain.Status.INVALID, null);
            }

            CertificateDetails issuer = findIssuer(current);
            if (issuer == null) {
                return new CertificateChain(path, links, judged ? CertificateChain.Status.INCOMPLETE : CertificateChain.Status.NOT_CHECKED, null);
            }
            ChainLink link = ChainLink.between(current, issuer);
            links.add(link);
            if (!link.signatureVerified() || path.contains(issuer)) {
                return new CertificateChain(path, links, CertificateChain.Status.INVALID, null);
            }
            path.add(issuer);
            current = issuer;
        }
    }

    /** Returns the details of a certificate, computing them for trust-store anchors on first use. */
    CertificateDetails detailsOf(X509Certificate certificate) {
        return details.computeIfAbsent(certificate, describe);
    }

    /** Returns the anchor that is this certificate or has its subject and public key (a re-issued root), or null. */
    private X509Certificate matchingAnchor(X509Certificate certificate) {
        for (X509Certificate anchor : bySubject.getOrDefault(certificate.getSubjectX500Principal(), List.of())) {
            if (!anchors.contains(anchor)) {
                continue;
            }
            if (anchor.equals(certificate)
                    || Arrays.equals(anchor.getPublicKey().getEncoded(), certificate.getPublicKey().getEncoded())) {
                return anchor;
            }
        }
        return null;
    }

    /**
     * Finds the issuer among the known certificates: one whose key verifies the signature, anchors first.
     * Failing that, it returns the first one with the right name, so that the broken link can be shown.
     */
    private CertificateDetails findIssuer(CertificateDetails certificate) {
        List<X509Certificate> candidates = bySubject.getOrDefault(certificate.certificate().getIssuerX500Principal(), List.of());
        X509Certificate verified = null;
        X509Certificate named = null;
        for (X509Certificate candidate : candidates) {
            if (candidate.equals(certificate.certificate())) {
                continue;
            }
            if (named == null) {
                named = candidate;
            }
            if (CertificateDetails.verifiedBy(certificate.certificate(), candidate)) {
                if (anchors.contains(candidate)) {
                    return detailsOf(candidate);
                }
                if (verified == null) {
                    verified = candidate;
                }
            }
        }
        X509Certificate chosen = verified != null ? verified : named;
        return chosen == null ? null : detailsOf(chosen);
    }

    private void add(X509Certificate certificate) {
        List<X509Certificate> sameSubject = bySubject.computeIfAbsent(certificate.getSubjectX500Principal(), key -> new ArrayList<>());
        if (!sameSubject.contains(certificate)) {
            sameSubject.add(certificate);
        }
    }
}
