package io.mtlsstudio.pki.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files a generator run wrote.
 *
 * @param directory the output folder
 * @param files     every file written, in the order of the README
 */
public record GeneratedPki(Path directory, List<GeneratedFile> files) {

    public GeneratedPki {
        files = List.copyOf(files);
    }

    /** Resolves a file of the set by its relative path, such as {@code frontend.crt}. */
    public Path path(String relativePath) {
        return directory.resolve(relativePath);
    }

    public Path ca() {
        return path(PkiGenerator.CA_CERT);
    }

    public Path frontendCertificate() {
        return path(PkiGenerator.FRONTEND_CERT);
    }

    public Path frontendKey() {
        return path(PkiGenerator.FRONTEND_KEY);
    }

    public Path clientCertificate() {
        return path(PkiGenerator.CLIENT_CERT);
    }

    public Path clientKey() {
        return path(PkiGenerator.CLIENT_KEY);
    }

    /** Returns the certificate of a broken variant, when the run wrote the variants. */
    public Optional<Path> variantCertificate(BrokenVariant variant) {
        return files.stream().filter(file -> file.relativePath().equals(variant.certificateFile())).findFirst()
                .map(file -> path(file.relativePath()));
    }
}
