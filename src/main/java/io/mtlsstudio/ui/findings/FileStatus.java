package io.mtlsstudio.ui.findings;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.pki.CredentialCode;
import io.mtlsstudio.pki.CredentialInspector;
import io.mtlsstudio.pki.FileCheck;
import io.mtlsstudio.pki.FileRole;
import io.mtlsstudio.pki.PasswordRequest;
import io.mtlsstudio.pki.PasswordSource;
import io.mtlsstudio.pki.Purpose;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What checking one file of the connection form found: the engine's check of the file on its own,
 * and whether the file needs a password that was not given or did not decrypt it.
 *
 * @param check           the engine's verdict on the file and its findings
 * @param passwordRequest what a password would unlock, when one is missing or wrong; else null
 * @param wrongPassword   true when the password given did not decrypt the file
 */
public record FileStatus(FileCheck check, PasswordRequest passwordRequest, boolean wrongPassword) {

    public FileStatus {
        Objects.requireNonNull(check, "check");
    }

    /**
     * Checks {@code file} for the client side with {@link CredentialInspector#checkFile}. It
     * reads the file, so callers run it off the UI thread.
     *
     * @param passwords asked only when the file turns out to be encrypted
     */
    public static FileStatus check(Path file, FileRole role, PasswordSource passwords) {
        AtomicReference<PasswordRequest> asked = new AtomicReference<>();
        PasswordSource recording = request -> {
            asked.compareAndSet(null, request);
            return passwords.password(request);
        };
        FileCheck check = CredentialInspector.checkFile(file, role, Purpose.CLIENT, recording);

        boolean wrong = check.findings().stream().anyMatch(finding -> isCode(finding, CredentialCode.KEY_WRONG_PASSWORD));
        PasswordRequest request = null;
        if (check.passwordRequired() || wrong) {
            request = asked.get() != null ? asked.get()
                    : new PasswordRequest(file, PasswordRequest.Target.PRIVATE_KEY, null, "");
        }
        return new FileStatus(check, request, wrong);
    }

    /** True when the file stays unusable until the user enters its password. */
    public boolean needsPassword() {
        return passwordRequest != null;
    }

    static boolean isCode(Finding finding, CredentialCode code) {
        return finding.code().equals(code.name());
    }
}
