package io.mtlsstudio.pki;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/** The JDK's default trust anchors, the ones the probe trusts when no CA file is given; read once. */
final class DefaultTrustStore {

    private static volatile List<X509Certificate> anchors;

    private DefaultTrustStore() {
    }

    static List<X509Certificate> anchors() {
        List<X509Certificate> cached = anchors;
        if (cached != null) {
            return cached;
        }
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    cached = List.of(x509.getAcceptedIssuers());
                    anchors = cached;
                    return cached;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's default trust store cannot be read", e);
        }
        throw new IllegalStateException("The JDK has no X.509 trust manager");
    }
}
