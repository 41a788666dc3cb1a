package io.mtlsstudio.ui.form;

import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.ui.TestUiThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionViewModelTest {

    private final TestUiThread ui = new TestUiThread();
    private final ConnectionViewModel form = ui.call(() -> new ConnectionViewModel(ui.work()));

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void defaultFormIsValid() {
        ConnectionViewModel.Validation validation = ui.call(form::validate);

        assertTrue(validation.isValid(), validation.problems().toString());
        ConnectionRequest request = validation.request();
        assertEquals("127.0.0.1", request.target().host());
        assertEquals(7833, request.target().port());
        assertTrue(request.tls());
        assertEquals(TlsVersion.AUTO, request.tlsVersion());
        assertTrue(request.hostnameVerification());
        assertEquals(Duration.ofSeconds(10), request.timeout());
        assertNull(request.clientCertificate());
        assertNull(request.serverName());
    }

    @Test
    void targetWithoutPortIsRejectedAtField() {
        ui.run(() -> form.targetProperty().set("cadence.internal"));

        ConnectionViewModel.Validation validation = ui.call(form::validate);

        assertFalse(validation.isValid());
        String message = ui.call(() -> form.targetMessageProperty().get());
        assertTrue(message.contains("\"cadence.internal\""), message);
        assertTrue(message.contains("the port is missing"), message);
        assertEquals(message, validation.problems().get(0));
        assertEquals("cadence.internal", ui.call(() -> form.targetProperty().get()), "the typed text is kept");
    }

    @Test
    void editingTargetClearsItsMessage() {
        ui.run(() -> form.targetProperty().set("host:port"));
        ui.call(form::validate);
        assertFalse(ui.call(() -> form.targetMessageProperty().get()).isEmpty());

        ui.run(() -> form.targetProperty().set("host:7833"));

        assertEquals("", ui.call(() -> form.targetMessageProperty().get()));
    }

    @Test
    void embeddedFrontendIgnoresTypedTarget() {
        ui.run(() -> {
            form.targetProperty().set("not a target");
            form.embeddedFrontendProperty().set(true);
        });

        ConnectionViewModel.Validation validation = ui.call(form::validate);

        assertTrue(validation.isValid(), validation.problems().toString());
        assertNull(validation.request().target());
        assertTrue(validation.request().embeddedFrontend());
    }

    @Test
    void nonNumericTimeoutIsRejected() {
        ui.run(() -> form.timeoutSecondsProperty().set("ten"));

        ConnectionViewModel.Validation validation = ui.call(form::validate);

        assertFalse(validation.isValid());
        assertEquals("Invalid timeout \"ten\": enter whole seconds from 1 to 600.",
                ui.call(() -> form.timeoutMessageProperty().get()));
    }

    @Test
    void zeroTimeoutIsRejected() {
        ui.run(() -> form.timeoutSecondsProperty().set("0"));

        assertFalse(ui.call(form::validate).isValid());
        assertTrue(ui.call(() -> form.timeoutMessageProperty().get()).startsWith("Invalid timeout \"0\""));
    }

    @Test
    void serverNameWithSpaceIsRejected() {
        ui.run(() -> form.serverNameProperty().set("cadence frontend"));

        assertFalse(ui.call(form::validate).isValid());
        assertTrue(ui.call(() -> form.serverNameMessageProperty().get()).contains("\"cadence frontend\""));
    }

    @Test
    void certificateWithoutKeyIsRejectedAtKeyField() {
        ui.run(() -> form.clientCertificate().pathProperty().set("client.crt"));

        ConnectionViewModel.Validation validation = ui.call(form::validate);

        assertFalse(validation.isValid());
        assertEquals(CredentialFieldModel.State.INVALID, ui.call(() -> form.clientKey().state()));
        assertTrue(ui.call(() -> form.clientKey().message()).startsWith("The client certificate needs its private key."));
    }

    @Test
    void keyWithoutCertificateIsRejectedAtCertificateField() {
        ui.run(() -> form.clientKey().pathProperty().set("client.key"));

        assertFalse(ui.call(form::validate).isValid());
        assertTrue(ui.call(() -> form.clientCertificate().message()).startsWith("The client key needs its certificate."));
    }

    @Test
    void plaintextAcceptsLoneCertificate() {
        ui.run(() -> {
            form.tlsProperty().set(false);
            form.clientCertificate().pathProperty().set("client.crt");
        });

        ConnectionViewModel.Validation validation = ui.call(form::validate);

        assertTrue(validation.isValid(), validation.problems().toString());
        assertFalse(validation.request().tls());
    }

    @Test
    void filesAndOptionsReachRequest() {
        ui.run(() -> {
            form.serverNameProperty().set(" cadence-frontend ");
            form.tlsVersionProperty().set(TlsVersion.TLS_1_2);
            form.hostnameVerificationProperty().set(false);
            form.timeoutSecondsProperty().set("25");
            form.clientCertificate().pathProperty().set("a/client.crt");
            form.clientKey().pathProperty().set("a/client.key");
            form.ca().pathProperty().set("a/ca.crt");
        });

        ConnectionRequest request = ui.call(form::validate).request();

        assertEquals("cadence-frontend", request.serverName());
        assertEquals(TlsVersion.TLS_1_2, request.tlsVersion());
        assertFalse(request.hostnameVerification());
        assertEquals(Duration.ofSeconds(25), request.timeout());
        assertEquals(Path.of("a/client.crt"), request.clientCertificate());
        assertEquals(Path.of("a/client.key"), request.clientKey());
        assertEquals(Path.of("a/ca.crt"), request.ca());
    }
}
