package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;

import java.nio.file.Path;
import java.util.List;

/**
 * The verdict on one file: what loaded from it, and the findings whose subject it is.
 *
 * @param file             the file as the user named it
 * @param role             what the file was expected to hold
 * @param status           the weight of the worst finding
 * @param findings         findings about this file, errors first
 * @param loaded           what was read, or null when the file could not be read at all
 * @param passwordRequired true when the file is encrypted and no password was given, so the caller should ask for one
 */
public record FileCheck(Path file, FileRole role, CheckStatus status, List<Finding> findings, LoadedFile loaded,
                        boolean passwordRequired) {

    public FileCheck {
        findings = List.copyOf(findings);
    }
}
