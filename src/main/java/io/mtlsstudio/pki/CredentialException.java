package io.mtlsstudio.pki;

import java.nio.file.Path;

/**
 * A credential file that could not be used, with a message naming the file and the next action,
 * and the finding code that classifies the problem.
 */
public class CredentialException extends Exception {

    private final Path file;
    private final CredentialCode code;

    public CredentialException(Path file, String message) {
        this(file, CredentialCode.FILE_UNRECOGNIZED, message, null);
    }

    public CredentialException(Path file, String message, Throwable cause) {
        this(file, CredentialCode.FILE_UNRECOGNIZED, message, cause);
    }

    public CredentialException(Path file, CredentialCode code, String message) {
        this(file, code, message, null);
    }

    public CredentialException(Path file, CredentialCode code, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.code = code;
    }

    public Path file() {
        return file;
    }

    public CredentialCode code() {
        return code;
    }
}
