package io.mtlsstudio.pki;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * A private key read from a file, converted to a JDK key that the probe and the embedded frontend
 * can use whatever its encoding was.
 *
 * @param key          the key; {@link #toString()} leaves it out so that no key material reaches a log
 * @param format       the encoding it came in
 * @param der          true when the file held it as DER rather than PEM
 * @param encryption   how it was encrypted, for example "PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC)"; empty when not
 * @param ecParameters the curve named by an {@code EC PARAMETERS} block before the key, or null when none preceded it
 * @param description  algorithm and size or curve, for example "RSA 2048" or "EC P-256"
 */
public record LoadedKey(PrivateKey key, KeyFormat format, boolean der, String encryption, String ecParameters,
                        String description) {

    public LoadedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(format, "format");
        encryption = encryption == null ? "" : encryption;
    }

    @Override
    public String toString() {
        return "LoadedKey[" + description + ", " + format.label() + (der ? " (DER)" : "") + "]";
    }
}
