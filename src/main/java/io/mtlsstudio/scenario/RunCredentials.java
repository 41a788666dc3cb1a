package io.mtlsstudio.scenario;

import io.mtlsstudio.pki.TestPki;
import org.bouncycastle.asn1.x509.KeyPurposeId;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The credentials of one run after the gaps are filled: the client certificate of each client
 * setup, the client's trust, and the embedded frontends' identity. Everything issued here
 * lives in memory only and is dropped with the run.
 */
final class RunCredentials {

    /** A certificate chain, leaf first, and its private key. */
    record ClientCertificate(List<X509Certificate> chain, PrivateKey key) {
        @Override
        public String toString() {
            return "ClientCertificate[" + chain.get(0).getSubjectX500Principal().getName() + "]";
        }
    }

    private static final TestPki.KeyType KEY_TYPE = TestPki.KeyType.EC_P256;

    private final ScenarioCredentials given;
    private final List<X509Certificate> trustedCas;
    private final Map<ClientSetup, ClientCertificate> certificates = new EnumMap<>(ClientSetup.class);
    private final Map<ClientSetup, String> missing = new EnumMap<>(ClientSetup.class);
    private final List<X509Certificate> serverChain;
    private final PrivateKey serverKey;
    private final List<X509Certificate> clientCas;

    private RunCredentials(ScenarioCredentials given, List<X509Certificate> trustedCas, List<X509Certificate> serverChain,
                           PrivateKey serverKey, List<X509Certificate> clientCas) {
        this.given = given;
        this.trustedCas = List.copyOf(trustedCas);
        this.serverChain = List.copyOf(serverChain);
        this.serverKey = serverKey;
        this.clientCas = List.copyOf(clientCas);
    }

    /**
     * Fills the gaps for a run on embedded frontends: a frontend identity trusted by the client,
     * an issuing CA that the mutual TLS frontend trusts, and a client certificate from it.
     */
    static RunCredentials forEmbedded(ScenarioCredentials given, Set<ClientSetup> setups) {
        Instant now = Instant.now();
        TestPki.Issued issuingCa = given.issuingCa() != null ? given.issuingCa()
                : TestPki.rootCa("mTLS Studio Scenario Client CA", KEY_TYPE, now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(1)));

        List<X509Certificate> trusted = new ArrayList<>(given.trustedCas());
        List<X509Certificate> serverChain = given.serverChain();
        PrivateKey serverKey = given.serverKey();
        if (!given.hasServerCertificate()) {
            TestPki.Issued serverCa = TestPki.rootCa("mTLS Studio Scenario Server CA", KEY_TYPE, now.minus(Duration.ofMinutes(5)),
                    now.plus(Duration.ofDays(1)));
            List<String> names = new ArrayList<>(TestPki.FRONTEND_NAMES);
            if (given.serverName() != null && !names.contains(given.serverName())) {
                names.add(given.serverName());
            }
            TestPki.Issued frontend = TestPki.leaf(serverCa, "cadence-frontend", names, List.of(KeyPurposeId.id_kp_serverAuth),
                    KEY_TYPE, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1)));
            serverChain = List.of(frontend.certificate());
            serverKey = frontend.key();
            trusted.add(serverCa.certificate());
        }

        List<X509Certificate> clientCas = new ArrayList<>(given.clientCas().isEmpty() ? given.trustedCas() : given.clientCas());
        if (!clientCas.contains(issuingCa.certificate())) {
            clientCas.add(issuingCa.certificate());
        }

        RunCredentials run = new RunCredentials(given, trusted, serverChain, serverKey, clientCas);
        if (given.hasClientCertificate()) {
            run.certificates.put(ClientSetup.CLIENT_CERTIFICATE, new ClientCertificate(given.clientChain(), given.clientKey()));
        } else if (setups.contains(ClientSetup.CLIENT_CERTIFICATE)) {
            run.certificates.put(ClientSetup.CLIENT_CERTIFICATE, issue(issuingCa, "mtls-studio-scenario-client",
                    KeyPurposeId.id_kp_clientAuth, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1))));
        }
        run.issueBroken(setups, issuingCa, now);
        return run;
    }

    /** Takes the credentials as given for a run against the user's servers, and issues only what needs no trusted key. */
    static RunCredentials forUserServers(ScenarioCredentials given, Set<ClientSetup> setups) {
        RunCredentials run = new RunCredentials(given, given.trustedCas(), List.of(), null, List.of());
        if (given.hasClientCertificate()) {
            run.certificates.put(ClientSetup.CLIENT_CERTIFICATE, new ClientCertificate(given.clientChain(), given.clientKey()));
        } else {
            run.missing.put(ClientSetup.CLIENT_CERTIFICATE, "This row needs a client certificate and its key, and none was given.");
        }
        run.issueBroken(setups, given.issuingCa(), Instant.now());
        return run;
    }

    private void issueBroken(Set<ClientSetup> setups, TestPki.Issued issuingCa, Instant now) {
        if (setups.contains(ClientSetup.FOREIGN_CA_CERTIFICATE)) {
            TestPki.Issued foreignCa = TestPki.rootCa("mTLS Studio Foreign Test CA", KEY_TYPE, now.minus(Duration.ofMinutes(5)),
                    now.plus(Duration.ofDays(1)));
            certificates.put(ClientSetup.FOREIGN_CA_CERTIFICATE, issue(foreignCa, "foreign-ca-client", KeyPurposeId.id_kp_clientAuth,
                    now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1))));
        }

        boolean needsTrustedIssuer = setups.contains(ClientSetup.EXPIRED_CERTIFICATE)
                || setups.contains(ClientSetup.SERVER_AUTH_ONLY_CERTIFICATE);
        if (needsTrustedIssuer && issuingCa == null) {
            String reason = "This row needs a client certificate issued by a CA that the server trusts, and the private key "
                    + "of such a CA was not given, so the broken certificate cannot be issued.";
            missing.put(ClientSetup.EXPIRED_CERTIFICATE, reason);
            missing.put(ClientSetup.SERVER_AUTH_ONLY_CERTIFICATE, reason);
            return;
        }
        if (setups.contains(ClientSetup.EXPIRED_CERTIFICATE)) {
            certificates.put(ClientSetup.EXPIRED_CERTIFICATE, issue(issuingCa, "expired-client", KeyPurposeId.id_kp_clientAuth,
                    now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));
        }
        if (setups.contains(ClientSetup.SERVER_AUTH_ONLY_CERTIFICATE)) {
            certificates.put(ClientSetup.SERVER_AUTH_ONLY_CERTIFICATE, issue(issuingCa, "server-auth-only-client",
                    KeyPurposeId.id_kp_serverAuth, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1))));
        }
    }

    private static ClientCertificate issue(TestPki.Issued ca, String commonName, KeyPurposeId usage, Instant notBefore,
                                           Instant notAfter) {
        TestPki.Issued leaf = TestPki.leaf(ca, commonName, List.of(), List.of(usage), KEY_TYPE, notBefore, notAfter);
        return new ClientCertificate(List.of(leaf.certificate()), leaf.key());
    }

    /** Returns the certificate the setup presents, or null for setups without one and for missing ones. */
    ClientCertificate certificate(ClientSetup setup) {
        return certificates.get(setup);
    }

    /** Returns why the setup cannot run, or null when it can. */
    String missingReason(ClientSetup setup) {
        return missing.get(setup);
    }

    List<X509Certificate> trustedCas() {
        return trustedCas;
    }

    String serverName() {
        return given.serverName();
    }

    boolean hostnameVerification() {
        return given.hostnameVerification();
    }

    List<X509Certificate> serverChain() {
        return serverChain;
    }

    PrivateKey serverKey() {
        return serverKey;
    }

    List<X509Certificate> clientCas() {
        return clientCas;
    }
}
