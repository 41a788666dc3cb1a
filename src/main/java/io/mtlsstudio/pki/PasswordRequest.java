package io.mtlsstudio.pki;

import java.nio.file.Path;

/**
 * A request for the password of one encrypted item, passed to a {@link PasswordSource}.
 *
 * @param file       the file being read
 * @param target     what the password unlocks
 * @param alias      the keystore entry, or null outside keystores
 * @param encryption how the item is encrypted, for example "PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC)"
 */
public record PasswordRequest(Path file, Target target, String alias, String encryption) {

    /** The thing a password unlocks. */
    public enum Target {
        PRIVATE_KEY("private key"),
        KEYSTORE("keystore"),
        KEYSTORE_ENTRY("keystore entry");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A prompt line such as {@code Password for the private key in client.key: }. */
    public String prompt() {
        String entry = alias == null ? "" : " entry \"" + alias + "\"";
        return "Password for the " + target.label() + entry + " in " + file + ": ";
    }
}
