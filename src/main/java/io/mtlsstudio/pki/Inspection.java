package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The result of inspecting credential files: the certificates, the chains from each end-entity
 * certificate, the findings, and the verdict on each file.
 *
 * @param request      what was inspected
 * @param files        one check per credential file, then one per CA file
 * @param certificates every certificate loaded, credential files first, in file order
 * @param chains       one chain per end-entity certificate of the credential files
 * @param findings     all findings, errors first
 * @param credentials  the certificate chain and the key that belongs to its leaf, ready for the probe, if both loaded
 */
public record Inspection(InspectionRequest request, List<FileCheck> files, List<CertificateDetails> certificates,
                         List<CertificateChain> chains, List<Finding> findings, Optional<Credentials> credentials) {

    /**
     * A certificate chain with its private key, converted to JDK types whatever format they came in.
     *
     * @param chain leaf first, then the intermediates from the credential files
     * @param key   the private key of the leaf; {@link #toString()} leaves it out
     */
    public record Credentials(List<X509Certificate> chain, PrivateKey key) {
        public Credentials {
            chain = List.copyOf(chain);
        }

        @Override
        public String toString() {
            return "Credentials[" + chain.size() + " certificate(s), " + KeyDescriptions.describe(key) + " key]";
        }
    }

    public Inspection {
        files = List.copyOf(files);
        certificates = List.copyOf(certificates);
        chains = List.copyOf(chains);
        findings = List.copyOf(findings);
    }

    public CheckStatus status() {
        return CheckStatus.of(findings);
    }

    /** Returns the findings with this code, in report order. */
    public List<Finding> findings(CredentialCode code) {
        return findings.stream().filter(finding -> finding.code().equals(code.name())).toList();
    }
}
