package io.mtlsstudio.pki.generate;

import io.mtlsstudio.pki.TestPki;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Options of the test PKI generator.
 *
 * @param outDirectory   the folder to write into; created when missing
 * @param keyType        key algorithm and size of every certificate but the PKCS#1 variant, which is RSA-3072 with RSA_3072 and RSA-2048 otherwise
 * @param validityDays   validity of the good certificates, in days from now
 * @param frontendNames  subjectAltName entries of the frontend certificate: DNS names or IP addresses
 * @param brokenVariants whether to write the broken variants under {@code broken/}
 * @param overwrite      whether to replace existing files; without it the generator writes nothing when one exists
 */
public record GeneratorOptions(Path outDirectory, TestPki.KeyType keyType, int validityDays, List<String> frontendNames,
                               boolean brokenVariants, boolean overwrite) {

    public static final int DEFAULT_VALIDITY_DAYS = 365;
    public static final int MAX_VALIDITY_DAYS = 36_500;

    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public GeneratorOptions {
        Objects.requireNonNull(outDirectory, "outDirectory");
        keyType = keyType == null ? TestPki.KeyType.EC_P256 : keyType;
        frontendNames = frontendNames == null || frontendNames.isEmpty() ? TestPki.FRONTEND_NAMES
                : frontendNames.stream().map(String::strip).toList();
        if (validityDays < 1 || validityDays > MAX_VALIDITY_DAYS) {
            throw new IllegalArgumentException("The validity " + validityDays + " days is outside 1-" + MAX_VALIDITY_DAYS
                    + ". Give a number of days, for example 365.");
        }
        for (String name : frontendNames) {
            if (!isValidName(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is not a DNS name or IP address for a subjectAltName. "
                        + "Use names such as cadence-frontend, frontend.example.test, *.example.test, 127.0.0.1 or ::1.");
            }
        }
    }

    /** Returns options with the defaults: EC P-256, 365 days, the default frontend names, no broken variants, no overwrite. */
    public static GeneratorOptions defaults(Path outDirectory) {
        return new GeneratorOptions(outDirectory, TestPki.KeyType.EC_P256, DEFAULT_VALIDITY_DAYS, TestPki.FRONTEND_NAMES, false, false);
    }

    public GeneratorOptions withKeyType(TestPki.KeyType value) {
        return new GeneratorOptions(outDirectory, value, validityDays, frontendNames, brokenVariants, overwrite);
    }

    public GeneratorOptions withValidityDays(int value) {
        return new GeneratorOptions(outDirectory, keyType, value, frontendNames, brokenVariants, overwrite);
    }

    public GeneratorOptions withFrontendNames(List<String> value) {
        return new GeneratorOptions(outDirectory, keyType, validityDays, value, brokenVariants, overwrite);
    }

    public GeneratorOptions withBrokenVariants(boolean value) {
        return new GeneratorOptions(outDirectory, keyType, validityDays, frontendNames, value, overwrite);
    }

    public GeneratorOptions withOverwrite(boolean value) {
        return new GeneratorOptions(outDirectory, keyType, validityDays, frontendNames, brokenVariants, value);
    }

    static boolean isValidName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return IPV4.matcher(lower).matches() || (IPV6.matcher(lower).matches() && lower.chars().filter(c -> c == ':').count() >= 2)
                || (DNS_NAME.matcher(lower).matches() && !lower.matches("[0-9.]+"));
    }
}
