package io.mtlsstudio.handshake;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A fact recorded during a step: a labelled text value and, for certificate evidence, the
 * certificates themselves.
 *
 * @param label        what the value is, for example "Accepted CA names" or "First bytes read"
 * @param value        the value as text, ready to show
 * @param certificates certificates the evidence refers to, leaf first; empty for plain facts
 */
public record Evidence(String label, String value, List<X509Certificate> certificates) {

    public Evidence {
        Objects.requireNonNull(label, "label");
        value = value == null ? "" : value;
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    public static Evidence of(String label, String value) {
        return new Evidence(label, value, List.of());
    }

    public static Evidence chain(String label, List<X509Certificate> chain) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            if (i > 0) {
                text.append('\n');
            }
            text.append('[').append(i).append("] ").append(cert.getSubjectX500Principal().getName())
                    .append("\n    issuer: ").append(cert.getIssuerX500Principal().getName());
        }
        return new Evidence(label, text.toString(), chain);
    }
}
