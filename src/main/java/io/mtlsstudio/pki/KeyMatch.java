package io.mtlsstudio.pki;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.RSAPrivateKey;

/**
 * Decides whether a private key belongs to a public key. RSA keys are compared by modulus and
 * exponent; other keys sign a random challenge that the public key must verify.
 */
final class KeyMatch {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMatch() {
    }

    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (privateKey instanceof RSAPrivateKey rsaPrivate) {
            if (!(publicKey instanceof RSAPublicKey rsaPublic)) {
                return false;
            }
            if (!rsaPrivate.getModulus().equals(rsaPublic.getModulus())) {
                return false;
            }
            return !(rsaPrivate instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(rsaPublic.getPublicExponent());
        }
        if (privateKey instanceof ECKey ecPrivate) {
            if (!(publicKey instanceof ECKey ecPublic)
                    || !ecPrivate.getParams().getOrder().equals(ecPublic.getParams().getOrder())) {
                return false;
            }
            return signatureVerifies(privateKey, publicKey, "SHA256withECDSA");
        }
        return switch (privateKey.getAlgorithm()) {
            case "EdDSA", "Ed25519", "Ed448" -> signatureVerifies(privateKey, publicKey, "EdDSA");
            case "DSA" -> signatureVerifies(privateKey, publicKey, "SHA256withDSA");
            default -> false;
        };
    }

    private static boolean signatureVerifies(PrivateKey privateKey, PublicKey publicKey, String algorithm) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();

            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Keys of different curves or algorithms end here: they do not belong together.
            return false;
        }
    }
}
