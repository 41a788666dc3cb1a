package io.mtlsstudio.pki.generate;

import io.mtlsstudio.handshake.StepId;

/**
 * A deliberately broken credential for training, with what mTLS Studio reports when it is used.
 * Each variant replaces one file of the good set; every other file stays the good one.
 */
public enum BrokenVariant {
    EXPIRED("expired-frontend", Side.FRONTEND, StepId.VERIFY_SERVER, "SERVER_CERT_EXPIRED",
            "Frontend certificate whose notAfter is in the past. Clients reject it at VERIFY_SERVER."),
    NOT_YET_VALID("not-yet-valid-frontend", Side.FRONTEND, StepId.VERIFY_SERVER, "SERVER_CERT_NOT_YET_VALID",
            "Frontend certificate whose notBefore is in the future, as after a clock skew. Clients reject it at VERIFY_SERVER."),
    FOREIGN_CA("foreign-ca-client", Side.CLIENT, StepId.VERIFY_CLIENT, "CLIENT_CERT_REQUIRED",
            "Client certificate issued by another CA (broken/foreign-ca.crt). The frontend's CertificateRequest names only ca.crt, "
                    + "so a JDK client withholds this certificate and the frontend rejects the connection at VERIFY_CLIENT."),
    NO_SAN("no-san-frontend", Side.FRONTEND, StepId.VERIFY_SERVER, "SERVER_NAME_MISMATCH",
            "Frontend certificate with its name in the CN only and no subjectAltName. Clients that verify host names reject it at VERIFY_SERVER."),
    SERVER_AUTH_ONLY_CLIENT("server-auth-only-client", Side.CLIENT, StepId.VERIFY_CLIENT, "CLIENT_CERT_REJECTED",
            "Client certificate whose extended key usage is serverAuth only. The frontend rejects it at VERIFY_CLIENT "
                    + "with alert bad_certificate or certificate_unknown."),
    PKCS1_KEY("pkcs1-client", Side.CLIENT, null, "KEY_PKCS1",
            "Client certificate (RSA) whose private key is written in PKCS#1 form (BEGIN RSA PRIVATE KEY). mTLS Studio and Go read "
                    + "that form, so the handshake passes; "
                    + "grpc-java's Netty transport, without Bouncy Castle's bcpkix on the class path, reads PKCS#8 only and rejects the file "
                    + "(\"File does not contain valid private key\") before connecting.");

    /** Side whose files the variant replaces. */
    public enum Side { FRONTEND, CLIENT }

    private final String stem;
    private final Side side;
    private final StepId expectedStep;
    private final String expectedCode;
    private final String description;

    BrokenVariant(String stem, Side side, StepId expectedStep, String expectedCode, String description) {
        this.stem = stem;
        this.side = side;
        this.expectedStep = expectedStep;
        this.expectedCode = expectedCode;
        this.description = description;
    }

    /** Returns the certificate's path inside the output folder, such as {@code broken/expired-frontend.crt}. */
    public String certificateFile() {
        return PkiGenerator.BROKEN_FOLDER + "/" + stem + ".crt";
    }

    /** Returns the private key's path inside the output folder. */
    public String keyFile() {
        return PkiGenerator.BROKEN_FOLDER + "/" + stem + ".key";
    }

    public Side side() {
        return side;
    }

    /** Returns the step a probe fails at with this variant, or null when the handshake passes. */
    public StepId expectedStep() {
        return expectedStep;
    }

    /** Returns the finding code mTLS Studio reports: a probe failure code, or a credential finding code for PKCS1_KEY. */
    public String expectedCode() {
        return expectedCode;
    }

    public String description() {
        return description;
    }
}
