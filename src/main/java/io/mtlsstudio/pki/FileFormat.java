package io.mtlsstudio.pki;

/** The container a credential file came in. */
public enum FileFormat {
    PEM("PEM"),
    DER("DER"),
    PKCS7_PEM("PKCS#7 bundle (PEM)"),
    PKCS7_DER("PKCS#7 bundle (DER)"),
    PKCS12("PKCS#12 keystore"),
    JKS("JKS keystore"),
    JCEKS("JCEKS keystore");

    private final String label;

    FileFormat(String label) {
        this.label = label;
    }

    /** Returns the name users know the format by, for messages. */
    public String label() {
        return label;
    }

    public boolean isKeystore() {
        return this == PKCS12 || this == JKS || this == JCEKS;
    }
}
