package io.mtlsstudio.ui.findings;

import io.mtlsstudio.pki.PasswordRequest;

/**
 * Asks the user for the password of an encrypted file. The window shows a dialog; view-model tests
 * return the password directly. Called on the UI thread.
 */
@FunctionalInterface
public interface PasswordPrompt {

    /** A prompt that never has a password: encrypted files stay marked as errors. */
    PasswordPrompt NONE = (request, problem) -> null;

    /**
     * Returns the password as a new array that the caller zeroes after use, or null when the user
     * cancels.
     *
     * @param request what the password unlocks
     * @param problem why the previous password failed, or an empty text on the first request
     */
    char[] ask(PasswordRequest request, String problem);
}
