package io.mtlsstudio.scenario;

import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.pki.TestPki;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates and keys a scenario run uses. Every part is optional; what the runner does
 * with a missing part depends on where the rows run.
 *
 * <p>On the embedded frontends the runner fills the gaps in memory, never on disk: without a
 * server identity it issues a frontend certificate from a new CA and adds that CA to the
 * client's trusted CAs; without a client certificate it issues one from the issuing CA; without
 * an issuing CA it creates one, and the mutual TLS frontend also trusts it. Against the user's
 * servers it fills no gap: a row that needs a missing part is not run, and its reason names the
 * part.
 *
 * @param clientChain          the client certificate chain, leaf first; empty for none
 * @param clientKey            the client private key; null for none
 * @param trustedCas           CA certificates the client trusts; empty for the JDK's default trust store
 * @param serverName           name to send as SNI and to check the server certificate against; null for the target host
 * @param hostnameVerification whether the client checks the server certificate against the server name
 * @param serverChain          the embedded frontends' certificate chain, leaf first; empty to issue one in memory
 * @param serverKey            the embedded frontends' private key; null to issue one in memory
 * @param clientCas            CA certificates the embedded mutual TLS frontend accepts client certificates from;
 *                             empty to use {@code trustedCas}, as a Cadence server does with one {@code caFiles} list
 * @param issuingCa            a CA certificate and key that the server trusts for client certificates, or null.
 *                             The runner issues the expired and serverAuth-only client certificates from it.
 */
public record ScenarioCredentials(List<X509Certificate> clientChain, PrivateKey clientKey, List<X509Certificate> trustedCas,
                                  String serverName, boolean hostnameVerification, List<X509Certificate> serverChain,
                                  PrivateKey serverKey, List<X509Certificate> clientCas, TestPki.Issued issuingCa) {

    public ScenarioCredentials {
        clientChain = clientChain == null ? List.of() : List.copyOf(clientChain);
        trustedCas = trustedCas == null ? List.of() : List.copyOf(trustedCas);
        serverChain = serverChain == null ? List.of() : List.copyOf(serverChain);
        clientCas = clientCas == null ? List.of() : List.copyOf(clientCas);
        serverName = serverName == null || serverName.isBlank() ? null : serverName.strip();
        if (clientChain.isEmpty() != (clientKey == null)) {
            throw new IllegalArgumentException("A client certificate needs its private key, and a key needs its certificate.");
        }
        if (serverChain.isEmpty() != (serverKey == null)) {
            throw new IllegalArgumentException("A server certificate needs its private key, and a key needs its certificate.");
        }
    }

    /** No credentials at all: the embedded run issues everything in memory. */
    public static ScenarioCredentials none() {
        return builder().build();
    }

    /**
     * Loads the bundled sample credentials: the sample CA on both sides, the frontend certificate
     * for the embedded frontends and the client certificate for the client.
     *
     * @throws CredentialException when a sample file cannot be read; the message names the file
     * @throws IOException         when the bundled files cannot be copied out of the jar
     */
    public static ScenarioCredentials sample() throws CredentialException, IOException {
        SampleCredentials sample = SampleCredentials.locate();
        List<X509Certificate> ca = sample.loadCa();
        return builder()
                .clientCertificate(CredentialFiles.readCertificates(sample.clientCertificate()),
                        CredentialFiles.readPrivateKey(sample.clientKey()))
                .trustedCas(ca)
                .serverCertificate(sample.loadFrontendChain(), sample.loadFrontendKey())
                .clientCas(ca)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds the CA certificate that a private key belongs to, for {@link Builder#issuingCa}: the
     * first certificate with basicConstraints CA:TRUE whose public key verifies a signature made
     * with the key.
     *
     * @throws IllegalArgumentException when no CA certificate in {@code cas} matches the key
     */
    public static TestPki.Issued matchIssuingCa(List<X509Certificate> cas, PrivateKey key) {
        if (KeyPairs.signatureAlgorithm(key) == null) {
            throw new IllegalArgumentException("The CA key is a " + key.getAlgorithm()
                    + " key; only RSA, EC and EdDSA CA keys can issue the test certificates.");
        }
        for (X509Certificate ca : cas) {
            if (ca.getBasicConstraints() >= 0 && KeyPairs.belongsTo(key, ca)) {
                return new TestPki.Issued(ca, key);
            }
        }
        throw new IllegalArgumentException("The CA key belongs to none of the " + cas.size()
                + " CA certificates given. Give the private key of the CA that issues the client certificates, "
                + "together with that CA's certificate.");
    }

    public boolean hasClientCertificate() {
        return clientKey != null;
    }

    public boolean hasServerCertificate() {
        return serverKey != null;
    }

    /** Describes the parts present by certificate subject; never prints key material. */
    @Override
    public String toString() {
        return "ScenarioCredentials[client=" + subject(clientChain) + ", trustedCas=" + trustedCas.size()
                + ", serverName=" + serverName + ", hostnameVerification=" + hostnameVerification
                + ", server=" + subject(serverChain) + ", clientCas=" + clientCas.size()
                + ", issuingCa=" + (issuingCa == null ? "none" : issuingCa.certificate().getSubjectX500Principal().getName()) + "]";
    }

    private static String subject(List<X509Certificate> chain) {
        return chain.isEmpty() ? "none" : chain.get(0).getSubjectX500Principal().getName();
    }

    /** Fluent construction; hostname verification is on unless turned off. */
    public static final class Builder {
        private List<X509Certificate> clientChain = List.of();
        private PrivateKey clientKey;
        private List<X509Certificate> trustedCas = List.of();
        private String serverName;
        private boolean hostnameVerification = true;
        private List<X509Certificate> serverChain = List.of();
        private PrivateKey serverKey;
        private List<X509Certificate> clientCas = List.of();
        private TestPki.Issued issuingCa;

        private Builder() {
        }

        public Builder clientCertificate(List<X509Certificate> chain, PrivateKey key) {
            clientChain = chain;
            clientKey = key;
            return this;
        }

        public Builder trustedCas(List<X509Certificate> cas) {
            trustedCas = cas;
            return this;
        }

        public Builder serverName(String name) {
            serverName = name;
            return this;
        }

        public Builder hostnameVerification(boolean value) {
            hostnameVerification = value;
            return this;
        }

        public Builder serverCertificate(List<X509Certificate> chain, PrivateKey key) {
            serverChain = chain;
            serverKey = key;
            return this;
        }

        public Builder clientCas(List<X509Certificate> cas) {
            clientCas = cas;
            return this;
        }

        public Builder issuingCa(TestPki.Issued ca) {
            issuingCa = ca;
            return this;
        }

        public ScenarioCredentials build() {
            return new ScenarioCredentials(clientChain, clientKey, trustedCas, serverName, hostnameVerification,
                    serverChain, serverKey, clientCas, issuingCa);
        }
    }
}
