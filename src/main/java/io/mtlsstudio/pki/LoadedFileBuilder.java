package io.mtlsstudio.pki;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Collects what the readers find in one file and turns it into a {@link LoadedFile}. */
final class LoadedFileBuilder {

    private final Path file;
    private FileFormat format;
    private final List<X509Certificate> certificates = new ArrayList<>();
    private final List<LoadedFile.PemProblem> corrupt = new ArrayList<>();
    private final List<String> other = new ArrayList<>();
    private LoadedKey key;
    private CredentialException keyFailure;
    private LoadedFile.KeystoreContents keystore;

    LoadedFileBuilder(Path file, FileFormat format) {
        this.file = file;
        this.format = format;
    }

    void format(FileFormat value) {
        format = value;
    }

    void certificate(X509CertificateHolder holder) throws IOException {
        certificates.add(toJdk(holder.getEncoded()));
    }

    void certificate(X509Certificate certificate) {
        certificates.add(certificate);
    }

    /** Adds the certificates of a PKCS#7 SignedData bundle; their order is the bundle's, not a chain order. */
    void pkcs7(ContentInfo info) throws IOException {
        try {
            CMSSignedData signedData = new CMSSignedData(info);
            for (X509CertificateHolder holder : signedData.getCertificates().getMatches(null)) {
                certificate(holder);
            }
        } catch (CMSException e) {
            throw new IOException("not a PKCS#7 SignedData bundle: " + e.getMessage(), e);
        }
    }

    void key(PrivateKey privateKey, KeyFormat keyFormat, boolean der, String encryption, String ecParameters) {
        if (key == null && keyFailure == null) {
            key = new LoadedKey(privateKey, keyFormat, der, encryption, ecParameters, KeyDescriptions.describe(privateKey));
        }
    }

    void keyFailure(CredentialException failure) {
        if (key == null && keyFailure == null) {
            keyFailure = failure;
        }
    }

    boolean hasKeyOrFailure() {
        return key != null || keyFailure != null;
    }

    void keystore(LoadedFile.KeystoreContents contents) {
        keystore = contents;
    }

    void corrupt(PemBlocks.Block block, String reason) {
        corrupt.add(new LoadedFile.PemProblem(block.number(), block.label(), block.line(), reason));
    }

    void other(String label) {
        other.add(label);
    }

    LoadedFile build() {
        return new LoadedFile(file, format, certificates, key, keyFailure, keystore, corrupt, other);
    }

    /** Parses DER certificate bytes with the JDK, whose certificates the TLS stack and PKIX code expect. */
    static X509Certificate toJdk(byte[] der) throws IOException {
        try {
            return (X509Certificate) certificateFactory().generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IOException("the JDK cannot parse the certificate: " + e.getMessage(), e);
        }
    }

    static CertificateFactory certificateFactory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("The JDK has no X.509 certificate factory", e);
        }
    }

    /** Converts a decoded key to a JDK key, so that the probe can use any encoding. */
    static PrivateKey convert(Path file, PrivateKeyInfo info) throws CredentialException {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException e) {
            throw new CredentialException(file, CredentialCode.FILE_UNRECOGNIZED, file + " contains a private key of algorithm "
                    + info.getPrivateKeyAlgorithm().getAlgorithm().getId() + ", which the JDK cannot use: " + e.getMessage()
                    + ". Use an RSA, EC (P-256, P-384, P-521) or Ed25519 key.", e);
        }
    }
}
