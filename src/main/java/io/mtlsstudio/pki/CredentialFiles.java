package io.mtlsstudio.pki;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads certificates and private keys from the files users point at, in any format that
 * {@link CredentialLoader} reads. Every failure is a {@link CredentialException} whose message
 * names the file, what was found in it and what to do; an encrypted file without a password
 * raises {@link PasswordRequiredException}, and a wrong password {@link WrongPasswordException}.
 */
public final class CredentialFiles {

    private CredentialFiles() {
    }

    /** Reads every X.509 certificate in a PEM, DER or PKCS#7 file, in file order, or in an unencrypted keystore. */
    public static List<X509Certificate> readCertificates(Path file) throws CredentialException {
        return readCertificates(file, PasswordSource.NONE);
    }

    /** Reads every certificate in the file; a keystore gives the chosen entry's chain, leaf first. */
    public static List<X509Certificate> readCertificates(Path file, PasswordSource passwords) throws CredentialException {
        LoadedFile loaded = CredentialLoader.load(file, passwords);
        if (!loaded.certificates().isEmpty()) {
            return loaded.certificates();
        }
        if (!loaded.corruptBlocks().isEmpty()) {
            throw corrupt(loaded);
        }
        String found = loaded.key() != null || loaded.keyFailure() != null ? "a private key but no certificate" : "no certificate";
        throw new CredentialException(file, CredentialCode.FILE_NO_CERTIFICATE, file + " contains " + found
                + ". Choose the file that starts with -----BEGIN CERTIFICATE-----.");
    }

    /** Reads the first private key in an unencrypted file: PKCS#8, PKCS#1 RSA or SEC1 EC, PEM or DER. */
    public static PrivateKey readPrivateKey(Path file) throws CredentialException {
        return readPrivateKey(file, PasswordSource.NONE);
    }

    /** Reads the first private key in the file, decrypting it with a password from {@code passwords} if needed. */
    public static PrivateKey readPrivateKey(Path file, PasswordSource passwords) throws CredentialException {
        LoadedFile loaded = CredentialLoader.load(file, passwords);
        if (loaded.key() != null) {
            return loaded.key().key();
        }
        if (loaded.keyFailure() != null) {
            throw loaded.keyFailure();
        }
        if (!loaded.corruptBlocks().isEmpty()) {
            throw corrupt(loaded);
        }
        String found = loaded.certificates().isEmpty() ? "no private key" : "a certificate but no private key";
        throw new CredentialException(file, CredentialCode.FILE_NO_KEY, file + " contains " + found
                + ". Choose the file that starts with -----BEGIN PRIVATE KEY----- (or RSA PRIVATE KEY, EC PRIVATE KEY).");
    }

    private static CredentialException corrupt(LoadedFile loaded) {
        String blocks = loaded.corruptBlocks().stream()
                .map(block -> block.label() + " at line " + block.line() + " (" + block.reason() + ")")
                .collect(Collectors.joining("; "));
        return new CredentialException(loaded.path(), CredentialCode.PEM_BLOCK_CORRUPT, loaded.path()
                + " has PEM blocks that do not decode: " + blocks + ". Copy the file again from its source; a block must"
                + " keep every line of base64 between its BEGIN and END lines.");
    }
}
