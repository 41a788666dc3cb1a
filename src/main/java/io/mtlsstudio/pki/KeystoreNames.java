package io.mtlsstudio.pki;

import java.nio.file.Path;
import java.util.Locale;

/** Tells keystore files from PEM and DER files by their usual extensions. */
final class KeystoreNames {

    private KeystoreNames() {
    }

    /** Returns whether the file name ends in .p12, .pfx, .jks, .jceks or .keystore. */
    static boolean looksLikeKeystore(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks") || name.endsWith(".jceks")
                || name.endsWith(".keystore");
    }
}
