package io.mtlsstudio.pki;

/** The encoding a private key came in. */
public enum KeyFormat {
    PKCS8("PKCS#8", "PRIVATE KEY"),
    PKCS8_ENCRYPTED("encrypted PKCS#8", "ENCRYPTED PRIVATE KEY"),
    PKCS1_RSA("PKCS#1 RSA", "RSA PRIVATE KEY"),
    SEC1_EC("SEC1 EC", "EC PRIVATE KEY"),
    OPENSSL_DSA("OpenSSL DSA", "DSA PRIVATE KEY"),
    LEGACY_ENCRYPTED_PKCS1_RSA("PKCS#1 RSA with OpenSSL legacy PEM encryption", "RSA PRIVATE KEY"),
    LEGACY_ENCRYPTED_SEC1_EC("SEC1 EC with OpenSSL legacy PEM encryption", "EC PRIVATE KEY"),
    LEGACY_ENCRYPTED_DSA("OpenSSL DSA with OpenSSL legacy PEM encryption", "DSA PRIVATE KEY"),
    KEYSTORE_ENTRY("keystore entry", null);

    private final String label;
    private final String pemLabel;

    KeyFormat(String label, String pemLabel) {
        this.label = label;
        this.pemLabel = pemLabel;
    }

    public String label() {
        return label;
    }

    /** Returns the PEM block label, for example {@code RSA PRIVATE KEY}, or null for keystore entries. */
    public String pemLabel() {
        return pemLabel;
    }

    public boolean isEncrypted() {
        return this == PKCS8_ENCRYPTED || isLegacyEncrypted();
    }

    public boolean isLegacyEncrypted() {
        return this == LEGACY_ENCRYPTED_PKCS1_RSA || this == LEGACY_ENCRYPTED_SEC1_EC || this == LEGACY_ENCRYPTED_DSA;
    }

    /** PKCS#1 RSA, plain or with legacy encryption. */
    public boolean isPkcs1() {
        return this == PKCS1_RSA || this == LEGACY_ENCRYPTED_PKCS1_RSA;
    }

    /** SEC1 EC, plain or with legacy encryption. */
    public boolean isSec1() {
        return this == SEC1_EC || this == LEGACY_ENCRYPTED_SEC1_EC;
    }
}
