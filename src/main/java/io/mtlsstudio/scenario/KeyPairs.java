package io.mtlsstudio.scenario;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

/** Tells whether a private key belongs to a certificate, by signing a fixed message and verifying it. */
final class KeyPairs {

    private static final byte[] MESSAGE = "mTLS Studio key match".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    /** Returns the signature algorithm used for the check, or null for key types that cannot be checked. */
    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> "EdDSA";
            default -> null;
        };
    }

    /** Returns true when the certificate's public key verifies a signature made with {@code key}. */
    static boolean belongsTo(PrivateKey key, X509Certificate certificate) {
        String algorithm = signatureAlgorithm(key);
        if (algorithm == null) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(MESSAGE);
            byte[] signature = signer.sign();

            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(MESSAGE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A certificate with another key type cannot belong to this key.
            return false;
        }
    }
}
