package io.mtlsstudio.pki;

import java.nio.file.Path;

/**
 * The origin of a loaded certificate.
 *
 * @param file   the file as the user named it; null for the JDK's default trust store
 * @param index  1-based position in the file
 * @param origin the role of the file
 */
public record CertificateSource(Path file, int index, Origin origin) {

    /** The role of the file a certificate came from. */
    public enum Origin {
        /** A credential file: certificate, key or keystore of the side being inspected. */
        CREDENTIAL_FILE,
        /** A CA file: the certificates the peer trusts. */
        CA_FILE,
        /** The JDK's default trust store, used for a server when no CA file is given. */
        DEFAULT_TRUST_STORE
    }

    /** Returns a short name such as {@code ca.crt #2}, or "the JDK's default trust store". */
    public String label() {
        if (file == null) {
            return "the JDK's default trust store";
        }
        return index > 1 ? file + " #" + index : file.toString();
    }
}
