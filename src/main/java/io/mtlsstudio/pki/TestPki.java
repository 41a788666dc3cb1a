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
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues test certificates with Bouncy Castle: a root CA, server leaves and client leaves.
 * The sample credentials that ship with mTLS Studio come from {@link #writeSampleCredentials}.
 */
public final class TestPki {

    /** Key algorithms the generator issues. */
    public enum KeyType { RSA_2048, RSA_3072, EC_P256, EC_P384 }

    /** A certificate and its private key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
    }

    public static final Duration SAMPLE_VALIDITY = Duration.ofDays(20 * 365 + 5);
    public static final List<String> FRONTEND_NAMES = List.of("cadence-frontend", "localhost", "127.0.0.1");

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPki() {
    }

    public static KeyPair newKeyPair(KeyType type) {
        try {
            KeyPairGenerator generator;
            switch (type) {
                case RSA_2048, RSA_3072 -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(type == KeyType.RSA_2048 ? 2048 : 3072, RANDOM);
                }
                case EC_P256, EC_P384 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(type == KeyType.EC_P256 ? "secp256r1" : "secp384r1"), RANDOM);
                }
                default -> throw new IllegalArgumentException("unknown key type " + type);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot generate a " + type + " key pair", e);
        }
    }

    /** Issues a self-signed root CA (CA:TRUE, keyCertSign and cRLSign). */
    public static Issued rootCa(String commonName, KeyType keyType, Instant notBefore, Instant notAfter) {
        KeyPair pair = newKeyPair(keyType);
        X500Name subject = new X500Name("CN=" + commonName);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), java.util.Date.from(notBefore),
                    java.util.Date.from(notAfter), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return new Issued(sign(builder, pair.getPrivate()), pair.getPrivate());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Issuing the root CA failed", e);
        }
    }

    /**
     * Issues a leaf certificate signed by {@code issuer}.
     *
     * @param names  subjectAltName entries; IP literals become IP entries, the rest DNS entries; empty for none
     * @param usages extended key usages, for example {@link KeyPurposeId#id_kp_serverAuth}; empty for none
     */
    public static Issued leaf(Issued issuer, String commonName, List<String> names, List<KeyPurposeId> usages,
                              KeyType keyType, Instant notBefore, Instant notAfter) {
        KeyPair pair = newKeyPair(keyType);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
                    java.util.Date.from(notBefore), java.util.Date.from(notAfter), new X500Name("CN=" + commonName),
                    pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(leafKeyUsage(keyType)))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(issuer.certificate()));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(names));
            }
            if (!usages.isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(usages.toArray(KeyPurposeId[]::new)));
            }
            return new Issued(sign(builder, issuer.key()), pair.getPrivate());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Issuing the certificate for " + commonName + " failed", e);
        }
    }

    /**
     * Writes the sample set: {@code ca.crt}, {@code frontend.crt}, {@code frontend.key},
     * {@code client.crt} and {@code client.key}, valid for 20 years from now, keys in PKCS#8.
     */
    public static void writeSampleCredentials(Path folder) throws IOException {
        Files.createDirectories(folder);
        Instant now = Instant.now().minus(Duration.ofMinutes(5));
        Instant until = now.plus(SAMPLE_VALIDITY);

        Issued ca = rootCa("mTLS Studio Sample Root CA", KeyType.EC_P256, now, until);
        Issued frontend = leaf(ca, "cadence-frontend", FRONTEND_NAMES, List.of(KeyPurposeId.id_kp_serverAuth),
                KeyType.EC_P256, now, until);
        Issued client = leaf(ca, "mtls-studio-client", List.of(), List.of(KeyPurposeId.id_kp_clientAuth),
                KeyType.EC_P256, now, until);

        PemFiles.writeCertificates(folder.resolve("ca.crt"), List.of(ca.certificate()));
        PemFiles.writeCertificates(folder.resolve("frontend.crt"), List.of(frontend.certificate()));
        PemFiles.writePrivateKey(folder.resolve("frontend.key"), frontend.key());
        PemFiles.writeCertificates(folder.resolve("client.crt"), List.of(client.certificate()));
        PemFiles.writePrivateKey(folder.resolve("client.key"), client.key());
    }

    private static int leafKeyUsage(KeyType keyType) {
        boolean rsa = keyType == KeyType.RSA_2048 || keyType == KeyType.RSA_3072;
        return rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
    }

    private static GeneralNames subjectAltNames(List<String> names) {
        List<GeneralName> entries = new ArrayList<>();
        for (String name : names) {
            entries.add(isIpLiteral(name) ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name));
        }
        return new GeneralNames(entries.toArray(GeneralName[]::new));
    }

    static boolean isIpLiteral(String name) {
        if (name.contains(":")) {
            return true;
        }
        if (!name.matches("[0-9.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(name) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws GeneralSecurityException {
        String algorithm = switch (issuerKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("No signer for " + algorithm, e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
