package io.mtlsstudio.handshake;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The client's key manager. The JDK calls it only when the server sends a CertificateRequest,
 * so its first call proves that the server asked for a client certificate; the call carries the
 * CA names the server accepts. Like the JDK's own key manager, it offers the certificate only
 * when its key type fits and it was issued by an accepted CA (or the server named no CA).
 */
final class ClientCertificateChooser extends X509ExtendedKeyManager {

    static final String ALIAS = "client";

    private final StepTracker tracker;
    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private volatile boolean requested;
    private volatile long firstCallNanos = -1;
    private volatile long lastCallNanos = -1;
    private volatile List<X500Principal> acceptedIssuers = List.of();
    private final Set<String> keyTypesAsked = new LinkedHashSet<>();
    private volatile boolean chosen;
    private volatile boolean keyUsed;
    private volatile String notSentReason;

    ClientCertificateChooser(StepTracker tracker, List<X509Certificate> chain, PrivateKey key) {
        this.tracker = tracker;
        this.chain = chain;
        this.key = key;
    }

    boolean requested() {
        return requested;
    }

    boolean chosen() {
        return chosen;
    }

    boolean keyUsed() {
        return keyUsed;
    }

    long firstCallNanos() {
        return firstCallNanos;
    }

    long lastCallNanos() {
        return lastCallNanos;
    }

    List<X500Principal> acceptedIssuers() {
        return acceptedIssuers;
    }

    String notSentReason() {
        return notSentReason;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes, issuers);
    }

    private synchronized String choose(String[] keyTypes, Principal[] issuers) {
        long now = System.nanoTime();
        lastCallNanos = now;
        if (!requested) {
            requested = true;
            firstCallNanos = now;
            acceptedIssuers = toPrincipals(issuers);
            tracker.start(StepId.CLIENT_CERTIFICATE, now);
            tracker.evidence(StepId.CLIENT_CERTIFICATE, Evidence.of("Accepted CA names", describe(acceptedIssuers)));
        }
        if (keyTypes != null) {
            keyTypesAsked.addAll(List.of(keyTypes));
        }

        if (chain.isEmpty()) {
            notSentReason = "no client certificate is configured";
            return null;
        }
        if (!matchesKeyType(keyTypes)) {
            if (!chosen) {
                notSentReason = "the server accepts key types " + keyTypesAsked + " but the client key is " + key.getAlgorithm();
            }
            return null;
        }
        if (!acceptedIssuers.isEmpty() && !issuedByAccepted()) {
            notSentReason = "the client certificate was issued by " + chain.get(chain.size() - 1).getIssuerX500Principal().getName()
                    + ", which is not among the CA names the server accepts";
            return null;
        }
        chosen = true;
        notSentReason = null;
        return ALIAS;
    }

    private boolean matchesKeyType(String[] keyTypes) {
        if (keyTypes == null) {
            return true;
        }
        String algorithm = normalize(key.getAlgorithm());
        for (String type : keyTypes) {
            if (normalize(type).equals(algorithm)) {
                return true;
            }
        }
        return false;
    }

    private static String normalize(String algorithm) {
        return switch (algorithm) {
            case "Ed25519", "Ed448", "EdDSA" -> "EdDSA";
            case "ECDSA", "EC" -> "EC";
            default -> algorithm;
        };
    }

    private boolean issuedByAccepted() {
        for (X509Certificate cert : chain) {
            if (acceptedIssuers.contains(cert.getIssuerX500Principal()) || acceptedIssuers.contains(cert.getSubjectX500Principal())) {
                return true;
            }
        }
        return false;
    }

    private static List<X500Principal> toPrincipals(Principal[] issuers) {
        List<X500Principal> names = new ArrayList<>();
        if (issuers != null) {
            for (Principal issuer : issuers) {
                names.add(issuer instanceof X500Principal x500 ? x500 : new X500Principal(issuer.getName()));
            }
        }
        return List.copyOf(names);
    }

    static String describe(List<X500Principal> names) {
        if (names.isEmpty()) {
            return "(none named: the server accepts any issuer)";
        }
        StringBuilder text = new StringBuilder();
        for (X500Principal name : names) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(name.getName());
        }
        return text.toString();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) && !chain.isEmpty() ? chain.toArray(X509Certificate[]::new) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        if (!ALIAS.equals(alias)) {
            return null;
        }
        keyUsed = true;
        lastCallNanos = System.nanoTime();
        return key;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return chain.isEmpty() ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
