package io.mtlsstudio.pki.generate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;

/** Writes RSA keys in PKCS#1 form ({@code BEGIN RSA PRIVATE KEY}), as {@code openssl genrsa -traditional} does. */
final class Pkcs1Keys {

    private Pkcs1Keys() {
    }

    /** Encodes an RSA private key as PKCS#1 PEM. */
    static String toPem(PrivateKey key) {
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("PKCS#1 encodes RSA keys only, not " + key.getAlgorithm() + " keys.");
        }
        try {
            byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(new PemObject("RSA PRIVATE KEY", pkcs1));
            }
            return text.toString();
        } catch (IOException e) {
            throw new IllegalStateException("Encoding the RSA key as PKCS#1 failed", e);
        }
    }

    /** Writes the key into a file readable by its owner only; the permissions are set before any key byte is written. */
    static void write(Path file, PrivateKey key) throws IOException {
        String pem = toPem(key);
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
