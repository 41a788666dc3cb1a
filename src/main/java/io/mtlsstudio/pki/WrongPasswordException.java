package io.mtlsstudio.pki;

/** Thrown when the password given for an encrypted key or a keystore does not decrypt it. */
public final class WrongPasswordException extends CredentialException {

    private final PasswordRequest request;

    public WrongPasswordException(PasswordRequest request, String message, Throwable cause) {
        super(request.file(), CredentialCode.KEY_WRONG_PASSWORD, message, cause);
        this.request = request;
    }

    public PasswordRequest request() {
        return request;
    }
}
