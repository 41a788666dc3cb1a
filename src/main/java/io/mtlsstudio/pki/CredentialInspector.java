package io.mtlsstudio.pki;

import java.nio.file.Path;
import java.util.List;

/**
 * Inspects credential files before any connection: loads them in whatever format they are, builds
 * the chain from each end-entity certificate to a trust anchor, and reports each problem as a
 * finding with a fix. Safe to call from any thread except the JavaFX application thread, because
 * it reads files and may ask the {@link PasswordSource}.
 */
public final class CredentialInspector {

    private CredentialInspector() {
    }

    /**
     * Inspects the credential files of one side against the CA files its peer uses.
     *
     * @param files      certificate, key and keystore files of the side being inspected
     * @param caFiles    for a client, the CA files the server verifies clients with; for a server, the CA files
     *                   its clients trust. Empty for a server means the JDK's default trust store.
     * @param serverName for a server, the name or IP address clients dial; null when unknown
     * @param purpose    the side the certificate is for
     * @param passwords  asked only for encrypted files; null for none
     */
    public static Inspection inspect(List<Path> files, List<Path> caFiles, String serverName, Purpose purpose,
                                     PasswordSource passwords) {
        return inspect(InspectionRequest.builder(purpose).files(files).caFiles(caFiles).serverName(serverName)
                .passwords(passwords).build());
    }

    public static Inspection inspect(InspectionRequest request) {
        return new InspectionRun(request, FileRole.CREDENTIAL).run();
    }

    /**
     * Checks one file the moment it is chosen, without the other files: its format, its key, its
     * certificates on their own, and whether it contains what its role needs. Chains are not judged,
     * because the CA files are not part of the check.
     */
    public static FileCheck checkFile(Path file, FileRole role, Purpose purpose, PasswordSource passwords) {
        InspectionRequest.Builder builder = InspectionRequest.builder(purpose).passwords(passwords).defaultTrustStore(false);
        if (role == FileRole.CA) {
            builder.caFiles(List.of(file));
        } else {
            builder.files(List.of(file));
        }
        Inspection inspection = new InspectionRun(builder.build(), role == FileRole.CA ? FileRole.CREDENTIAL : role).run();
        return inspection.files().get(0);
    }
}
