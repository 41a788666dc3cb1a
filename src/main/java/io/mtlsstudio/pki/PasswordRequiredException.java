package io.mtlsstudio.pki;

/**
 * Thrown when a file is encrypted and the {@link PasswordSource} had no password for it. The
 * window and the command line catch it to ask the user, then load the file again.
 */
public final class PasswordRequiredException extends CredentialException {

    private final PasswordRequest request;

    public PasswordRequiredException(PasswordRequest request, String message) {
        super(request.file(), CredentialCode.KEY_PASSWORD_REQUIRED, message);
        this.request = request;
    }

    /** What the password is for: shown in the prompt. */
    public PasswordRequest request() {
        return request;
    }
}
