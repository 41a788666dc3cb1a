package io.mtlsstudio.pki;

import java.nio.file.Path;

/** A credential file that could not be used, with a message naming the file and the next action. */
public class CredentialException extends Exception {

    private final Path file;

    public CredentialException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public CredentialException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
