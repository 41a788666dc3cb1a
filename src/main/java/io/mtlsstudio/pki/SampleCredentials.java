package io.mtlsstudio.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The sample credentials that ship with mTLS Studio: a root CA, a frontend certificate and a
 * client certificate, all issued by {@link TestPki#writeSampleCredentials}. The window and the
 * embedded demo frontend use them so that the first Connect works without any set-up.
 */
public final class SampleCredentials {

    public static final String CA = "ca.crt";
    public static final String FRONTEND_CERT = "frontend.crt";
    public static final String FRONTEND_KEY = "frontend.key";
    public static final String CLIENT_CERT = "client.crt";
    public static final String CLIENT_KEY = "client.key";

    private static final List<String> FILES = List.of(CA, FRONTEND_CERT, FRONTEND_KEY, CLIENT_CERT, CLIENT_KEY);
    private static final String RESOURCE_FOLDER = "/io/mtlsstudio/sample-credentials/";

    private final Path folder;

    private SampleCredentials(Path folder) {
        this.folder = folder;
    }

    /**
     * Finds the sample credentials: {@code sample-credentials/} in the working directory when it
     * contains all five files (a checkout), otherwise a copy of the files bundled in the jar, written
     * to {@code ~/.mtls-studio/sample-credentials/} with owner-only keys.
     */
    public static SampleCredentials locate() throws IOException {
        Path local = Path.of("sample-credentials");
        if (FILES.stream().allMatch(name -> Files.isRegularFile(local.resolve(name)))) {
            return new SampleCredentials(local.toAbsolutePath());
        }
        Path copy = Path.of(System.getProperty("user.home"), ".mtls-studio", "sample-credentials");
        extractTo(copy);
        return new SampleCredentials(copy);
    }

    static void extractTo(Path target) throws IOException {
        Files.createDirectories(target);
        for (String name : FILES) {
            try (InputStream in = SampleCredentials.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
                if (in == null) {
                    throw new IOException("The jar lacks the bundled sample file " + name + "; rebuild it with mvn package.");
                }
                Path file = target.resolve(name);
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                if (name.endsWith(".key") && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
    }

    public Path folder() {
        return folder;
    }

    public Path ca() {
        return folder.resolve(CA);
    }

    public Path frontendCertificate() {
        return folder.resolve(FRONTEND_CERT);
    }

    public Path frontendKey() {
        return folder.resolve(FRONTEND_KEY);
    }

    public Path clientCertificate() {
        return folder.resolve(CLIENT_CERT);
    }

    public Path clientKey() {
        return folder.resolve(CLIENT_KEY);
    }

    public List<X509Certificate> loadCa() throws CredentialException {
        return CredentialFiles.readCertificates(ca());
    }

    public List<X509Certificate> loadFrontendChain() throws CredentialException {
        return CredentialFiles.readCertificates(frontendCertificate());
    }

    public PrivateKey loadFrontendKey() throws CredentialException {
        return CredentialFiles.readPrivateKey(frontendKey());
    }
}
