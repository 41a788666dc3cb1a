package io.mtlsstudio.ui.form;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.PasswordSource;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * A validated connection form. Building the probe options from it reads the files, so
 * {@link #toOptions(Target)} runs in the background.
 *
 * @param target               the target typed in the form; null when the embedded frontend is dialled instead
 * @param serverName           the server name override, or null
 * @param tls                  false for plaintext
 * @param tlsVersion           the TLS versions to offer
 * @param hostnameVerification whether the server certificate must match the server name
 * @param timeout              limit for the whole attempt
 * @param clientCertificate    the client certificate file, or null for none
 * @param clientKey            the client key file, or null for none
 * @param ca                   the CA file, or null for the JDK's default trust store
 * @param embeddedFrontend     whether to start and dial the embedded demo frontend
 */
public record ConnectionRequest(Target target, String serverName, boolean tls, TlsVersion tlsVersion,
                                boolean hostnameVerification, Duration timeout, Path clientCertificate,
                                Path clientKey, Path ca, boolean embeddedFrontend) {

    /**
     * Reads the files and returns the probe options for {@code dialled}.
     *
     * @param observed the embedded frontend being dialled, whose side of the connection the probe
     *                 then records; null for any other server
     * @throws FileProblem naming the form field whose file cannot be used
     */
    public ProbeOptions toOptions(Target dialled) throws FileProblem {
        return toOptions(dialled, PasswordSource.NONE, null);
    }

    /**
     * Reads the files, decrypting an encrypted key or keystore with a password from
     * {@code passwords}, and returns the probe options for {@code dialled}.
     *
     * @param observed the embedded frontend being dialled, whose side joins the report; null for other servers
     * @throws FileProblem naming the form field whose file cannot be used
     */
    public ProbeOptions toOptions(Target dialled, PasswordSource passwords, EmbeddedFrontend observed) throws FileProblem {
        ProbeOptions.Builder builder = ProbeOptions.builder(dialled)
                .observe(observed)
                .serverName(serverName)
                .tls(tls)
                .tlsVersion(tlsVersion)
                .hostnameVerification(hostnameVerification)
                .timeout(timeout);
        if (!tls) {
            return builder.build();
        }

        if (clientCertificate != null && clientKey != null) {
            List<X509Certificate> chain = read(CredentialFieldModel.Kind.CLIENT_CERTIFICATE,
                    () -> CredentialFiles.readCertificates(clientCertificate, passwords));
            PrivateKey key = read(CredentialFieldModel.Kind.CLIENT_KEY,
                    () -> CredentialFiles.readPrivateKey(clientKey, passwords));
            builder.clientCertificate(chain, key);
        }
        if (ca != null) {
            builder.trustedCas(read(CredentialFieldModel.Kind.CA, () -> CredentialFiles.readCertificates(ca)));
        }
        return builder.build();
    }

    private static <T> T read(CredentialFieldModel.Kind field, CredentialRead<T> read) throws FileProblem {
        try {
            return read.call();
        } catch (CredentialException e) {
            throw new FileProblem(field, e);
        }
    }

    @FunctionalInterface
    private interface CredentialRead<T> {
        T call() throws CredentialException;
    }

    /** A file of the form that cannot be used, with the field it came from. */
    public static final class FileProblem extends Exception {

        private final CredentialFieldModel.Kind field;

        FileProblem(CredentialFieldModel.Kind field, CredentialException cause) {
            super(cause.getMessage(), cause);
            this.field = field;
        }

        public CredentialFieldModel.Kind field() {
            return field;
        }
    }
}
