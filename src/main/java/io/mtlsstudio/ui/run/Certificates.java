package io.mtlsstudio.ui.run;

import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Short text descriptions of certificates for the detail pane and the report. */
public final class Certificates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Certificates() {
    }

    public static String subject(X509Certificate cert) {
        String name = cert.getSubjectX500Principal().getName();
        return name.isEmpty() ? "(empty subject)" : name;
    }

    public static String issuer(X509Certificate cert) {
        String name = cert.getIssuerX500Principal().getName();
        return name.isEmpty() ? "(empty issuer)" : name;
    }

    public static String validity(X509Certificate cert) {
        return TIME.format(cert.getNotBefore().toInstant()) + " to " + TIME.format(cert.getNotAfter().toInstant());
    }

    /** Returns "CA" for a certificate with CA:TRUE, else "end entity". */
    public static String role(X509Certificate cert) {
        return cert.getBasicConstraints() >= 0 ? "CA" : "end entity";
    }

    /** Describes each certificate on one line: position, subject and issuer. */
    public static List<String> summaries(List<X509Certificate> chain) {
        return java.util.stream.IntStream.range(0, chain.size())
                .mapToObj(i -> "[" + i + "] " + subject(chain.get(i)) + " — issued by " + issuer(chain.get(i)))
                .toList();
    }
}
