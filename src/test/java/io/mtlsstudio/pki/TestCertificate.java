package io.mtlsstudio.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Issues test certificates with every extension under the test's control, including the faulty
 * ones (no SAN, wrong EKU, CA:FALSE CA, SHA-1 signatures) that {@link TestPki} never issues.
 */
final class TestCertificate {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String subject = "CN=test";
    private TestPki.Issued issuer;
    private KeyPair keyPair;
    private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
    private Boolean ca;
    private Integer keyUsage;
    private final List<KeyPurposeId> extendedKeyUsage = new ArrayList<>();
    private final List<String> subjectAltNames = new ArrayList<>();
    private String signatureAlgorithm;

    static TestCertificate builder(String subject) {
        TestCertificate builder = new TestCertificate();
        builder.subject = subject;
        return builder;
    }

    /** A self-signed root CA: CA:TRUE, keyCertSign and cRLSign, EC P-256. */
    static TestPki.Issued rootCa(String subject) {
        return builder(subject).ca(true).keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).issue();
    }

    /** An intermediate CA issued by {@code issuer}. */
    static TestPki.Issued intermediateCa(TestPki.Issued issuer, String subject) {
        return builder(subject).issuer(issuer).ca(true).keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).issue();
    }

    /** A client leaf: CA:FALSE, digitalSignature, clientAuth. */
    static TestPki.Issued clientLeaf(TestPki.Issued issuer, String subject) {
        return builder(subject).issuer(issuer).ca(false).keyUsage(KeyUsage.digitalSignature)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
    }

    /** A server leaf: CA:FALSE, digitalSignature, serverAuth, the given subjectAltName entries. */
    static TestPki.Issued serverLeaf(TestPki.Issued issuer, String subject, String... names) {
        return builder(subject).issuer(issuer).ca(false).keyUsage(KeyUsage.digitalSignature)
                .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).subjectAltNames(names).issue();
    }

    static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    TestCertificate issuer(TestPki.Issued value) {
        issuer = value;
        return this;
    }

    TestCertificate keyPair(KeyPair value) {
        keyPair = value;
        return this;
    }

    TestCertificate validity(Instant from, Instant until) {
        notBefore = from;
        notAfter = until;
        return this;
    }

    TestCertificate ca(boolean value) {
        ca = value;
        return this;
    }

    TestCertificate keyUsage(int bits) {
        keyUsage = bits;
        return this;
    }

    TestCertificate extendedKeyUsage(KeyPurposeId... usages) {
        extendedKeyUsage.addAll(List.of(usages));
        return this;
    }

    TestCertificate subjectAltNames(String... names) {
        subjectAltNames.addAll(List.of(names));
        return this;
    }

    TestCertificate signatureAlgorithm(String value) {
        signatureAlgorithm = value;
        return this;
    }

    TestPki.Issued issue() {
        try {
            KeyPair pair = keyPair != null ? keyPair : ecKeyPair();
            X500Name name = new X500Name(subject);
            X500Name issuerName = issuer == null ? name : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notAfter), name, pair.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                    ? utils.createAuthorityKeyIdentifier(pair.getPublic())
                    : utils.createAuthorityKeyIdentifier(issuer.certificate()));
            if (ca != null) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            }
            if (keyUsage != null) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            if (!extendedKeyUsage.isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsage.toArray(KeyPurposeId[]::new)));
            }
            if (!subjectAltNames.isEmpty()) {
                GeneralName[] names = subjectAltNames.stream()
                        .map(entry -> TestPki.isIpLiteral(entry) ? new GeneralName(GeneralName.iPAddress, entry) : new GeneralName(GeneralName.dNSName, entry))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }

            java.security.PrivateKey signingKey = issuer == null ? pair.getPrivate() : issuer.key();
            String algorithm = signatureAlgorithm != null ? signatureAlgorithm
                    : signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA"
                    : signingKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "Ed25519";
            var holder = builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey));
            return new TestPki.Issued(new JcaX509CertificateConverter().getCertificate(holder), pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("Issuing " + subject + " failed", e);
        }
    }
}
