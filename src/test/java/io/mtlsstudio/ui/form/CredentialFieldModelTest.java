package io.mtlsstudio.ui.form;

import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.ui.TestUiThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialFieldModelTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final TestUiThread ui = new TestUiThread();

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void sampleCertificateIsDescribed() throws IOException {
        CredentialFieldModel field = field(CredentialFieldModel.Kind.CLIENT_CERTIFICATE);

        inspect(field, SampleCredentials.locate().clientCertificate());

        assertEquals(CredentialFieldModel.State.VALID, ui.call(field::state));
        String message = ui.call(field::message);
        assertTrue(message.startsWith("CN=mtls-studio-client, issued by CN=mTLS Studio Sample Root CA, valid until "),
                message);
    }

    @Test
    void sampleKeyIsDescribed() throws IOException {
        CredentialFieldModel field = field(CredentialFieldModel.Kind.CLIENT_KEY);

        inspect(field, SampleCredentials.locate().clientKey());

        assertEquals(CredentialFieldModel.State.VALID, ui.call(field::state));
        assertEquals("EC private key, 256-bit curve", ui.call(field::message));
    }

    @Test
    void missingFileIsNamed() {
        CredentialFieldModel field = field(CredentialFieldModel.Kind.CA);
        Path missing = folder.resolve("missing-ca.crt");

        inspect(field, missing);

        assertEquals(CredentialFieldModel.State.INVALID, ui.call(field::state));
        assertEquals(missing + " was not found. Check the path, or choose the file again.", ui.call(field::message));
    }

    @Test
    void keyFileInCertificateFieldIsRejected() throws IOException {
        CredentialFieldModel field = field(CredentialFieldModel.Kind.CLIENT_CERTIFICATE);
        Path key = SampleCredentials.locate().clientKey();

        inspect(field, key);

        assertEquals(CredentialFieldModel.State.INVALID, ui.call(field::state));
        assertTrue(ui.call(field::message).contains("a private key but no certificate"), ui.call(field::message));
    }

    @Test
    void emptyFieldShowsHint() {
        CredentialFieldModel field = field(CredentialFieldModel.Kind.CA);

        ui.run(field::clear);

        assertEquals(CredentialFieldModel.State.EMPTY, ui.call(field::state));
        assertEquals("No CA file: the JDK's default trust store verifies the server.", ui.call(field::message));
    }

    @Test
    void nonCaCertificateInCaFieldIsMarked() throws IOException {
        CredentialFieldModel field = field(CredentialFieldModel.Kind.CA);

        inspect(field, SampleCredentials.locate().clientCertificate());

        assertEquals(CredentialFieldModel.State.VALID, ui.call(field::state));
        assertTrue(ui.call(field::message).endsWith("Not a CA (no CA:TRUE): CN=mtls-studio-client"),
                ui.call(field::message));
    }

    @Test
    void dropTakesFirstRegularFile() throws IOException {
        CredentialFieldModel field = field(CredentialFieldModel.Kind.CLIENT_CERTIFICATE);
        Path subfolder = Files.createDirectory(folder.resolve("sub"));
        Path certificate = Files.copy(SampleCredentials.locate().clientCertificate(), folder.resolve("dropped.crt"));

        boolean accepted = ui.call(() -> field.acceptDrop(List.of(subfolder.toFile(), certificate.toFile())));

        assertTrue(accepted);
        assertEquals(certificate.toString(), ui.call(field::path));
        ui.awaitUntil("the dropped file is checked", LIMIT, () -> field.state() == CredentialFieldModel.State.VALID);
    }

    @Test
    void dropOfFolderOnlyChangesNothing() throws IOException {
        CredentialFieldModel field = field(CredentialFieldModel.Kind.CLIENT_CERTIFICATE);
        ui.run(() -> field.pathProperty().set("kept.crt"));

        boolean accepted = ui.call(() -> field.acceptDrop(List.of(folder.toFile())));

        assertFalse(accepted);
        assertEquals("kept.crt", ui.call(field::path));
    }

    @Test
    void errorShownOnConnectReplacesSummary() throws IOException {
        CredentialFieldModel field = field(CredentialFieldModel.Kind.CLIENT_KEY);
        inspect(field, SampleCredentials.locate().clientKey());

        ui.run(() -> field.showError("client.key cannot be read"));

        assertEquals(CredentialFieldModel.State.INVALID, ui.call(field::state));
        assertEquals("client.key cannot be read", ui.call(field::message));
    }

    private CredentialFieldModel field(CredentialFieldModel.Kind kind) {
        return ui.call(() -> new CredentialFieldModel(kind, ui.work()));
    }

    private void inspect(CredentialFieldModel field, Path file) {
        ui.run(() -> {
            field.pathProperty().set(file.toString());
            field.inspect();
        });
        ui.awaitUntil("the file is checked", LIMIT, () -> field.state() != CredentialFieldModel.State.CHECKING);
    }
}
