package io.mtlsstudio.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Supplies passwords for encrypted keys and keystores, only when a file turns out to need one.
 * Passwords stay in {@code char[]} arrays: the loader zeroes each array it receives once it has
 * used it, and nothing in mTLS Studio logs or saves them.
 */
@FunctionalInterface
public interface PasswordSource {

    /** A source with no passwords: an encrypted file raises {@link PasswordRequiredException}. */
    PasswordSource NONE = request -> null;

    /**
     * Returns the password for the request as a new array that the caller zeroes after use, or
     * null when this source has none.
     */
    char[] password(PasswordRequest request);

    /** Returns a source that gives a copy of one password to every request; {@link Fixed#close()} zeroes it. */
    static Fixed of(char[] password) {
        return new Fixed(password.clone());
    }

    /**
     * Reads a password from the first line of a UTF-8 file, without its line end. The bytes read
     * are zeroed once decoded.
     */
    static Fixed fromFile(Path file) throws CredentialException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CredentialException(file, CredentialCode.FILE_NOT_FOUND,
                    "The password file " + file + " was not found. Check the path.", e);
        } catch (IOException e) {
            throw new CredentialException(file, CredentialCode.FILE_UNREADABLE,
                    "The password file " + file + " cannot be read: " + e.getMessage(), e);
        }

        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            int end = 0;
            while (end < chars.length() && chars.charAt(end) != '\n' && chars.charAt(end) != '\r') {
                end++;
            }
            char[] password = new char[end];
            chars.get(password, 0, end);
            return new Fixed(password);
        } catch (CharacterCodingException e) {
            throw new CredentialException(file, CredentialCode.FILE_UNRECOGNIZED,
                    "The password file " + file + " is not UTF-8 text. Write the password as one line of UTF-8.", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }

    /** One password held until {@link #close()}, which zeroes it. */
    final class Fixed implements PasswordSource, AutoCloseable {
        private final char[] password;

        private Fixed(char[] password) {
            this.password = password;
        }

        @Override
        public char[] password(PasswordRequest request) {
            return password.clone();
        }

        @Override
        public void close() {
            Arrays.fill(password, '\0');
        }
    }
}
