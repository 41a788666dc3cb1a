package io.mtlsstudio.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads any credential file people have: PEM (certificates, bundles, PKCS#8, encrypted PKCS#8,
 * PKCS#1, SEC1, legacy encrypted PEM), DER (certificates, PKCS#7, keys), PKCS#12, JKS and JCEKS.
 * The parsing is Bouncy Castle's and the JDK's; this class picks the reader and classifies failures.
 */
public final class CredentialLoader {

    private static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private CredentialLoader() {
    }

    /** Loads a file, asking {@code passwords} only if it is encrypted; a keystore yields its first key entry. */
    public static LoadedFile load(Path file, PasswordSource passwords) throws CredentialException {
        return load(file, passwords, null);
    }

    /**
     * Loads a file.
     *
     * @param alias the keystore key entry to use; null for the first one. Ignored for other files.
     * @throws CredentialException with the code FILE_NOT_FOUND, FILE_UNREADABLE, FILE_EMPTY, FILE_UNRECOGNIZED,
     *                             KEYSTORE_ALIAS_NOT_FOUND, or, for keystores, KEY_PASSWORD_REQUIRED and
     *                             KEY_WRONG_PASSWORD. A PEM or DER key that cannot be decrypted does not
     *                             throw: it is returned in {@link LoadedFile#keyFailure()} next to the certificates.
     */
    public static LoadedFile load(Path file, PasswordSource passwords, String alias) throws CredentialException {
        PasswordSource source = passwords == null ? PasswordSource.NONE : passwords;
        byte[] content = readBytes(file);

        FileFormat keystore = KeystoreReader.detect(content);
        if (keystore != null) {
            return KeystoreReader.read(file, content, keystore, source, alias);
        }

        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (!PemBlocks.looksLikePem(text)) {
            return DerFileReader.read(file, content, source);
        }

        LoadedFile loaded = PemFileReader.read(file, text, source);
        boolean nothing = loaded.certificates().isEmpty() && loaded.key() == null && loaded.keyFailure() == null;
        if (nothing && loaded.corruptBlocks().isEmpty()) {
            throw nothingUsable(file, loaded.otherBlocks());
        }
        return loaded;
    }

    static byte[] readBytes(Path file) throws CredentialException {
        if (file == null) {
            throw new CredentialException(null, CredentialCode.FILE_NOT_FOUND, "No file was given. Choose a file.");
        }
        try {
            if (Files.isDirectory(file)) {
                throw new CredentialException(file, CredentialCode.FILE_UNREADABLE, file + " is a folder, not a file. Choose a file inside it.");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CredentialException(file, CredentialCode.FILE_UNREADABLE, file
                        + " is larger than 16 MiB, which no certificate, key or keystore file is. Choose the credential file itself.");
            }
            byte[] content = Files.readAllBytes(file);
            if (content.length == 0 || new String(content, StandardCharsets.ISO_8859_1).isBlank()) {
                throw new CredentialException(file, CredentialCode.FILE_EMPTY, file
                        + " is empty. Choose the file that contains the certificate or key, or write it again from its source.");
            }
            return content;
        } catch (NoSuchFileException e) {
            String relative = file.isAbsolute() ? "" : " (it is relative to " + Path.of("").toAbsolutePath() + ")";
            throw new CredentialException(file, CredentialCode.FILE_NOT_FOUND, file
                    + " was not found. Check the path" + relative + ", or choose the file again.", e);
        } catch (AccessDeniedException e) {
            throw new CredentialException(file, CredentialCode.FILE_UNREADABLE, file
                    + " cannot be read: permission denied. Check its owner and mode with: ls -l " + Shell.quote(file), e);
        } catch (IOException e) {
            throw new CredentialException(file, CredentialCode.FILE_UNREADABLE, file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static CredentialException nothingUsable(Path file, List<String> labels) {
        String quoted = Shell.quote(file);
        String message;
        if (labels.stream().anyMatch(label -> label.contains("CERTIFICATE REQUEST"))) {
            message = file + " contains a certificate signing request (CSR), not a certificate. Have the CA sign it, for example: "
                    + "openssl x509 -req -in " + quoted + " -CA ca.crt -CAkey ca.key -copy_extensions copy -days 365 -out "
                    + Shell.quote(Shell.sibling(file, ".crt"));
        } else if (labels.contains("OPENSSH PRIVATE KEY")) {
            message = file + " contains an OpenSSH private key, which TLS libraries do not read. Convert a copy to PKCS#8 with: "
                    + "cp " + quoted + " " + Shell.quote(Shell.sibling(file, ".pk8.key")) + " && ssh-keygen -p -N '' -m PKCS8 -f "
                    + Shell.quote(Shell.sibling(file, ".pk8.key"));
        } else if (labels.stream().anyMatch(label -> label.contains("PUBLIC KEY"))) {
            message = file + " contains only a public key. TLS needs the certificate (BEGIN CERTIFICATE) and the private key"
                    + " (BEGIN PRIVATE KEY); choose those files.";
        } else {
            message = file + " contains PEM blocks of type " + String.join(", ", labels).toUpperCase(Locale.ROOT)
                    + " but no certificate and no private key. Choose the file that starts with -----BEGIN CERTIFICATE----- or -----BEGIN PRIVATE KEY-----.";
        }
        return new CredentialException(file, CredentialCode.FILE_UNRECOGNIZED, message);
    }
}
