package io.mtlsstudio.pki;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Everything read from one credential file.
 *
 * @param path          the file as the user named it
 * @param format        the container it came in
 * @param certificates  certificates in file order (for a keystore: the chosen entry's chain, leaf first,
 *                      then the trusted certificate entries)
 * @param key           the first private key in the file, or null
 * @param keyFailure    why a key that the file contains could not be read (password missing or wrong), or null
 * @param keystore      aliases and the chosen entry when the file is a keystore, else null
 * @param corruptBlocks PEM blocks that could not be decoded
 * @param otherBlocks   labels of PEM blocks that are neither certificates nor private keys, such as
 *                      {@code CERTIFICATE REQUEST}
 */
public record LoadedFile(Path path, FileFormat format, List<X509Certificate> certificates, LoadedKey key,
                         CredentialException keyFailure, KeystoreContents keystore, List<PemProblem> corruptBlocks,
                         List<String> otherBlocks) {

    public LoadedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        certificates = List.copyOf(certificates);
        corruptBlocks = List.copyOf(corruptBlocks);
        otherBlocks = List.copyOf(otherBlocks);
    }

    /**
     * A PEM block that failed to decode.
     *
     * @param number 1-based position among the file's PEM blocks
     * @param label  the text after {@code BEGIN}, for example {@code CERTIFICATE}
     * @param line   1-based line of its BEGIN line
     * @param reason what the decoder reported
     */
    public record PemProblem(int number, String label, int line, String reason) {
    }

    /**
     * The entries of a keystore.
     *
     * @param chosenAlias     the key entry whose key and chain were loaded, or null when it contains none
     * @param keyAliases      all key entries
     * @param trustedAliases  all trusted-certificate entries
     */
    public record KeystoreContents(String chosenAlias, List<String> keyAliases, List<String> trustedAliases) {
        public KeystoreContents {
            keyAliases = List.copyOf(keyAliases);
            trustedAliases = List.copyOf(trustedAliases);
        }
    }

    public boolean hasKey() {
        return key != null;
    }

    @Override
    public String toString() {
        return "LoadedFile[" + path + ", " + format.label() + ", " + certificates.size() + " certificate(s)"
                + (key == null ? "" : ", " + key) + "]";
    }
}
