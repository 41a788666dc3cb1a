package io.mtlsstudio.pki;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads certificates and private keys from the files users point at. Every failure is a
 * {@link CredentialException} whose message names the file, what was found in it and what to do.
 */
public final class CredentialFiles {

    private static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private CredentialFiles() {
    }

    /** Reads every X.509 certificate in a PEM or DER file, in file order. */
    public static List<X509Certificate> readCertificates(Path file) throws CredentialException {
        byte[] content = readBytes(file);
        if (!looksLikePem(content)) {
            return readDerCertificates(file, content);
        }

        List<X509Certificate> certificates = new ArrayList<>();
        boolean sawPrivateKey = false;
        try (PEMParser parser = new PEMParser(new StringReader(new String(content, StandardCharsets.US_ASCII)))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } else if (item instanceof PEMKeyPair || item instanceof PrivateKeyInfo) {
                    sawPrivateKey = true;
                }
            }
        } catch (IOException | CertificateException e) {
            throw new CredentialException(file, file + " contains a PEM block that is not a valid certificate: "
                    + e.getMessage() + ". Check the file with: openssl x509 -in " + file + " -noout -text", e);
        }

        if (certificates.isEmpty()) {
            String found = sawPrivateKey ? "a private key but no certificate" : "no CERTIFICATE block";
            throw new CredentialException(file, file + " contains " + found
                    + ". Choose the file that starts with -----BEGIN CERTIFICATE-----.");
        }
        return List.copyOf(certificates);
    }

    /** Reads the first private key in a PEM file: PKCS#8, PKCS#1 RSA or SEC1 EC. */
    public static PrivateKey readPrivateKey(Path file) throws CredentialException {
        byte[] content = readBytes(file);
        if (!looksLikePem(content)) {
            throw new CredentialException(file, file + " is not a PEM private key. If it is a DER key, convert it with: "
                    + "openssl pkey -inform DER -in " + file + " -out key.pem");
        }

        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        boolean sawCertificate = false;
        try (PEMParser parser = new PEMParser(new StringReader(new String(content, StandardCharsets.US_ASCII)))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (item instanceof X509CertificateHolder) {
                    sawCertificate = true;
                }
                if (item.getClass().getSimpleName().contains("Encrypted")) {
                    throw new CredentialException(file, file + " holds an encrypted private key. Decrypt it with: "
                            + "openssl pkey -in " + file + " -out decrypted.key");
                }
            }
        } catch (IOException e) {
            throw new CredentialException(file, file + " contains a PEM block that is not a valid private key: "
                    + e.getMessage(), e);
        }

        String found = sawCertificate ? "a certificate but no private key" : "no PRIVATE KEY block";
        throw new CredentialException(file, file + " contains " + found
                + ". Choose the file that starts with -----BEGIN PRIVATE KEY-----.");
    }

    static byte[] readBytes(Path file) throws CredentialException {
        if (file == null) {
            throw new CredentialException(null, "No file was given. Choose a file.");
        }
        try {
            if (Files.isDirectory(file)) {
                throw new CredentialException(file, file + " is a folder, not a file. Choose a file inside it.");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CredentialException(file, file + " is larger than 16 MiB, which no certificate or key file is. "
                        + "Choose the certificate or key file itself.");
            }
            byte[] content = Files.readAllBytes(file);
            if (content.length == 0 || new String(content, StandardCharsets.ISO_8859_1).isBlank()) {
                throw new CredentialException(file, file + " is empty. Choose the file that holds the certificate or key.");
            }
            return content;
        } catch (NoSuchFileException e) {
            throw new CredentialException(file, file + " was not found. Check the path, or choose the file again.", e);
        } catch (AccessDeniedException e) {
            throw new CredentialException(file, file + " cannot be read: permission denied. Check its owner and mode.", e);
        } catch (IOException e) {
            throw new CredentialException(file, file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static boolean looksLikePem(byte[] content) {
        return new String(content, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }

    private static List<X509Certificate> readDerCertificates(Path file, byte[] content) throws CredentialException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (var cert : factory.generateCertificates(new ByteArrayInputStream(content))) {
                certificates.add((X509Certificate) cert);
            }
            if (certificates.isEmpty()) {
                throw new CertificateException("no certificate found");
            }
            return List.copyOf(certificates);
        } catch (CertificateException e) {
            throw new CredentialException(file, file + " is neither PEM nor a DER certificate. "
                    + "Choose a certificate file (it usually starts with -----BEGIN CERTIFICATE-----).", e);
        }
    }
}
