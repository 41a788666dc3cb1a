package io.mtlsstudio.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads PKCS#12, JKS and JCEKS keystores with the JDK's {@link KeyStore}. A PKCS#12 file is first
 * tried with the empty password, which {@code openssl pkcs12 -export -passout pass:} uses, so a
 * password is asked for only when the file needs one.
 */
final class KeystoreReader {

    private static final int JKS_MAGIC = 0xFEEDFEED;
    private static final int JCEKS_MAGIC = 0xCECECECE;

    private KeystoreReader() {
    }

    /** Returns the keystore format of these bytes, or null when they are not a keystore. */
    static FileFormat detect(byte[] content) {
        if (content.length >= 4) {
            int magic = ((content[0] & 0xff) << 24) | ((content[1] & 0xff) << 16) | ((content[2] & 0xff) << 8) | (content[3] & 0xff);
            if (magic == JKS_MAGIC) {
                return FileFormat.JKS;
            }
            if (magic == JCEKS_MAGIC) {
                return FileFormat.JCEKS;
            }
        }
        return DerFileReader.isPkcs12(content) ? FileFormat.PKCS12 : null;
    }

    static LoadedFile read(Path file, byte[] content, FileFormat format, PasswordSource passwords, String alias)
            throws CredentialException {
        char[] storePassword = null;
        try {
            KeyStore store;
            if (format == FileFormat.PKCS12) {
                storePassword = new char[0];
                store = tryLoad(file, content, format, storePassword);
                if (store == null) {
                    storePassword = askStorePassword(file, format, passwords);
                    store = load(file, content, format, storePassword);
                }
            } else {
                store = load(file, content, format, null);
                if (!keyAliases(file, store).isEmpty()) {
                    storePassword = askStorePassword(file, format, passwords);
                    store = load(file, content, format, storePassword);
                }
            }
            return contents(file, store, format, alias, storePassword, passwords);
        } finally {
            if (storePassword != null) {
                Arrays.fill(storePassword, '\0');
            }
        }
    }

    private static LoadedFile contents(Path file, KeyStore store, FileFormat format, String alias, char[] storePassword,
                                       PasswordSource passwords) throws CredentialException {
        List<String> keyAliases = keyAliases(file, store);
        List<String> trustedAliases = new ArrayList<>();
        try {
            for (String name : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(name)) {
                    trustedAliases.add(name);
                }
            }
        } catch (KeyStoreException e) {
            throw unreadable(file, format, e);
        }

        String chosen = chooseAlias(file, keyAliases, trustedAliases, alias);
        LoadedFileBuilder result = new LoadedFileBuilder(file, format);
        result.keystore(new LoadedFile.KeystoreContents(chosen, keyAliases, trustedAliases));
        try {
            if (chosen != null) {
                for (Certificate certificate : nullToEmpty(store.getCertificateChain(chosen))) {
                    if (certificate instanceof X509Certificate x509) {
                        result.certificate(x509);
                    }
                }
                PrivateKey key = entryKey(file, store, chosen, storePassword, passwords);
                result.key(key, KeyFormat.KEYSTORE_ENTRY, false, format.label() + " entry \"" + chosen + "\"", null);
            }
            for (String name : trustedAliases) {
                if (store.getCertificate(name) instanceof X509Certificate x509) {
                    result.certificate(x509);
                }
            }
        } catch (KeyStoreException e) {
            throw unreadable(file, format, e);
        }
        return result.build();
    }

    private static String chooseAlias(Path file, List<String> keyAliases, List<String> trustedAliases, String alias)
            throws CredentialException {
        if (alias == null || alias.isBlank()) {
            return keyAliases.isEmpty() ? null : keyAliases.get(0);
        }
        for (String name : keyAliases) {
            if (name.equalsIgnoreCase(alias)) {
                return name;
            }
        }
        String kind = trustedAliases.stream().anyMatch(name -> name.equalsIgnoreCase(alias))
                ? " is a trusted-certificate entry without a private key"
                : " is not in it";
        String available = keyAliases.isEmpty() ? "it has no key entry at all" : "its key entries are " + String.join(", ", keyAliases);
        throw new CredentialException(file, CredentialCode.KEYSTORE_ALIAS_NOT_FOUND, "The alias \"" + alias + "\" of " + file + kind
                + "; " + available + ". Choose one of them; keytool -list -keystore " + Shell.quote(file) + " lists the entries.");
    }

    private static PrivateKey entryKey(Path file, KeyStore store, String alias, char[] storePassword, PasswordSource passwords)
            throws CredentialException {
        try {
            Key key = store.getKey(alias, storePassword);
            if (key instanceof PrivateKey privateKey) {
                return privateKey;
            }
        } catch (UnrecoverableKeyException e) {
            // The entry has its own password, which JKS allows: ask for it below.
        } catch (GeneralSecurityException e) {
            throw unreadable(file, FileFormat.JKS, e);
        }

        PasswordRequest request = new PasswordRequest(file, PasswordRequest.Target.KEYSTORE_ENTRY, alias, "a key password of its own");
        char[] entryPassword = passwords.password(request);
        if (entryPassword == null) {
            throw new PasswordRequiredException(request, "The key entry \"" + alias + "\" of " + file
                    + " has a password of its own, different from the keystore password, and none was given. Enter it.");
        }
        try {
            Key key = store.getKey(alias, entryPassword);
            if (key instanceof PrivateKey privateKey) {
                return privateKey;
            }
            throw new CredentialException(file, CredentialCode.KEYSTORE_NO_KEY, "The entry \"" + alias + "\" of " + file
                    + " contains a secret key, not a private key. Choose a private-key entry.");
        } catch (UnrecoverableKeyException e) {
            throw new WrongPasswordException(request, "The password given for the key entry \"" + alias + "\" of " + file
                    + " is wrong. Check it with: keytool -list -v -keystore " + Shell.quote(file) + " -alias " + Shell.quote(alias), e);
        } catch (GeneralSecurityException e) {
            throw unreadable(file, FileFormat.JKS, e);
        } finally {
            Arrays.fill(entryPassword, '\0');
        }
    }

    private static List<String> keyAliases(Path file, KeyStore store) throws CredentialException {
        try {
            List<String> aliases = new ArrayList<>();
            for (String name : Collections.list(store.aliases())) {
                if (store.isKeyEntry(name)) {
                    aliases.add(name);
                }
            }
            return aliases;
        } catch (KeyStoreException e) {
            throw new CredentialException(file, CredentialCode.FILE_UNRECOGNIZED, file + " cannot be listed as a keystore: " + e.getMessage(), e);
        }
    }

    private static char[] askStorePassword(Path file, FileFormat format, PasswordSource passwords) throws PasswordRequiredException {
        PasswordRequest request = new PasswordRequest(file, PasswordRequest.Target.KEYSTORE, null, format.label());
        char[] password = passwords.password(request);
        if (password == null) {
            throw new PasswordRequiredException(request, file + " is a " + format.label()
                    + " protected by a password, and no password was given. Give the password; the command line reads it from a file"
                    + " (inspect --password-file FILE, check and serve --key-password-file FILE).");
        }
        return password;
    }

    /** Loads the store, or returns null when the password is wrong. */
    private static KeyStore tryLoad(Path file, byte[] content, FileFormat format, char[] password) throws CredentialException {
        try {
            return load(file, content, format, password);
        } catch (WrongPasswordException e) {
            return null;
        }
    }

    private static KeyStore load(Path file, byte[] content, FileFormat format, char[] password) throws CredentialException {
        try {
            KeyStore store = KeyStore.getInstance(format == FileFormat.PKCS12 ? "PKCS12" : format.name());
            store.load(new ByteArrayInputStream(content), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                PasswordRequest request = new PasswordRequest(file, PasswordRequest.Target.KEYSTORE, null, format.label());
                throw new WrongPasswordException(request, "The password given for " + file + " does not open this "
                        + format.label() + ". Check the password; keytool -list -keystore " + Shell.quote(file)
                        + " asks for it and reports whether it is right.", e);
            }
            throw unreadable(file, format, e);
        } catch (GeneralSecurityException e) {
            throw unreadable(file, format, e);
        }
    }

    private static CredentialException unreadable(Path file, FileFormat format, Exception e) {
        return new CredentialException(file, CredentialCode.FILE_UNRECOGNIZED, file + " looks like a " + format.label()
                + " but the JDK cannot read it: " + e.getMessage() + ". Check it with: keytool -list -v -keystore " + Shell.quote(file), e);
    }

    private static Certificate[] nullToEmpty(Certificate[] chain) {
        return chain == null ? new Certificate[0] : chain;
    }
}
