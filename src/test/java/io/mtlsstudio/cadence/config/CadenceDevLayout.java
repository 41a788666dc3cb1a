package io.mtlsstudio.cadence.config;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Cadence's own development TLS layout, copied into the test resources: {@code config/} with
 * base.yaml, development.yaml and development_tls.yaml, and the server's development
 * credentials in {@code config/credentials/}.
 */
public final class CadenceDevLayout {

    private CadenceDevLayout() {
    }

    /** Returns the {@code config/} folder of the layout, on the test class path. */
    public static Path configFolder() {
        URL url = CadenceDevLayout.class.getResource("/cadence-config/development-tls/config/development_tls.yaml");
        if (url == null) {
            throw new IllegalStateException("The test resources lack cadence-config/development-tls; run the tests through Maven.");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path credentials() {
        return configFolder().resolve("credentials");
    }
}
