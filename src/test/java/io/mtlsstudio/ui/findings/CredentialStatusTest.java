package io.mtlsstudio.ui.findings;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.pki.CheckStatus;
import io.mtlsstudio.pki.PasswordRequest;
import io.mtlsstudio.pki.TestPki;
import io.mtlsstudio.ui.TestUiThread;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The marks of the form's file fields and the check across the files, without a JavaFX toolkit. */
class CredentialStatusTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final TestUiThread ui = new TestUiThread();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void pkcs1KeyIsMarkedWarningWithFix() {
        Path key = TestFiles.pkcs1Key(dir, "client");
        CredentialFieldModel field = ui.call(() -> new CredentialFieldModel(CredentialFieldModel.Kind.CLIENT_KEY, ui.work()));

        check(field, key);

        assertEquals(CredentialFieldModel.State.VALID, ui.call(field::state));
        assertEquals(CheckStatus.WARNING, ui.call(field::mark));
        assertEquals("RSA private key, 2048 bits", ui.call(field::message));
        Finding finding = only(ui.call(() -> List.copyOf(field.findings())));
        assertEquals("KEY_PKCS1", finding.code());
        assertEquals(key.toString(), finding.subject());
        assertEquals("openssl pkcs8 -topk8 -nocrypt -in " + key + " -out " + dir.resolve("client.pk8.key")
                + " && chmod 600 " + dir.resolve("client.pk8.key"), finding.fix());
    }

    @Test
    void encryptedKeyAsksUntilPasswordIsRight() {
        Path key = TestFiles.encryptedKey(dir, "client", "s3cret");
        List<String> problems = new CopyOnWriteArrayList<>();
        List<PasswordRequest> requests = new CopyOnWriteArrayList<>();
        List<char[]> answers = new ArrayList<>(List.of("wrong".toCharArray(), "s3cret".toCharArray()));
        CredentialFieldModel field = ui.call(() -> new CredentialFieldModel(CredentialFieldModel.Kind.CLIENT_KEY, ui.work()));
        ui.run(() -> field.setPasswordPrompt((request, problem) -> {
            requests.add(request);
            problems.add(problem);
            return answers.isEmpty() ? null : answers.remove(0);
        }));

        check(field, key);
        ui.awaitUntil("the right password is tried", LIMIT, () -> requests.size() == 2
                && field.state() == CredentialFieldModel.State.VALID);

        assertEquals(key, requests.get(0).file());
        assertEquals(PasswordRequest.Target.PRIVATE_KEY, requests.get(0).target());
        assertEquals("", problems.get(0), "the first request has no problem to show");
        assertTrue(problems.get(1).startsWith("The password given for " + key + " does not decrypt its private key"),
                problems.get(1));
        assertEquals(CheckStatus.WARNING, ui.call(field::mark));
        assertEquals("KEY_ENCRYPTED", only(ui.call(() -> List.copyOf(field.findings()))).code());
        assertFalse(ui.call(() -> field.passwordNeededProperty().get()));
        char[] held = ui.call(() -> field.passwords().password(requests.get(0)));
        assertEquals("s3cret", new String(held), "the password is kept for Connect while the path stays");
    }

    @Test
    void cancelledPasswordLeavesFieldInError() {
        Path key = TestFiles.encryptedKey(dir, "client", "s3cret");
        CredentialFieldModel field = ui.call(() -> new CredentialFieldModel(CredentialFieldModel.Kind.CLIENT_KEY, ui.work()));
        List<PasswordRequest> requests = new CopyOnWriteArrayList<>();
        ui.run(() -> field.setPasswordPrompt((request, problem) -> {
            requests.add(request);
            return null;
        }));

        check(field, key);
        ui.run(field::inspect);
        ui.awaitUntil("the second check ends", LIMIT, () -> field.state() != CredentialFieldModel.State.CHECKING);

        assertEquals(1, requests.size(), "a cancelled prompt is not shown again for the same path");
        assertEquals(CredentialFieldModel.State.INVALID, ui.call(field::state));
        assertEquals(CheckStatus.ERROR, ui.call(field::mark));
        assertEquals(key + " is encrypted. Enter its password to use it.", ui.call(field::message));
        assertTrue(ui.call(() -> field.passwordNeededProperty().get()));
        assertEquals("KEY_PASSWORD_REQUIRED", only(ui.call(() -> List.copyOf(field.findings()))).code());
    }

    @Test
    void passwordIsForgottenWhenPathChanges() throws IOException {
        Path key = TestFiles.encryptedKey(dir, "client", "s3cret");
        Path other = writeKey("other.key", TestFiles.PKI.client);
        CredentialFieldModel field = ui.call(() -> new CredentialFieldModel(CredentialFieldModel.Kind.CLIENT_KEY, ui.work()));
        ui.run(() -> field.setPasswordPrompt((request, problem) -> "s3cret".toCharArray()));
        check(field, key);
        ui.awaitUntil("the key is unlocked", LIMIT, () -> field.state() == CredentialFieldModel.State.VALID);

        check(field, other);

        PasswordRequest request = new PasswordRequest(key, PasswordRequest.Target.PRIVATE_KEY, null, "");
        assertEquals(null, ui.call(() -> field.passwords().password(request)));
    }

    @Test
    void keyOfAnotherCertificateIsCrossFileError() throws IOException {
        TestFiles.Pki pki = TestFiles.PKI;
        Path certificate = write("client.crt", pki.client);
        Path key = writeKey("frontend.key", pki.frontend);
        Path ca = write("ca.crt", pki.ca);
        ConnectionViewModel connection = ui.call(() -> new ConnectionViewModel(ui.work()));
        CredentialSetModel set = ui.call(() -> new CredentialSetModel(connection, ui.work()));

        checkAll(connection, set, certificate, key, ca);

        CredentialFieldModel keyField = connection.clientKey();
        assertEquals(CheckStatus.ERROR, ui.call(keyField::mark));
        assertEquals(CredentialFieldModel.State.VALID, ui.call(keyField::state), "the key itself loads");
        Finding mismatch = only(ui.call(() -> List.copyOf(keyField.findings())));
        assertEquals("KEY_CERT_MISMATCH", mismatch.code());
        assertTrue(mismatch.message().contains("does not match the public key of CN=window-test-client (" + certificate + ")"),
                mismatch.message());
        assertEquals(List.of("KEY_CERT_MISMATCH"), ui.call(() -> set.crossFileFindings().stream().map(Finding::code).toList()));
        assertEquals(CheckStatus.VALID, ui.call(connection.clientCertificate()::mark));
    }

    @Test
    void certificateFromForeignCaIsIncomplete() throws IOException {
        TestFiles.Pki pki = TestFiles.PKI;
        Instant now = Instant.now().minus(Duration.ofMinutes(1));
        TestPki.Issued foreign = TestPki.rootCa("Foreign Root CA", TestPki.KeyType.EC_P256, now, now.plus(Duration.ofDays(30)));
        Path certificate = write("client.crt", pki.client);
        Path key = writeKey("client.key", pki.client);
        Path ca = write("foreign-ca.crt", foreign);
        ConnectionViewModel connection = ui.call(() -> new ConnectionViewModel(ui.work()));
        CredentialSetModel set = ui.call(() -> new CredentialSetModel(connection, ui.work()));

        checkAll(connection, set, certificate, key, ca);

        Finding incomplete = only(ui.call(() -> List.copyOf(connection.clientCertificate().findings())));
        assertEquals("CHAIN_INCOMPLETE", incomplete.code());
        assertEquals(certificate.toString(), incomplete.subject());
        assertTrue(incomplete.message().contains("stops at CN=window-test-client, issued by CN=Window Test Root CA"),
                incomplete.message());
        assertEquals(CheckStatus.ERROR, ui.call(connection.clientCertificate()::mark));
        assertNotNull(ui.call(set::inspection));
        assertEquals(CheckStatus.VALID, ui.call(connection.clientKey()::mark));
    }

    @Test
    void fileFindingsScopeNarrowsToField() throws IOException {
        TestFiles.Pki pki = TestFiles.PKI;
        Path certificate = write("client.crt", pki.client);
        Path key = TestFiles.pkcs1Key(dir, "other");
        Path ca = write("ca.crt", pki.ca);
        ConnectionViewModel connection = ui.call(() -> new ConnectionViewModel(ui.work()));
        CredentialSetModel set = ui.call(() -> new CredentialSetModel(connection, ui.work()));
        FileFindingsModel findings = ui.call(() -> new FileFindingsModel(connection, set));

        checkAll(connection, set, certificate, key, ca);
        ui.run(() -> findings.showField(CredentialFieldModel.Kind.CLIENT_KEY));

        List<String> codes = ui.call(() -> findings.shown().stream().map(entry -> entry.finding().code()).sorted().toList());
        assertEquals(List.of("KEY_CERT_MISMATCH", "KEY_PKCS1"), codes);
        assertTrue(ui.call(() -> findings.shown().stream()
                .filter(entry -> entry.finding().code().equals("KEY_CERT_MISMATCH")).allMatch(FileFindingsModel.Entry::crossFile)));
        ui.run(() -> findings.scopeProperty().set(FileFindingsModel.Scope.CLIENT_CERTIFICATE));
        assertEquals(0, ui.call(() -> findings.shown().size()));
    }

    private void check(CredentialFieldModel field, Path file) {
        ui.run(() -> {
            field.pathProperty().set(file.toString());
            field.inspect();
        });
        ui.awaitUntil("the file is checked", LIMIT, () -> field.state() != CredentialFieldModel.State.CHECKING);
    }

    private void checkAll(ConnectionViewModel connection, CredentialSetModel set, Path certificate, Path key, Path ca) {
        ui.run(() -> {
            connection.clientCertificate().pathProperty().set(certificate.toString());
            connection.clientKey().pathProperty().set(key.toString());
            connection.ca().pathProperty().set(ca.toString());
            connection.files().forEach(CredentialFieldModel::inspect);
        });
        ui.awaitUntil("the files are checked together", LIMIT, () -> set.inspection() != null
                && !set.checkingProperty().get()
                && connection.files().stream().noneMatch(field -> field.state() == CredentialFieldModel.State.CHECKING));
    }

    private Path write(String name, TestPki.Issued issued) throws IOException {
        return TestFiles.writeCertificate(dir, name, issued);
    }

    private Path writeKey(String name, TestPki.Issued issued) throws IOException {
        return TestFiles.writeKey(dir, name, issued);
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        return findings.get(0);
    }
}
