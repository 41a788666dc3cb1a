package io.mtlsstudio.cadence.config;

import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.pki.CredentialInspector;
import io.mtlsstudio.pki.FileCheck;
import io.mtlsstudio.pki.FileRole;
import io.mtlsstudio.pki.PasswordSource;
import io.mtlsstudio.pki.Purpose;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the TLS blocks of a layered configuration against each other and against the files they
 * name. The rules follow what Cadence's {@code config.TLS.ToTLSConfig} builds: a Go
 * {@code tls.Config} with {@code InsecureSkipVerify = !enableHostVerification}, RootCAs from
 * {@code caFiles} plus {@code caFile}, {@code RequireAndVerifyClientCert} with the same pool as
 * ClientCAs when {@code requireClientAuth} is on, and a certificate only when both certFile and
 * keyFile are set.
 */
final class TlsChecks {

    /** Certificates, key and CA certificates loaded from a block's files. */
    private record Material(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> cas, boolean casComplete) {
    }

    private final List<TlsBlock> blocks;
    private final List<String> extraDialNames;
    private final String publicClientHost;
    private final List<ConfigFinding> findings;
    private final TlsFileChecks files;
    private final Map<String, Material> material = new LinkedHashMap<>();
    private final Map<Path, FileCheck> fileChecks = new LinkedHashMap<>();

    TlsChecks(List<TlsBlock> blocks, List<String> extraDialNames, String publicClientHost, List<ConfigFinding> findings, Instant now) {
        this.blocks = blocks;
        this.extraDialNames = extraDialNames;
        this.publicClientHost = publicClientHost;
        this.findings = findings;
        this.files = new TlsFileChecks(findings, now);
    }

    void run() {
        for (TlsBlock block : blocks) {
            if (isInUse(block)) {
                Material loaded = load(block);
                material.put(block.path(), loaded);
                checkBlock(block, loaded);
            }
        }
        TlsBlock frontend = blocks.stream().filter(TlsBlock::isFrontend).findFirst().orElseThrow();
        Material frontendMaterial = material.get(frontend.path());
        if (frontendMaterial != null) {
            checkFrontendCertificate(frontend, frontendMaterial);
        }
        for (TlsBlock block : blocks) {
            if (block.owner() instanceof BlockOwner.Cluster cluster && material.containsKey(block.path())) {
                checkClusterAgainstFrontend(block, cluster, material.get(block.path()), frontend, frontendMaterial);
            }
        }
    }

    /** Returns the credential inspection of every file that a block in use names, in the order the blocks name them. */
    Map<Path, FileCheck> fileChecks() {
        return fileChecks;
    }

    /** Runs the credential file checks on a file once; a server's certificate is judged as a server certificate. */
    private void inspect(TlsBlock block, Path file, FileRole role) {
        Purpose purpose = block.owner() instanceof BlockOwner.Service ? Purpose.SERVER : Purpose.CLIENT;
        fileChecks.computeIfAbsent(file, unused -> CredentialInspector.checkFile(file, role, purpose, PasswordSource.NONE));
    }

    /** Returns whether the server builds a TLS configuration from the block, reporting blocks it ignores. */
    private boolean isInUse(TlsBlock block) {
        if (!block.isEnabled()) {
            if (block.isFrontend()) {
                add(ConfigCode.TLS_FRONTEND_PLAINTEXT, block, block.enabled().location(), block.path(),
                        "The frontend's gRPC port serves cleartext HTTP/2: " + (block.present() ? "enabled is false" : "the block is absent")
                                + ", so clients must connect without TLS, and a TLS client fails with a \"first record does not look like a TLS handshake\" error.",
                        "To serve TLS, set enabled: true with certFile and keyFile in " + block.path() + ".");
            }
            List<String> written = block.settings().stream().skip(1)
                    .filter(TlsSetting::explicit).map(TlsSetting::key).toList();
            if (!written.isEmpty()) {
                add(ConfigCode.TLS_DISABLED_BLOCK_HAS_SETTINGS, block, block.location(), block.path(),
                        block.path() + " sets " + String.join(", ", written) + ", but enabled is " + (block.enabled().explicit() ? "false" : "unset (false)")
                                + ", so Cadence ignores the whole block and uses no TLS there.",
                        "Set enabled: true in " + block.path() + " if TLS was intended.");
            }
            return false;
        }
        if (block.owner() instanceof BlockOwner.Cluster cluster) {
            if (!cluster.enabled()) {
                return false;
            }
            if (!cluster.usesGrpc()) {
                add(ConfigCode.TLS_CLUSTER_TLS_IGNORED, block, block.location(), block.path(),
                        "Cluster " + cluster.name() + " has TLS enabled, but its rpcTransport is " + cluster.rpcTransport()
                                + (cluster.rpcTransport().equals("tchannel") ? " (Cadence's default when unset)" : "")
                                + ". Cadence applies a cluster's TLS block to gRPC connections only, so this connection runs without TLS.",
                        "Set rpcTransport: grpc for cluster " + cluster.name() + " and point rpcAddress at its frontend's gRPC port (7833 by default).");
                return false;
            }
        }
        return true;
    }

    private Material load(TlsBlock block) {
        List<X509Certificate> chain = List.of();
        PrivateKey key = null;
        Optional<Path> certFile = block.certificatePath();
        Optional<Path> keyFile = block.keyPath();

        if (certFile.isPresent() != keyFile.isPresent()) {
            TlsSetting<String> missing = certFile.isPresent() ? block.keyFile() : block.certFile();
            TlsSetting<String> present = certFile.isPresent() ? block.certFile() : block.keyFile();
            add(ConfigCode.TLS_CERT_KEY_INCOMPLETE, block, present.location(), block.path() + "." + missing.key(),
                    block.path() + " sets " + present.key() + " but not " + missing.key() + ". Cadence loads a certificate only when both are set, "
                            + "so this block presents no certificate at all.",
                    "Set " + missing.key() + " to the " + (missing == block.keyFile() ? "private key of the certificate" : "certificate of the key") + ".");
        } else if (certFile.isPresent()) {
            inspect(block, certFile.get(), FileRole.CERTIFICATE);
            inspect(block, keyFile.get(), FileRole.PRIVATE_KEY);
            chain = files.certificates(block, block.certFile(), certFile.get(), "certificate").orElse(List.of());
            key = files.privateKey(block, block.keyFile(), keyFile.get()).orElse(null);
            if (!chain.isEmpty() && key != null) {
                files.checkKeyMatches(block, chain, key, certFile.get(), keyFile.get());
            }
        }

        List<X509Certificate> cas = new ArrayList<>();
        boolean complete = true;
        for (Path caFile : block.effectiveCaFiles()) {
            inspect(block, caFile, FileRole.CA);
            TlsSetting<?> setting = isCaFileSetting(block, caFile) ? block.caFile() : block.caFiles();
            Optional<List<X509Certificate>> loaded = files.certificates(block, setting, caFile, "CA");
            loaded.ifPresent(cas::addAll);
            complete &= loaded.isPresent();
        }
        return new Material(chain, key, List.copyOf(cas), complete);
    }

    private static boolean isCaFileSetting(TlsBlock block, Path file) {
        return block.resolve(block.caFile().value()).map(file::equals).orElse(false);
    }

    private void checkBlock(TlsBlock block, Material loaded) {
        boolean service = block.owner() instanceof BlockOwner.Service;
        if (service && !block.hasCertificate() && block.certificatePath().isEmpty() && block.keyPath().isEmpty()) {
            add(ConfigCode.TLS_SERVER_CERT_MISSING, block, block.enabled().location(), block.path(),
                    block.path() + " enables TLS but sets neither certFile nor keyFile, so the " + block.owner().name()
                            + " service has no certificate to present and every TLS handshake fails with \"tls: no certificates configured\".",
                    "Set certFile and keyFile in " + block.path() + ".");
        }
        if (service && block.requireClientAuth().value()) {
            checkClientCas(block, loaded);
        }
        if (!block.enableHostVerification().value()) {
            reportHostVerificationOff(block);
        }
        if (service && !loaded.chain().isEmpty()) {
            checkServiceCertificate(block, loaded.chain().get(0));
        }
    }

    private void checkClientCas(TlsBlock block, Material loaded) {
        if (block.effectiveCaFiles().isEmpty()) {
            add(ConfigCode.TLS_CLIENT_AUTH_WITHOUT_CA, block, block.requireClientAuth().location(), block.path() + ".requireClientAuth",
                    "requireClientAuth is true but " + block.path() + " lists no caFile or caFiles. Go then verifies client certificates against "
                            + "the host's system CA store, so a client certificate from a private CA is rejected with alert bad_certificate.",
                    "Add the CA that issued the client certificates under caFiles in " + block.path() + ".");
            return;
        }
        for (X509Certificate ca : loaded.cas()) {
            if (!CertificateFacts.isCa(ca)) {
                add(ConfigCode.TLS_CLIENT_CA_IS_LEAF, block, block.caFiles().explicit() ? block.caFiles().location() : block.caFile().location(),
                        CertificateFacts.describe(ca),
                        "A CA file of " + block.path() + " contains " + CertificateFacts.describe(ca) + ", a leaf certificate (CA:FALSE), not a CA. "
                                + "Go accepts a client that presents exactly this certificate and rejects every other certificate of the same issuer; "
                                + "the server also lists this leaf's subject as the accepted CA name in its CertificateRequest, so clients whose "
                                + "key managers choose a certificate by issuer (the JDK's do) send none.",
                        "Put the CA that issued the client certificates (issuer " + ca.getIssuerX500Principal().getName() + ") in caFiles instead.");
            }
        }
    }

    private void reportHostVerificationOff(TlsBlock block) {
        String use = switch (block.owner()) {
            case BlockOwner.Cluster cluster -> "When the server dials cluster " + cluster.name() + "'s frontend"
                    + (cluster.rpcAddress().isEmpty() ? "" : " at " + cluster.rpcAddress()) + " with this block, it skips";
            case BlockOwner.Service service when service.name().equals("history") || service.name().equals("matching") ->
                    "When the other Cadence services dial " + service.name() + " with this block, they skip";
            case BlockOwner.Service service -> "Wherever Cadence dials with this block's settings, it skips";
        };
        String inbound = block.owner() instanceof BlockOwner.Service
                ? " Certificates that clients present to this service are still verified when requireClientAuth is true: Go's server checks them regardless of InsecureSkipVerify."
                : "";
        add(ConfigCode.TLS_HOST_VERIFICATION_OFF, block, block.enableHostVerification().location(), block.path() + ".enableHostVerification",
                "enableHostVerification is " + (block.enableHostVerification().explicit() ? "false" : "unset, which means false")
                        + ", so Cadence sets InsecureSkipVerify in this block's Go tls.Config. " + use
                        + " all verification of the peer's certificate, chain included: any certificate is accepted, from any CA, expired or issued for another name."
                        + inbound,
                "Set enableHostVerification: true, list the CA that issued the peer's certificate in caFiles, and set serverName if the peer's "
                        + "certificate does not name the address dialed.");
    }

    private void checkServiceCertificate(TlsBlock block, X509Certificate leaf) {
        if (!CertificateFacts.allowsPurpose(leaf, CertificateFacts.SERVER_AUTH).orElse(true)) {
            add(ConfigCode.TLS_SERVER_CERT_NO_SERVER_AUTH, block, block.certFile().location(), CertificateFacts.describe(leaf),
                    "The " + block.owner().name() + " certificate " + CertificateFacts.describe(leaf) + " has the extended key usages "
                            + CertificateFacts.describeUsages(leaf) + " but not serverAuth, so Go and Java clients reject it as a server certificate "
                            + "(\"certificate specifies an incompatible key usage\").",
                    "Reissue it with extendedKeyUsage = serverAuth (and clientAuth if the same certificate is also used as a client certificate).");
        }
        boolean internode = block.owner().name().equals("history") || block.owner().name().equals("matching");
        if (internode && block.requireClientAuth().value() && !CertificateFacts.allowsPurpose(leaf, CertificateFacts.CLIENT_AUTH).orElse(true)) {
            add(ConfigCode.TLS_CLIENT_CERT_NO_CLIENT_AUTH, block, block.certFile().location(), CertificateFacts.describe(leaf),
                    "The other Cadence services present this same " + block.owner().name() + " certificate as their client certificate when they call "
                            + block.owner().name() + ", which requires client certificates. It has the extended key usages "
                            + CertificateFacts.describeUsages(leaf) + " but not clientAuth, so " + block.owner().name()
                            + " rejects those calls with alert bad_certificate.",
                    "Reissue the certificate with extendedKeyUsage = serverAuth, clientAuth.");
        }
    }

    private void checkFrontendCertificate(TlsBlock frontend, Material loaded) {
        if (loaded.chain().isEmpty()) {
            return;
        }
        X509Certificate leaf = loaded.chain().get(0);
        List<String> sans = CertificateFacts.subjectAltNames(leaf);
        List<String> dialNames = dialNames(frontend);
        YamlLocation at = frontend.certFile().location();

        if (CertificateFacts.isSelfSigned(leaf)) {
            add(ConfigCode.TLS_SELF_SIGNED_SERVER_CERT, frontend, at, CertificateFacts.describe(leaf),
                    "The frontend certificate " + CertificateFacts.describe(leaf) + " is self-signed" + (CertificateFacts.isCa(leaf) ? " and marked CA:TRUE" : "")
                            + ". Clients must trust this very certificate: give it to them as their CA file.",
                    "For anything beyond a local test, issue the frontend certificate from a CA and give clients the CA.");
        }
        if (sans.isEmpty()) {
            add(ConfigCode.TLS_FRONTEND_CERT_NO_SAN, frontend, at, CertificateFacts.describe(leaf),
                    "The frontend certificate " + CertificateFacts.describe(leaf) + " has no subjectAltName"
                            + (leaf.getSubjectX500Principal().getName().contains("CN=") ? "; its name is only in the CN, which Go (since 1.15) and the JDK ignore" : " and no CN")
                            + ". Every client that verifies host names rejects it, whatever address it dials"
                            + (dialNames.isEmpty() ? "" : " (" + String.join(", ", dialNames) + ")")
                            + ". It works only for clients that skip host name verification, as Cadence's Go samples do with InsecureSkipVerify.",
                    "Reissue the certificate with a subjectAltName for every address clients dial, for example: "
                            + "openssl req ... -addext \"subjectAltName=DNS:cadence-frontend,DNS:localhost,IP:127.0.0.1\"");
            return;
        }
        List<String> unmatched = dialNames.stream().filter(name -> !CertificateFacts.matchesName(leaf, name)).toList();
        if (!unmatched.isEmpty()) {
            add(ConfigCode.TLS_FRONTEND_CERT_NAME_MISMATCH, frontend, at, CertificateFacts.describe(leaf),
                    "Clients reach the frontend as " + String.join(", ", unmatched) + ", but its certificate's subjectAltName entries are "
                            + String.join(", ", sans) + ". Clients that verify host names reject the certificate under those names"
                            + (unmatched.stream().anyMatch(name -> CertificateFacts.ipLiteral(name).isPresent())
                            ? "; an IP address must match an IP entry, a DNS entry never covers it" : "") + ".",
                    "Reissue the certificate with subjectAltName entries for " + String.join(", ", unmatched)
                            + ", or have clients set the server name to one of the names it has.");
        }
    }

    /** Returns the addresses clients are known to dial to reach the frontend, without duplicates. */
    private List<String> dialNames(TlsBlock frontend) {
        Set<String> names = new LinkedHashSet<>(extraDialNames);
        if (frontend.owner() instanceof BlockOwner.Service service) {
            if (service.bindOnLocalHost()) {
                names.add("127.0.0.1");
            } else if (!service.bindOnIp().isEmpty()) {
                names.add(service.bindOnIp());
            }
        }
        for (TlsBlock block : blocks) {
            if (block.owner() instanceof BlockOwner.Cluster cluster && cluster.current() && cluster.usesGrpc()) {
                String checked = block.isEnabled() && !block.serverName().value().isEmpty() ? block.serverName().value() : cluster.rpcHost();
                if (!checked.isEmpty()) {
                    names.add(checked);
                }
            }
        }
        if (!publicClientHost.isEmpty()) {
            names.add(publicClientHost);
        }
        names.removeIf(String::isBlank);
        return List.copyOf(names);
    }

    private void checkClusterAgainstFrontend(TlsBlock block, BlockOwner.Cluster cluster, Material loaded,
                                             TlsBlock frontend, Material frontendMaterial) {
        boolean frontendRequiresCertificates = frontend.isEnabled() && frontend.requireClientAuth().value();
        Severity weight = cluster.current() ? Severity.ERROR : Severity.WARNING;
        String dialedFrontend = cluster.current()
                ? "this configuration's own frontend, which requires client certificates"
                : "cluster " + cluster.name() + "'s frontend, if it requires client certificates as this configuration's frontend does";

        if (frontendRequiresCertificates && !block.hasCertificate()) {
            add(ConfigCode.TLS_CLUSTER_NO_CLIENT_CERT, weight, block, block.location(), block.path(),
                    "Cluster " + cluster.name() + " has TLS enabled but no certFile and keyFile, so the server dials " + dialedFrontend
                            + ", without a client certificate. The frontend answers with alert certificate_required or bad_certificate, "
                            + (cluster.current() ? "so the worker service and replication cannot reach it." : "so replication to that cluster fails."),
                    "Set certFile and keyFile in " + block.path() + " to a client certificate issued by a CA in the frontend's caFiles.");
        }
        if (!loaded.chain().isEmpty()) {
            X509Certificate clientLeaf = loaded.chain().get(0);
            if (!CertificateFacts.allowsPurpose(clientLeaf, CertificateFacts.CLIENT_AUTH).orElse(true)) {
                add(ConfigCode.TLS_CLIENT_CERT_NO_CLIENT_AUTH, weight, block, block.certFile().location(), CertificateFacts.describe(clientLeaf),
                        "Cluster " + cluster.name() + " presents " + CertificateFacts.describe(clientLeaf) + " as its client certificate, but its extended key usages are "
                                + CertificateFacts.describeUsages(clientLeaf) + ", without clientAuth. A frontend that requires client certificates rejects it with alert bad_certificate.",
                        "Reissue the certificate with extendedKeyUsage = clientAuth.");
            }
            if (cluster.current() && frontendRequiresCertificates && frontendMaterial != null && frontendMaterial.casComplete()
                    && !frontendMaterial.cas().isEmpty() && !CertificateFacts.chainsTo(loaded.chain(), frontendMaterial.cas())) {
                add(ConfigCode.TLS_CLUSTER_CERT_NOT_TRUSTED, block, block.certFile().location(), CertificateFacts.describe(clientLeaf),
                        "Cluster " + cluster.name() + " presents " + CertificateFacts.describe(clientLeaf) + ", issued by "
                                + clientLeaf.getIssuerX500Principal().getName() + ", but the frontend verifies client certificates against "
                                + describeAll(frontendMaterial.cas()) + ". The frontend rejects the worker service's and replication's connections.",
                        "Issue the cluster's client certificate from a CA in " + frontend.path() + ".caFiles, or add its issuer there.");
            }
        }
        if (cluster.current() && block.enableHostVerification().value() && frontend.isEnabled() && frontendMaterial != null
                && !frontendMaterial.chain().isEmpty()) {
            checkClusterVerifiesFrontend(block, cluster, loaded, frontendMaterial.chain());
        }
    }

    private void checkClusterVerifiesFrontend(TlsBlock block, BlockOwner.Cluster cluster, Material loaded, List<X509Certificate> frontendChain) {
        X509Certificate frontendLeaf = frontendChain.get(0);
        String reason = null;
        if (block.effectiveCaFiles().isEmpty()) {
            if (CertificateFacts.isSelfSigned(frontendLeaf)) {
                reason = "the block lists no CA file, so Go uses the host's system CA store, which does not hold the frontend's self-signed certificate";
            }
        } else if (loaded.casComplete() && !CertificateFacts.chainsTo(frontendChain, loaded.cas())) {
            reason = "the frontend certificate " + CertificateFacts.describe(frontendLeaf) + " does not chain to the block's CA files ("
                    + describeAll(loaded.cas()) + ")";
        }
        String name = block.serverName().value().isEmpty() ? cluster.rpcHost() : block.serverName().value();
        if (reason == null && !name.isEmpty() && !CertificateFacts.matchesName(frontendLeaf, name)) {
            List<String> sans = CertificateFacts.subjectAltNames(frontendLeaf);
            reason = "the name checked, \"" + name + "\"" + (block.serverName().value().isEmpty() ? " (the host of rpcAddress)" : " (serverName)")
                    + ", is not among the frontend certificate's subjectAltName entries (" + (sans.isEmpty() ? "none" : String.join(", ", sans)) + ")";
        }
        if (reason != null) {
            add(ConfigCode.TLS_CLUSTER_CANNOT_VERIFY_FRONTEND, block, block.enableHostVerification().location(), block.path(),
                    "Cluster " + cluster.name() + " has enableHostVerification on, but " + reason
                            + ". The worker service and replication fail to connect with \"x509: certificate signed by unknown authority\" or a name mismatch.",
                    "List the frontend's CA in " + block.path() + ".caFiles and set serverName to a name in the frontend certificate's subjectAltName.");
        }
    }

    private static String describeAll(List<X509Certificate> certificates) {
        return String.join("; ", certificates.stream().map(CertificateFacts::describe).toList());
    }

    private void add(ConfigCode code, TlsBlock block, YamlLocation location, String subject, String message, String fix) {
        add(code, code.severity(), block, location, subject, message, fix);
    }

    private void add(ConfigCode code, Severity severity, TlsBlock block, YamlLocation location, String subject, String message, String fix) {
        findings.add(new ConfigFinding(code, severity, block.path(), location == null ? block.location() : location, subject, message, fix));
    }
}
