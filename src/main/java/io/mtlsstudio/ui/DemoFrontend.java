package io.mtlsstudio.ui;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.SampleCredentials;

import java.io.IOException;

/**
 * The embedded demo frontend: a mutual TLS Cadence frontend with the sample credentials on a
 * free loopback port. It starts on the first Connect that requests it and is reused until the
 * application stops. Methods block, so callers use a background thread.
 */
final class DemoFrontend implements AutoCloseable {

    private EmbeddedFrontend frontend;

    /** Starts the frontend unless it is running, and returns it. */
    synchronized EmbeddedFrontend ensureStarted(SampleCredentials samples) throws IOException, CredentialException {
        if (frontend == null) {
            FrontendSettings settings = FrontendSettings.mutualTls(0, samples.loadFrontendChain(),
                    samples.loadFrontendKey(), samples.loadCa());
            frontend = EmbeddedFrontend.start(settings);
        }
        return frontend;
    }

    synchronized boolean isRunning() {
        return frontend != null;
    }

    @Override
    public synchronized void close() {
        if (frontend != null) {
            frontend.close();
            frontend = null;
        }
    }
}
