package io.mtlsstudio.ui.findings;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.pki.CheckStatus;
import io.mtlsstudio.ui.MainViewModel;
import io.mtlsstudio.ui.MtlsStudioApp;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import io.mtlsstudio.ui.run.ResultKind;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.mtlsstudio.ui.findings.FxWait.showing;
import static io.mtlsstudio.ui.findings.FxWait.text;
import static io.mtlsstudio.ui.findings.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The file fields' marks driven as a user drives them: files typed into the form, findings opened
 * from the mark, passwords entered in the dialog, and Connect against an embedded frontend that
 * trusts the test CA.
 */
@ExtendWith(ApplicationExtension.class)
class CredentialMarksWindowTest {

    private static final long LIMIT_SECONDS = 30;

    @TempDir
    Path dir;

    private MainViewModel model;
    private EmbeddedFrontend frontend;

    @Start
    void start(Stage stage) {
        model = MainViewModel.create();
        MtlsStudioApp.show(stage, model);
    }

    @AfterEach
    void stop() {
        model.close();
        if (frontend != null) {
            frontend.close();
        }
    }

    @Test
    void pkcs1KeyShowsWarningAndFixThenConnects(FxRobot robot) throws IOException {
        TestFiles.writeCa(dir, TestFiles.PKI.ca);
        Path key = TestFiles.pkcs1Key(dir, "client");
        Path certificate = TestFiles.issueClientCertificate(dir, "client");
        startFrontend();

        typeTarget(robot);
        typePath(robot, "#clientCertificatePath", certificate);
        typePath(robot, "#clientKeyPath", key);
        typePath(robot, "#caFilePath", dir.resolve("ca.crt"));
        waitForMark(CredentialFieldModel.Kind.CLIENT_KEY, CheckStatus.WARNING);

        assertEquals("WARNING", text(robot, "#clientKeyMark"));
        assertEquals("RSA private key, 2048 bits", text(robot, "#clientKeyMessage"));
        assertEquals("KEY_PKCS1", text(robot, "#clientKeyFindings"));
        robot.clickOn("#clientKeyFindings");
        waitUntil("the findings pop-over opens", 5, () -> showing(robot, "#clientKeyFinding-KEY_PKCS1-fix"));
        Path converted = dir.resolve("client.pk8.key");
        assertEquals("openssl pkcs8 -topk8 -nocrypt -in " + key + " -out " + converted + " && chmod 600 " + converted,
                text(robot, "#clientKeyFinding-KEY_PKCS1-fix"));
        robot.clickOn("#clientKeyShowInTab");
        waitUntil("the File checks tab shows the key's findings", 5,
                () -> model.fileFindings().scopeProperty().get() == FileFindingsModel.Scope.CLIENT_KEY);
        waitUntil("the tab lists KEY_PKCS1", 5, () -> showing(robot, "#fileFinding-KEY_PKCS1"));
        assertEquals("Client key", text(robot, "#fileFindingsScope .label"));

        connectAndExpectSuccess(robot);

        TestFiles.openssl(dir, "pkcs8", "-topk8", "-nocrypt", "-in", key.toString(), "-out", converted.toString());
        typePath(robot, "#clientKeyPath", converted);
        waitForMark(CredentialFieldModel.Kind.CLIENT_KEY, CheckStatus.VALID);
        assertEquals("VALID", text(robot, "#clientKeyMark"));
        assertFalse(showing(robot, "#clientKeyFindings"), "a converted key has no findings to show");
        connectAndExpectSuccess(robot);
    }

    @Test
    void encryptedKeyAsksPasswordAndNamesWrongOne(FxRobot robot) throws IOException {
        TestFiles.writeCa(dir, TestFiles.PKI.ca);
        Path key = TestFiles.encryptedKey(dir, "client", "s3cret");
        TestFiles.openssl(dir, "pkey", "-in", "client.key", "-passin", "pass:s3cret", "-out", "plain.key");
        TestFiles.openssl(dir, "req", "-new", "-key", "plain.key", "-subj", "/CN=client", "-out", "client.csr");
        Path certificate = issueFromCsr();
        startFrontend();
        typeTarget(robot);
        typePath(robot, "#clientCertificatePath", certificate);
        typePath(robot, "#caFilePath", dir.resolve("ca.crt"));

        typePath(robot, "#clientKeyPath", key);
        waitUntil("the password dialog opens", LIMIT_SECONDS, () -> showing(robot, "#passwordField"));
        robot.clickOn("#passwordField").write("wrong");
        robot.clickOn("#passwordOk");
        waitUntil("the dialog asks again", LIMIT_SECONDS, () -> showing(robot, "#passwordProblem"));
        assertTrue(text(robot, "#passwordProblem").startsWith("The password given for " + key + " does not decrypt"),
                text(robot, "#passwordProblem"));
        robot.clickOn("#passwordField").write("s3cret");
        robot.clickOn("#passwordOk");
        waitForMark(CredentialFieldModel.Kind.CLIENT_KEY, CheckStatus.WARNING);

        assertEquals("KEY_ENCRYPTED", text(robot, "#clientKeyFindings"));
        assertFalse(showing(robot, "#clientKeyPasswordButton"), "no password is needed any more");
        connectAndExpectSuccess(robot);
    }

    @Test
    void cancelledPasswordOffersButton(FxRobot robot) {
        Path key = TestFiles.encryptedKey(dir, "client", "s3cret");

        typePath(robot, "#clientKeyPath", key);
        waitUntil("the password dialog opens", LIMIT_SECONDS, () -> showing(robot, "#passwordField"));
        robot.clickOn("#passwordCancel");
        waitForMark(CredentialFieldModel.Kind.CLIENT_KEY, CheckStatus.ERROR);

        assertEquals("ERROR", text(robot, "#clientKeyMark"));
        assertEquals(key + " is encrypted. Enter its password to use it.", text(robot, "#clientKeyMessage"));
        assertTrue(showing(robot, "#clientKeyPasswordButton"));
        robot.clickOn("#clientKeyPasswordButton");
        waitUntil("the password dialog opens again", LIMIT_SECONDS, () -> showing(robot, "#passwordField"));
        robot.clickOn("#passwordField").write("s3cret");
        robot.clickOn("#passwordOk");
        waitForMark(CredentialFieldModel.Kind.CLIENT_KEY, CheckStatus.WARNING);
    }

    private Path issueFromCsr() throws IOException {
        java.nio.file.Files.writeString(dir.resolve("client.ext"),
                "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n");
        TestFiles.openssl(dir, "x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-extfile", "client.ext", "-days", "90", "-out", "client.crt");
        return dir.resolve("client.crt");
    }

    private void startFrontend() throws IOException {
        frontend = EmbeddedFrontend.start(FrontendSettings.mutualTls(0, List.of(TestFiles.PKI.frontend.certificate()),
                TestFiles.PKI.frontend.key(), List.of(TestFiles.PKI.ca.certificate())));
    }

    private void typeTarget(FxRobot robot) {
        clear(robot, "#targetField");
        robot.write(frontend.target());
    }

    private void connectAndExpectSuccess(FxRobot robot) {
        robot.clickOn("#connectButton");
        waitUntil("the run ends", LIMIT_SECONDS, () -> model.run().resultKind() == ResultKind.SUCCESS
                || model.run().resultKind() == ResultKind.FAILURE || model.run().resultKind() == ResultKind.INPUT_ERROR);
        assertEquals("SUCCESS", text(robot, "#resultKind"), () -> text(robot, "#resultText"));
    }

    private void waitForMark(CredentialFieldModel.Kind kind, CheckStatus mark) {
        waitUntil(kind.label() + " is marked " + mark, LIMIT_SECONDS,
                () -> model.connection().field(kind).mark() == mark);
    }

    private static void typePath(FxRobot robot, String query, Path file) {
        clear(robot, query);
        robot.write(file.toString());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void clear(FxRobot robot, String query) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
