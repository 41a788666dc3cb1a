package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Findings about one file on its own: how it failed to load, its format, its key encoding and its contents. */
final class FileFindings {

    /** How many certificates a BUNDLE_MULTIPLE message lists by name before it counts the rest. */
    private static final int LISTED_CERTIFICATES = 8;

    private static final String JAVA_NETTY_PKCS8_ONLY = "Java gRPC clients that use Netty with only the JDK provider"
            + " (no Bouncy Castle on the class path) read PKCS#8 alone and fail with \"File does not contain valid private key\"";

    private FileFindings() {
    }

    /** Builds the finding for a file that could not be loaded at all. */
    static Finding loadFailure(CredentialException failure, Path file) {
        String subject = file.toString();
        String quoted = Shell.quote(file);
        String fix = switch (failure.code()) {
            case FILE_NOT_FOUND -> "Check the path: ls -l " + quoted;
            case FILE_UNREADABLE -> "Make the file readable by this user, for example: chmod u+r " + quoted;
            case FILE_EMPTY -> "Copy the file again from where it was issued, or issue the credential again.";
            case KEY_PASSWORD_REQUIRED -> "Give the password with --password-file FILE (the password on one line), or enter it when asked.";
            case KEY_WRONG_PASSWORD -> Files.isRegularFile(file) && KeystoreNames.looksLikeKeystore(file)
                    ? "Check the password with: keytool -list -keystore " + quoted
                    : "Check the password with: openssl pkey -noout -in " + quoted;
            case KEYSTORE_ALIAS_NOT_FOUND -> "List the entries with: keytool -list -keystore " + quoted + ", then choose one with --alias NAME.";
            default -> "See what OpenSSL finds in it with: openssl storeutl -noout -text " + quoted;
        };
        return failure.code().finding(subject, failure.getMessage(), fix);
    }

    /** Findings on the format, key and contents of a file that loaded. */
    static List<Finding> of(LoadedFile file, FileRole role) {
        List<Finding> findings = new ArrayList<>();
        container(file, role, findings);
        corruptBlocks(file, findings);
        if (file.key() != null) {
            key(file, file.key(), role, findings);
        }
        if (file.keyFailure() != null) {
            findings.add(loadFailure(file.keyFailure(), file.path()));
        }
        expectedContents(file, role, findings);
        return findings;
    }

    private static void container(LoadedFile file, FileRole role, List<Finding> findings) {
        String subject = file.path().toString();
        String quoted = Shell.quote(file.path());
        switch (file.format()) {
            case DER -> {
                boolean certificate = !file.certificates().isEmpty();
                String keyFormat = file.key() == null ? "encrypted" : file.key().format().label();
                String what = certificate ? "a DER (binary) certificate" : "a DER (binary) " + keyFormat + " private key";
                String fix = certificate
                        ? "openssl x509 -inform DER -in " + quoted + " -out " + Shell.quote(Shell.sibling(file.path(), ".pem"))
                        : "openssl pkey -inform DER -in " + quoted + " -out " + Shell.quote(Shell.sibling(file.path(), ".pem"));
                findings.add(CredentialCode.FILE_DER.finding(subject, subject + " is " + what + ". mTLS Studio loaded it, but"
                        + " the Cadence Go client (Go crypto/tls), Java gRPC clients (Netty) and the Cadence server's TLS"
                        + " configuration read PEM only and fail with errors such as \"failed to find any PEM data\". Convert it to PEM.", fix));
            }
            case PKCS7_PEM, PKCS7_DER -> {
                String inform = file.format() == FileFormat.PKCS7_DER ? " -inform DER" : "";
                findings.add(CredentialCode.FILE_PKCS7.finding(subject, subject + " is a " + file.format().label() + " with "
                        + file.certificates().size() + " certificate(s). mTLS Studio loaded them, but gRPC clients and the Cadence"
                        + " server read PEM certificates (BEGIN CERTIFICATE), not PKCS#7. Convert it to a PEM bundle.",
                        "openssl pkcs7" + inform + " -print_certs -in " + quoted + " -out " + Shell.quote(Shell.sibling(file.path(), ".pem"))));
            }
            case PKCS12, JKS, JCEKS -> keystore(file, role, findings);
            default -> {
            }
        }
    }

    private static void keystore(LoadedFile file, FileRole role, List<Finding> findings) {
        String subject = file.path().toString();
        String quoted = Shell.quote(file.path());
        LoadedFile.KeystoreContents contents = file.keystore();
        String entry = contents.chosenAlias() == null ? "its trusted certificates" : "the key entry \"" + contents.chosenAlias() + "\"";
        String export = file.format() == FileFormat.PKCS12 ? ""
                : "keytool -importkeystore -srckeystore " + quoted + " -destkeystore keystore.p12 -deststoretype PKCS12, then ";
        String source = file.format() == FileFormat.PKCS12 ? quoted : "keystore.p12";
        findings.add(CredentialCode.FILE_KEYSTORE.finding(subject, subject + " is a " + file.format().label() + "; mTLS Studio used "
                + entry + ". Java clients can use it through a KeyManagerFactory, but the Cadence Go client and the Cadence"
                + " server's TLS configuration need PEM files for the certificate and the key.",
                export + "openssl pkcs12 -in " + source + " -nokeys -out client.crt && openssl pkcs12 -in " + source
                        + " -nocerts -nodes -out client.key && chmod 600 client.key"));

        if (contents.keyAliases().size() > 1) {
            findings.add(CredentialCode.KEYSTORE_MULTIPLE_KEYS.finding(subject, subject + " has " + contents.keyAliases().size()
                    + " key entries (" + String.join(", ", contents.keyAliases()) + "); mTLS Studio used \"" + contents.chosenAlias() + "\".",
                    "Choose another entry with --alias NAME."));
        }
        if (contents.chosenAlias() == null && role != FileRole.CA) {
            findings.add(CredentialCode.KEYSTORE_NO_KEY.finding(subject, subject + " contains only trusted certificates ("
                    + contents.trustedAliases().size() + ") and no private key: it is a trust store, not a client or server credential.",
                    "Give it as the CA file (--ca " + quoted + "), and choose the keystore that contains the private key as the credential."));
        }
    }

    private static void corruptBlocks(LoadedFile file, List<Finding> findings) {
        boolean somethingLoaded = !file.certificates().isEmpty() || file.key() != null;
        for (LoadedFile.PemProblem problem : file.corruptBlocks()) {
            String subject = file.path().toString();
            String rest = somethingLoaded ? " The other blocks loaded." : " Nothing else in the file could be used.";
            String check = problem.label().contains("PRIVATE KEY") ? "openssl pkey -in " : "openssl x509 -noout -in ";
            findings.add(CredentialCode.PEM_BLOCK_CORRUPT.finding(somethingLoaded ? Severity.WARNING : Severity.ERROR, subject,
                    "PEM block " + problem.number() + " of " + subject + " (BEGIN " + problem.label() + " at line " + problem.line()
                            + ") does not decode: " + problem.reason() + "." + rest,
                    "Copy the file again from its source so that every base64 line between BEGIN and END is intact; check it with: "
                            + check + Shell.quote(file.path())));
        }
    }

    private static void key(LoadedFile file, LoadedKey key, FileRole role, List<Finding> findings) {
        String subject = file.path().toString();
        String quoted = Shell.quote(file.path());
        String converted = Shell.quote(Shell.sibling(file.path(), ".pk8.key"));
        String toPkcs8 = "openssl pkcs8 -topk8 -nocrypt -in " + quoted + " -out " + converted + " && chmod 600 " + converted;

        if (key.format().isPkcs1()) {
            findings.add(CredentialCode.KEY_PKCS1.finding(subject, subject + " is a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY). The Cadence"
                    + " Go client (Go crypto/tls) and OpenSSL-based clients accept it, but " + JAVA_NETTY_PKCS8_ONLY
                    + ". mTLS Studio converted it in memory for its own connection. Convert the file to PKCS#8 for Java clients.", toPkcs8));
        }
        if (key.format().isSec1()) {
            String parameters = key.ecParameters() == null ? "" : ", after an EC PARAMETERS block naming " + key.ecParameters();
            findings.add(CredentialCode.KEY_SEC1.finding(subject, subject + " is a SEC1 EC key (BEGIN EC PRIVATE KEY" + parameters
                    + "). The Cadence Go client (Go crypto/tls) and OpenSSL-based clients accept it, but " + JAVA_NETTY_PKCS8_ONLY
                    + ". mTLS Studio converted it in memory for its own connection. Convert the file to PKCS#8 for Java clients.", toPkcs8));
        }
        if (key.format().isEncrypted()) {
            String java = key.format().isLegacyEncrypted()
                    ? "Java gRPC clients (Netty) do not read legacy encrypted PEM at all"
                    : "Java gRPC clients (Netty) read it when given the password";
            findings.add(CredentialCode.KEY_ENCRYPTED.finding(subject, subject + " is encrypted with " + key.encryption()
                    + "; mTLS Studio decrypted it with the password given. The Cadence Go client (tls.LoadX509KeyPair) and the"
                    + " Cadence server's TLS configuration have no key password setting and fail with \"failed to parse private key\"; "
                    + java + "; OpenSSL-based clients ask for the password. Give those clients a decrypted PKCS#8 copy with owner-only permissions.",
                    toPkcs8));
        }
        int bits = KeyDescriptions.rsaBits(key.key());
        if (bits > 0 && bits < 2048) {
            findings.add(CredentialCode.KEY_RSA_TOO_SHORT.finding(subject, subject + " contains an RSA key of " + bits
                    + " bits. NIST has disallowed RSA keys under 2048 bits since 2013, and Go 1.24+ and the JDK reject keys under 1024 bits.",
                    "Generate a new key and issue a new certificate for it: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "
                            + converted));
        }
        if (role == FileRole.CA) {
            findings.add(CredentialCode.CA_FILE_HAS_KEY.finding(subject, "The CA file " + subject + " also contains a private key ("
                    + key.format().label() + "). A CA file is copied to every peer that trusts it, so the key leaks with it; TLS stacks skip the block.",
                    "Write the certificates alone to a new CA file: openssl crl2pkcs7 -nocrl -certfile " + quoted
                            + " | openssl pkcs7 -print_certs -out " + Shell.quote(Shell.sibling(file.path(), ".certs.pem"))));
        }
    }

    private static void expectedContents(LoadedFile file, FileRole role, List<Finding> findings) {
        String subject = file.path().toString();
        boolean hasKey = file.key() != null || file.keyFailure() != null;
        if ((role == FileRole.CERTIFICATE || role == FileRole.CA) && file.certificates().isEmpty()) {
            String found = hasKey ? "a private key but no certificate" : "no certificate that could be read";
            findings.add(CredentialCode.FILE_NO_CERTIFICATE.finding(subject, subject + " contains " + found + ", but it was given as the "
                    + (role == FileRole.CA ? "CA file" : "certificate file") + ".",
                    "Choose the file that starts with -----BEGIN CERTIFICATE-----."));
        }
        if (role == FileRole.PRIVATE_KEY && !hasKey) {
            String found = file.certificates().isEmpty() ? "no private key that could be read" : "certificates but no private key";
            findings.add(CredentialCode.FILE_NO_KEY.finding(subject, subject + " contains " + found + ", but it was given as the key file.",
                    "Choose the file that starts with -----BEGIN PRIVATE KEY----- (or RSA PRIVATE KEY, EC PRIVATE KEY)."));
        }
    }

    /** BUNDLE_MULTIPLE: every certificate of a file with several, and which one anchors the chains. */
    static Finding bundle(Path file, List<CertificateDetails> certificates, FileRole role, List<CertificateDetails> anchorsUsed) {
        String subject = file.toString();
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < certificates.size() && i < LISTED_CERTIFICATES; i++) {
            CertificateDetails certificate = certificates.get(i);
            list.append(i == 0 ? "" : "; ").append('[').append(i + 1).append("] ").append(certificate.displayName())
                    .append(certificate.ca() ? " (CA)" : "");
        }
        if (certificates.size() > LISTED_CERTIFICATES) {
            list.append("; and ").append(certificates.size() - LISTED_CERTIFICATES).append(" more");
        }

        String roleNote;
        if (role == FileRole.CA) {
            List<String> used = certificates.stream().filter(anchorsUsed::contains)
                    .map(c -> "[" + (certificates.indexOf(c) + 1) + "] " + c.displayName()).distinct().collect(Collectors.toList());
            roleNote = used.isEmpty()
                    ? " Every one is trusted; none of them anchors a chain inspected here."
                    : " Every one is trusted; the chains inspected here are anchored by " + String.join(" and ", used) + ".";
        } else {
            roleNote = " TLS stacks send them in this order, so the leaf must come first and each issuer after the certificate it signed.";
        }
        return CredentialCode.BUNDLE_MULTIPLE.finding(subject, subject + " contains " + certificates.size() + " certificates: " + list + "." + roleNote,
                "List them with: openssl crl2pkcs7 -nocrl -certfile " + Shell.quote(file) + " | openssl pkcs7 -print_certs -noout");
    }
}
