package io.mtlsstudio.ui.findings;

import io.mtlsstudio.pki.PasswordRequest;
import io.mtlsstudio.pki.PasswordSource;
import io.mtlsstudio.ui.form.CredentialFieldModel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of the passwords the user entered for the files of the form, taken on the UI thread for
 * one background task that reads those files. Each password is found by the path of the file it
 * unlocks; {@link #close()} zeroes the copies.
 */
public final class FilePasswords implements PasswordSource, AutoCloseable {

    /** A set with no passwords. */
    public static final FilePasswords NONE = new FilePasswords(Map.of());

    private final Map<Path, char[]> passwords;

    private FilePasswords(Map<Path, char[]> passwords) {
        this.passwords = passwords;
    }

    /** Starts an empty set; {@link #add} fills it. */
    public static FilePasswords create() {
        return new FilePasswords(new HashMap<>());
    }

    /** Copies the passwords held by the fields for their current paths. */
    public static FilePasswords of(List<CredentialFieldModel> fields) {
        FilePasswords passwords = create();
        for (CredentialFieldModel field : fields) {
            try {
                field.toOptionalPath().ifPresent(file -> passwords.add(file, field.passwords()));
            } catch (IllegalArgumentException e) {
                // An invalid path has no password; validation reports the path itself.
            }
        }
        return passwords;
    }

    /** Adds a copy of the password that {@code source} holds for {@code file}; a source without one adds nothing. */
    public FilePasswords add(Path file, PasswordSource source) {
        char[] password = source.password(new PasswordRequest(file, PasswordRequest.Target.PRIVATE_KEY, null, ""));
        if (password != null) {
            char[] previous = passwords.put(file, password);
            if (previous != null) {
                Arrays.fill(previous, '\0');
            }
        }
        return this;
    }

    public boolean isEmpty() {
        return passwords.isEmpty();
    }

    @Override
    public char[] password(PasswordRequest request) {
        char[] password = passwords.get(request.file());
        return password == null ? null : password.clone();
    }

    @Override
    public void close() {
        passwords.values().forEach(password -> Arrays.fill(password, '\0'));
    }
}
