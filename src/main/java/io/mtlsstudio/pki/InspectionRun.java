package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One inspection: loads the files, builds the chains and collects the findings in report order. */
final class InspectionRun {

    /** A file of the request and what became of it. */
    private record Entry(Path path, FileRole role, LoadedFile loaded, CredentialException failure, List<CertificateDetails> certificates) {
        boolean passwordRequired() {
            return failure instanceof PasswordRequiredException
                    || loaded != null && loaded.keyFailure() instanceof PasswordRequiredException;
        }
    }

    private final InspectionRequest request;
    private final FileRole credentialRole;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    InspectionRun(InspectionRequest request, FileRole credentialRole) {
        this.request = request;
        this.credentialRole = credentialRole;
    }

    Inspection run() {
        List<Entry> credentialFiles = load(request.files(), credentialRole, CertificateSource.Origin.CREDENTIAL_FILE);
        List<Entry> caFiles = load(request.caFiles(), FileRole.CA, CertificateSource.Origin.CA_FILE);
        List<CertificateDetails> credentialCertificates = certificatesOf(credentialFiles);
        List<CertificateDetails> caCertificates = certificatesOf(caFiles);

        List<X509Certificate> anchors = anchors(caCertificates);
        List<CertificateDetails> known = new ArrayList<>(credentialCertificates);
        known.addAll(caCertificates);
        ChainBuilder builder = new ChainBuilder(known, anchors,
                certificate -> CertificateDetails.of(certificate, new CertificateSource(null, 1, CertificateSource.Origin.DEFAULT_TRUST_STORE)));

        for (Entry entry : credentialFiles) {
            checkOrder(entry);
        }
        List<CertificateDetails> endEntities = endEntities(credentialCertificates);
        Map<CertificateDetails, LoadedKey> pairs = matchKeys(credentialFiles, endEntities, known);

        List<CertificateChain> chains = new ArrayList<>();
        for (CertificateDetails endEntity : endEntities) {
            CertificateChain chain = builder.build(endEntity);
            chains.add(chain);
            checkChain(chain, anchors.stream().map(builder::detailsOf).toList());
        }
        checkCaFiles(caFiles, chains);
        checkRemaining(credentialCertificates, chains);
        bundles(credentialFiles, caFiles, chains);

        findings.sort(Comparator.comparing(Finding::severity));
        List<FileCheck> checks = new ArrayList<>();
        for (Entry entry : credentialFiles) {
            checks.add(fileCheck(entry));
        }
        for (Entry entry : caFiles) {
            checks.add(fileCheck(entry));
        }
        List<CertificateDetails> all = new ArrayList<>(known);
        return new Inspection(request, checks, all, chains, findings, credentials(chains, pairs));
    }

    private List<Entry> load(List<Path> files, FileRole role, CertificateSource.Origin origin) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            try {
                LoadedFile loaded = CredentialLoader.load(file, request.passwords(), request.alias());
                List<CertificateDetails> certificates = new ArrayList<>();
                for (int i = 0; i < loaded.certificates().size(); i++) {
                    certificates.add(CertificateDetails.of(loaded.certificates().get(i), new CertificateSource(file, i + 1, origin)));
                }
                entries.add(new Entry(file, role, loaded, null, certificates));
                findings.addAll(FileFindings.of(loaded, role));
            } catch (CredentialException e) {
                entries.add(new Entry(file, role, null, e, List.of()));
                findings.add(FileFindings.loadFailure(e, file));
            }
        }
        return entries;
    }

    private static List<CertificateDetails> certificatesOf(List<Entry> entries) {
        return entries.stream().flatMap(entry -> entry.certificates().stream()).toList();
    }

    private List<X509Certificate> anchors(List<CertificateDetails> caCertificates) {
        if (!request.caFiles().isEmpty()) {
            return caCertificates.stream().map(CertificateDetails::certificate).toList();
        }
        if (request.purpose() == Purpose.SERVER && request.defaultTrustStore()) {
            return DefaultTrustStore.anchors();
        }
        return List.of();
    }

    /** Certificates of the credential files that issued no other certificate there: the leaves. */
    private static List<CertificateDetails> endEntities(List<CertificateDetails> certificates) {
        List<CertificateDetails> leaves = new ArrayList<>();
        for (CertificateDetails candidate : certificates) {
            boolean issuedAnother = false;
            for (CertificateDetails other : certificates) {
                if (other != candidate && !other.certificate().equals(candidate.certificate()) && issued(candidate, other)) {
                    issuedAnother = true;
                    break;
                }
            }
            if (!issuedAnother && leaves.stream().noneMatch(leaf -> leaf.certificate().equals(candidate.certificate()))) {
                leaves.add(candidate);
            }
        }
        if (leaves.isEmpty() && !certificates.isEmpty()) {
            leaves.add(certificates.get(0));
        }
        return leaves;
    }

    private static boolean issued(CertificateDetails issuer, CertificateDetails certificate) {
        return certificate.certificate().getIssuerX500Principal().equals(issuer.certificate().getSubjectX500Principal())
                && CertificateDetails.verifiedBy(certificate.certificate(), issuer.certificate());
    }

    private void checkOrder(Entry entry) {
        List<CertificateDetails> certificates = entry.certificates();
        if (certificates.size() < 2 || entry.loaded().format().isKeystore() || entry.loaded().format() == FileFormat.PKCS7_PEM
                || entry.loaded().format() == FileFormat.PKCS7_DER) {
            return;
        }
        CertificateDetails first = certificates.get(0);
        for (CertificateDetails later : certificates.subList(1, certificates.size())) {
            if (issued(first, later)) {
                findings.add(ChainFindings.order(entry.path(), first, later));
                return;
            }
        }
    }

    /** Pairs each key with the end-entity certificate it belongs to, and reports keys that belong to none. */
    private Map<CertificateDetails, LoadedKey> matchKeys(List<Entry> entries, List<CertificateDetails> endEntities,
                                                         List<CertificateDetails> known) {
        Map<CertificateDetails, LoadedKey> pairs = new IdentityHashMap<>();
        for (Entry entry : entries) {
            if (entry.loaded() == null || entry.loaded().key() == null) {
                continue;
            }
            LoadedKey key = entry.loaded().key();
            CertificateDetails owner = endEntities.stream()
                    .filter(certificate -> KeyMatch.matches(key.key(), certificate.certificate().getPublicKey())).findFirst().orElse(null);
            if (owner != null) {
                pairs.putIfAbsent(owner, key);
                continue;
            }
            if (!endEntities.isEmpty()) {
                CertificateDetails elsewhere = known.stream()
                        .filter(certificate -> KeyMatch.matches(key.key(), certificate.certificate().getPublicKey())).findFirst().orElse(null);
                findings.add(ChainFindings.keyMismatch(entry.loaded(), endEntities, elsewhere));
            }
        }
        return pairs;
    }

    private void checkChain(CertificateChain chain, List<CertificateDetails> anchorDetails) {
        CertificateDetails leaf = chain.leaf();
        String role = "the " + request.purpose().label() + " certificate";
        addOnce(CertificateFindings.validity(leaf, role, request.now(), request.expiryWarning(), Severity.ERROR), leaf);
        addOnce(CertificateFindings.endEntity(leaf, request.purpose()), leaf);
        if (request.purpose() == Purpose.SERVER) {
            addOnce(CertificateFindings.serverName(leaf, request.serverName()), leaf);
        }

        List<CertificateDetails> certificates = chain.certificates();
        for (int i = 1; i < certificates.size(); i++) {
            CertificateDetails issuer = certificates.get(i);
            String issuerRole = issuer == chain.anchor() ? "the trust anchor of the chain" : "an intermediate CA of the chain";
            addOnce(CertificateFindings.validity(issuer, issuerRole, request.now(), request.expiryWarning(), Severity.ERROR), issuer);
            if (issuer.source().origin() != CertificateSource.Origin.CA_FILE) {
                addOnce(CertificateFindings.caFileEntry(issuer).stream()
                        .filter(finding -> finding.code().equals(CredentialCode.CA_NO_KEY_CERT_SIGN.name())).toList(), issuer);
            }
        }

        Finding verdict = ChainFindings.of(chain, request.purpose(), anchorDetails, request.caFiles(), request.now());
        if (verdict != null) {
            findings.add(verdict);
        }
    }

    private void checkCaFiles(List<Entry> caFiles, List<CertificateChain> chains) {
        Set<X509Certificate> used = usedCertificates(chains);
        for (Entry entry : caFiles) {
            for (CertificateDetails certificate : entry.certificates()) {
                addOnce(CertificateFindings.caFileEntry(certificate), certificate);
                if (!used.contains(certificate.certificate())) {
                    addOnce(CertificateFindings.validity(certificate, "a CA certificate that no chain here uses", request.now(),
                            request.expiryWarning(), Severity.WARNING), certificate);
                }
            }
        }
    }

    private void checkRemaining(List<CertificateDetails> credentialCertificates, List<CertificateChain> chains) {
        Set<X509Certificate> used = usedCertificates(chains);
        for (CertificateDetails certificate : credentialCertificates) {
            if (!used.contains(certificate.certificate())) {
                addOnce(CertificateFindings.validity(certificate, "a certificate that no chain here uses", request.now(),
                        request.expiryWarning(), Severity.WARNING), certificate);
            }
        }
    }

    private void bundles(List<Entry> credentialFiles, List<Entry> caFiles, List<CertificateChain> chains) {
        List<CertificateDetails> anchorsUsed = chains.stream().map(CertificateChain::anchor).filter(anchor -> anchor != null).toList();
        for (Entry entry : credentialFiles) {
            if (entry.certificates().size() > 1) {
                findings.add(FileFindings.bundle(entry.path(), entry.certificates(), entry.role(), anchorsUsed));
            }
        }
        for (Entry entry : caFiles) {
            if (entry.certificates().size() > 1) {
                findings.add(FileFindings.bundle(entry.path(), entry.certificates(), FileRole.CA, anchorsUsed));
            }
        }
    }

    private static Set<X509Certificate> usedCertificates(List<CertificateChain> chains) {
        Set<X509Certificate> used = new HashSet<>();
        for (CertificateChain chain : chains) {
            chain.certificates().forEach(certificate -> used.add(certificate.certificate()));
        }
        return used;
    }

    /** Adds findings about a certificate once, even when it appears in several files or chains. */
    private void addOnce(List<Finding> candidates, CertificateDetails certificate) {
        for (Finding finding : candidates) {
            if (reported.add(finding.code() + '|' + certificate.sha256())) {
                findings.add(finding);
            }
        }
    }

    private FileCheck fileCheck(Entry entry) {
        String subject = entry.path().toString();
        List<Finding> own = findings.stream().filter(finding -> finding.subject().equals(subject)).toList();
        return new FileCheck(entry.path(), entry.role(), CheckStatus.of(own), own, entry.loaded(), entry.passwordRequired());
    }

    private static Optional<Inspection.Credentials> credentials(List<CertificateChain> chains, Map<CertificateDetails, LoadedKey> pairs) {
        for (CertificateChain chain : chains) {
            LoadedKey key = pairs.get(chain.leaf());
            if (key == null) {
                continue;
            }
            Set<X509Certificate> sent = new LinkedHashSet<>();
            for (CertificateDetails certificate : chain.certificates()) {
                if (certificate.source().origin() == CertificateSource.Origin.CREDENTIAL_FILE) {
                    sent.add(certificate.certificate());
                }
            }
            return Optional.of(new Inspection.Credentials(List.copyOf(sent), key.key()));
        }
        return Optional.empty();
    }
}
