package io.mtlsstudio.pki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Provider;
import java.util.Arrays;
import java.util.Map;

/**
 * Decrypts encrypted PKCS#8 keys and OpenSSL's legacy encrypted PEM keys with a password from a
 * {@link PasswordSource}, which is asked only here, once per key, and zeroed after use.
 */
final class KeyDecryptor {

    /** Used for decryption only, not registered: it covers scrypt and the legacy PEM ciphers. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private static final Map<ASN1ObjectIdentifier, String> CIPHERS = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, "AES-128-CBC",
            NISTObjectIdentifiers.id_aes192_CBC, "AES-192-CBC",
            NISTObjectIdentifiers.id_aes256_CBC, "AES-256-CBC",
            PKCSObjectIdentifiers.des_EDE3_CBC, "DES-EDE3-CBC",
            PKCSObjectIdentifiers.RC2_CBC, "RC2-CBC");

    private static final Map<ASN1ObjectIdentifier, String> PRFS = Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, "HMAC-SHA1",
            PKCSObjectIdentifiers.id_hmacWithSHA224, "HMAC-SHA224",
            PKCSObjectIdentifiers.id_hmacWithSHA256, "HMAC-SHA256",
            PKCSObjectIdentifiers.id_hmacWithSHA384, "HMAC-SHA384",
            PKCSObjectIdentifiers.id_hmacWithSHA512, "HMAC-SHA512");

    private static final Map<ASN1ObjectIdentifier, String> PBES1 = Map.of(
            PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, "PKCS#12 PBE with SHA-1 and 3-key triple DES",
            PKCSObjectIdentifiers.pbeWithSHAAnd2_KeyTripleDES_CBC, "PKCS#12 PBE with SHA-1 and 2-key triple DES",
            PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC, "PKCS#12 PBE with SHA-1 and 40-bit RC2",
            PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC, "PKCS#12 PBE with SHA-1 and 128-bit RC2",
            PKCSObjectIdentifiers.pbeWithMD5AndDES_CBC, "PBES1 with MD5 and DES",
            PKCSObjectIdentifiers.pbeWithSHA1AndDES_CBC, "PBES1 with SHA-1 and DES");

    private KeyDecryptor() {
    }

    /** Describes the encryption of a PKCS#8 key, for example "PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC)". */
    static String describe(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (!oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
            return PBES1.getOrDefault(oid, "password-based encryption " + oid.getId());
        }
        try {
            PBES2Parameters parameters = PBES2Parameters.getInstance(algorithm.getParameters());
            ASN1ObjectIdentifier cipherOid = parameters.getEncryptionScheme().getAlgorithm();
            String cipher = CIPHERS.getOrDefault(cipherOid, cipherOid.getId());
            ASN1ObjectIdentifier kdf = parameters.getKeyDerivationFunc().getAlgorithm();
            String derivation;
            if (kdf.equals(PKCSObjectIdentifiers.id_PBKDF2)) {
                PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(parameters.getKeyDerivationFunc().getParameters());
                ASN1ObjectIdentifier prf = pbkdf2.getPrf().getAlgorithm();
                derivation = "PBKDF2 with " + PRFS.getOrDefault(prf, prf.getId());
            } else if (kdf.equals(MiscObjectIdentifiers.id_scrypt)) {
                derivation = "scrypt";
            } else {
                derivation = kdf.getId();
            }
            return "PBES2 (" + derivation + ", " + cipher + ")";
        } catch (RuntimeException e) {
            return "PBES2";
        }
    }

    static PrivateKeyInfo decrypt(Path file, PKCS8EncryptedPrivateKeyInfo encrypted, PasswordSource passwords)
            throws CredentialException {
        String encryption = describe(encrypted.getEncryptionAlgorithm());
        PasswordRequest request = new PasswordRequest(file, PasswordRequest.Target.PRIVATE_KEY, null, encryption);
        char[] password = require(request, passwords, "an encrypted PKCS#8 private key (" + encryption + ")");
        try {
            return encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password));
        } catch (PKCSException | RuntimeException e) {
            throw wrongPassword(request, e);
        } catch (OperatorCreationException e) {
            throw new CredentialException(file, CredentialCode.FILE_UNRECOGNIZED, file + " contains a private key encrypted with "
                    + encryption + ", which mTLS Studio cannot decrypt: " + e.getMessage()
                    + ". Re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -in " + Shell.quote(file)
                    + " -out " + Shell.quote(Shell.sibling(file, ".aes.key")), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static PEMKeyPair decrypt(Path file, PEMEncryptedKeyPair encrypted, PasswordSource passwords) throws CredentialException {
        String encryption = legacyDescription(encrypted);
        PasswordRequest request = new PasswordRequest(file, PasswordRequest.Target.PRIVATE_KEY, null, encryption);
        char[] password = require(request, passwords, "a private key with " + encryption);
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password));
        } catch (IOException | RuntimeException e) {
            throw wrongPassword(request, e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static String legacyDescription(PEMEncryptedKeyPair encrypted) {
        return "OpenSSL legacy PEM encryption (Proc-Type: 4,ENCRYPTED, " + encrypted.getDekAlgName() + ")";
    }

    private static char[] require(PasswordRequest request, PasswordSource passwords, String what) throws PasswordRequiredException {
        char[] password = passwords.password(request);
        if (password == null) {
            throw new PasswordRequiredException(request, request.file() + " contains " + what
                    + ", and no password was given. Give the password; the command line reads it from a file"
                    + " (inspect --password-file FILE, check and serve --key-password-file FILE).");
        }
        return password;
    }

    private static WrongPasswordException wrongPassword(PasswordRequest request, Exception cause) {
        Path file = request.file();
        return new WrongPasswordException(request, "The password given for " + file + " does not decrypt its private key ("
                + request.encryption() + "). Check the password; openssl pkey -in " + Shell.quote(file)
                + " -noout asks for it and reports whether it is right.", cause);
    }
}
