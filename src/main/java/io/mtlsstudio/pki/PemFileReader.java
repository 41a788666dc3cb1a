package io.mtlsstudio.pki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Set;

/** Reads a PEM file block by block with Bouncy Castle's {@link PEMParser}. */
final class PemFileReader {

    private static final Set<String> SUPPORTED = new PEMParser(new StringReader("")).getSupportedTypes();

    private final Path file;
    private final PasswordSource passwords;
    private final LoadedFileBuilder result;
    private String pendingCurve;

    private PemFileReader(Path file, PasswordSource passwords) {
        this.file = file;
        this.passwords = passwords;
        this.result = new LoadedFileBuilder(file, FileFormat.PEM);
    }

    static LoadedFile read(Path file, String content, PasswordSource passwords) {
        PemFileReader reader = new PemFileReader(file, passwords);
        boolean sawPkcs7 = false;
        boolean sawCertificateBlock = false;
        for (PemBlocks.Block block : PemBlocks.split(content)) {
            sawPkcs7 |= block.label().equals("PKCS7") || block.label().equals("CMS");
            sawCertificateBlock |= block.label().endsWith("CERTIFICATE");
            reader.readBlock(block);
        }
        if (sawPkcs7 && !sawCertificateBlock) {
            reader.result.format(FileFormat.PKCS7_PEM);
        }
        return reader.result.build();
    }

    private void readBlock(PemBlocks.Block block) {
        if (!block.complete()) {
            result.corrupt(block, "no -----END " + block.label() + "----- line follows it");
            return;
        }
        if (!SUPPORTED.contains(block.label())) {
            result.other(block.label());
            return;
        }

        Object item;
        try (PEMParser parser = new PEMParser(new StringReader(block.text()))) {
            item = parser.readObject();
        } catch (IOException | RuntimeException e) {
            result.corrupt(block, reason(e));
            return;
        }

        try {
            accept(block, item);
        } catch (IOException | RuntimeException e) {
            result.corrupt(block, reason(e));
        }
    }

    private void accept(PemBlocks.Block block, Object item) throws IOException {
        switch (item) {
            case X509CertificateHolder holder -> result.certificate(holder);
            case X509TrustedCertificateBlock trusted -> result.certificate(trusted.getCertificateHolder());
            case ContentInfo pkcs7 -> result.pkcs7(pkcs7);
            case ASN1ObjectIdentifier curve -> pendingCurve = KeyDescriptions.curveName(curve);
            case X9ECParameters explicit -> pendingCurve = "explicit curve parameters";
            case PrivateKeyInfo info -> key(info, KeyFormat.PKCS8, "");
            case PEMKeyPair pair -> key(pair.getPrivateKeyInfo(), plainFormat(block.label()), "");
            case PKCS8EncryptedPrivateKeyInfo encrypted -> encryptedPkcs8(encrypted);
            case PEMEncryptedKeyPair encrypted -> legacyEncrypted(block.label(), encrypted);
            case null -> result.corrupt(block, "the block contains no data");
            default -> result.other(block.label());
        }
    }

    private void encryptedPkcs8(PKCS8EncryptedPrivateKeyInfo encrypted) {
        if (result.hasKeyOrFailure()) {
            return;
        }
        String encryption = KeyDecryptor.describe(encrypted.getEncryptionAlgorithm());
        try {
            key(KeyDecryptor.decrypt(file, encrypted, passwords), KeyFormat.PKCS8_ENCRYPTED, encryption);
        } catch (CredentialException e) {
            result.keyFailure(e);
        }
    }

    private void legacyEncrypted(String label, PEMEncryptedKeyPair encrypted) {
        if (result.hasKeyOrFailure()) {
            return;
        }
        KeyFormat format = switch (label) {
            case "EC PRIVATE KEY" -> KeyFormat.LEGACY_ENCRYPTED_SEC1_EC;
            case "DSA PRIVATE KEY" -> KeyFormat.LEGACY_ENCRYPTED_DSA;
            default -> KeyFormat.LEGACY_ENCRYPTED_PKCS1_RSA;
        };
        try {
            PEMKeyPair pair = KeyDecryptor.decrypt(file, encrypted, passwords);
            key(pair.getPrivateKeyInfo(), format, KeyDecryptor.legacyDescription(encrypted));
        } catch (CredentialException e) {
            result.keyFailure(e);
        }
    }

    private void key(PrivateKeyInfo info, KeyFormat format, String encryption) {
        if (result.hasKeyOrFailure()) {
            return;
        }
        String curve = format.isSec1() ? pendingCurve : null;
        try {
            result.key(LoadedFileBuilder.convert(file, info), format, false, encryption, curve);
        } catch (CredentialException e) {
            result.keyFailure(e);
        }
    }

    private static KeyFormat plainFormat(String label) {
        return switch (label) {
            case "EC PRIVATE KEY" -> KeyFormat.SEC1_EC;
            case "DSA PRIVATE KEY" -> KeyFormat.OPENSSL_DSA;
            default -> KeyFormat.PKCS1_RSA;
        };
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() != null
                && cause.getMessage().equals(cause.getCause().toString())) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
