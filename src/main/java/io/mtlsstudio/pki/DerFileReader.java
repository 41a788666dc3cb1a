package io.mtlsstudio.pki;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Reads binary (DER) files: certificates, PKCS#7 bundles, and PKCS#8, PKCS#1 and SEC1 keys.
 * Each candidate structure is recognised by its ASN.1 shape and decoded by Bouncy Castle's types.
 */
final class DerFileReader {

    private DerFileReader() {
    }

    /** True when the bytes are a PKCS#12 PFX: SEQUENCE { INTEGER 3, ContentInfo, ... }. */
    static boolean isPkcs12(byte[] content) {
        ASN1Sequence sequence = firstSequence(content);
        return sequence != null && sequence.size() >= 2
                && sequence.getObjectAt(0) instanceof ASN1Integer version && version.hasValue(3)
                && sequence.getObjectAt(1) instanceof ASN1Sequence;
    }

    static LoadedFile read(Path file, byte[] content, PasswordSource passwords) throws CredentialException {
        ASN1Sequence sequence = firstSequence(content);
        if (sequence == null) {
            throw unrecognized(file, content);
        }

        LoadedFileBuilder result = new LoadedFileBuilder(file, FileFormat.DER);
        try {
            if (isSignedData(sequence)) {
                result.format(FileFormat.PKCS7_DER);
                result.pkcs7(ContentInfo.getInstance(sequence));
            } else if (isCertificate(sequence)) {
                for (var certificate : LoadedFileBuilder.certificateFactory().generateCertificates(new ByteArrayInputStream(content))) {
                    result.certificate((X509Certificate) certificate);
                }
            } else if (isEncryptedPrivateKeyInfo(sequence)) {
                PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfo(sequence.getEncoded());
                String encryption = KeyDecryptor.describe(encrypted.getEncryptionAlgorithm());
                try {
                    PrivateKeyInfo info = KeyDecryptor.decrypt(file, encrypted, passwords);
                    result.key(LoadedFileBuilder.convert(file, info), KeyFormat.PKCS8_ENCRYPTED, true, encryption, null);
                } catch (PasswordRequiredException | WrongPasswordException e) {
                    result.keyFailure(e);
                }
            } else if (isPrivateKeyInfo(sequence)) {
                result.key(LoadedFileBuilder.convert(file, PrivateKeyInfo.getInstance(sequence)), KeyFormat.PKCS8, true, "", null);
            } else if (isRsaPrivateKey(sequence)) {
                PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        RSAPrivateKey.getInstance(sequence));
                result.key(LoadedFileBuilder.convert(file, info), KeyFormat.PKCS1_RSA, true, "", null);
            } else if (isEcPrivateKey(sequence)) {
                result.key(LoadedFileBuilder.convert(file, sec1(file, sequence)), KeyFormat.SEC1_EC, true, "", null);
            } else {
                throw unrecognized(file, content);
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new CredentialException(file, CredentialCode.FILE_UNRECOGNIZED, file
                    + " is a DER file whose structure looks like a certificate, bundle or key but does not decode: "
                    + e.getMessage() + ". Check it with: openssl asn1parse -inform DER -in " + Shell.quote(file), e);
        }
        return result.build();
    }

    private static PrivateKeyInfo sec1(Path file, ASN1Sequence sequence) throws IOException, CredentialException {
        ECPrivateKey key = ECPrivateKey.getInstance(sequence);
        ASN1Primitive parameters = key.getParametersObject() == null ? null : key.getParametersObject().toASN1Primitive();
        if (parameters == null) {
            throw new CredentialException(file, CredentialCode.FILE_UNRECOGNIZED, file
                    + " is a DER SEC1 EC key without its curve, so it cannot be used alone. Export it again with the curve: "
                    + "openssl pkey -in the-original.pem -outform DER -out " + Shell.quote(file));
        }
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, parameters), key);
    }

    private static ASN1Sequence firstSequence(byte[] content) {
        try (ASN1InputStream in = new ASN1InputStream(content)) {
            return in.readObject() instanceof ASN1Sequence sequence ? sequence : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isSignedData(ASN1Sequence sequence) {
        return sequence.size() == 2 && PKCSObjectIdentifiers.signedData.equals(sequence.getObjectAt(0));
    }

    private static boolean isCertificate(ASN1Sequence sequence) {
        return sequence.size() == 3 && sequence.getObjectAt(0) instanceof ASN1Sequence
                && sequence.getObjectAt(1) instanceof ASN1Sequence algorithm
                && algorithm.size() >= 1 && algorithm.getObjectAt(0) instanceof ASN1ObjectIdentifier
                && sequence.getObjectAt(2).toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1BitString;
    }

    private static boolean isEncryptedPrivateKeyInfo(ASN1Sequence sequence) {
        return sequence.size() == 2 && sequence.getObjectAt(0) instanceof ASN1Sequence algorithm
                && algorithm.size() >= 1 && algorithm.getObjectAt(0) instanceof ASN1ObjectIdentifier
                && sequence.getObjectAt(1) instanceof ASN1OctetString;
    }

    private static boolean isPrivateKeyInfo(ASN1Sequence sequence) {
        return sequence.size() >= 3 && sequence.getObjectAt(0) instanceof ASN1Integer version
                && version.getValue().compareTo(BigInteger.TWO) < 0
                && sequence.getObjectAt(1) instanceof ASN1Sequence
                && sequence.getObjectAt(2) instanceof ASN1OctetString;
    }

    private static boolean isRsaPrivateKey(ASN1Sequence sequence) {
        if (sequence.size() < 9) {
            return false;
        }
        for (ASN1Encodable element : sequence) {
            if (!(element instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEcPrivateKey(ASN1Sequence sequence) {
        return sequence.size() >= 2 && sequence.getObjectAt(0) instanceof ASN1Integer version && version.hasValue(1)
                && sequence.getObjectAt(1) instanceof ASN1OctetString
                && (sequence.size() == 2 || sequence.getObjectAt(2) instanceof ASN1TaggedObject);
    }

    private static CredentialException unrecognized(Path file, byte[] content) {
        String what = looksLikeText(content)
                ? " is text without a -----BEGIN line, so it is not PEM, and it is not DER either."
                : " is neither PEM nor DER: it contains no certificate, private key, PKCS#7 bundle or keystore that mTLS Studio can read.";
        return new CredentialException(file, CredentialCode.FILE_UNRECOGNIZED, file + what
                + " Choose the certificate file (it usually starts with -----BEGIN CERTIFICATE-----) or the key file"
                + " (-----BEGIN PRIVATE KEY-----); openssl storeutl -noout -text " + Shell.quote(file) + " shows what OpenSSL finds in it.");
    }

    private static boolean looksLikeText(byte[] content) {
        int limit = Math.min(content.length, 512);
        for (int i = 0; i < limit; i++) {
            int b = content[i] & 0xff;
            if (b < 0x09 || (b > 0x0d && b < 0x20) || b == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
