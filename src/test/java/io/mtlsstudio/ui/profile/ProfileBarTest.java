package io.mtlsstudio.ui.profile;

import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.profile.ProfileStore;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.config.Fx;
import io.mtlsstudio.ui.form.ConnectionView;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.mtlsstudio.ui.config.Fx.disabled;
import static io.mtlsstudio.ui.config.Fx.onFx;
import static io.mtlsstudio.ui.config.Fx.runFx;
import static io.mtlsstudio.ui.config.Fx.text;
import static io.mtlsstudio.ui.config.Fx.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profile picker and the recent-file drop-downs over a real connection form, with the stores in a temporary folder. */
@ExtendWith(ApplicationExtension.class)
class ProfileBarTest {

    private static final long LIMIT_SECONDS = 10;

    @TempDir
    Path folder;

    private ConnectionViewModel connection;
    private ConnectionView form;
    private ProfileViewModel model;
    private Menu fileMenu;
    private RecentFiles recentFiles;

    @Start
    void start(Stage stage) {
        BackgroundWork work = BackgroundWork.javafx();
        recentFiles = new RecentFiles(folder.resolve("settings"));
        connection = new ConnectionViewModel(work);
        form = new ConnectionView(connection);
        model = new ProfileViewModel(work, connection, new ProfileStore(folder.resolve("settings")), recentFiles);
        fileMenu = new Menu("File");
        RecentFilesMenus.install(form, fileMenu, model);
        VBox root = new VBox(new MenuBar(fileMenu), new ProfileBar(model), form);
        root.setPrefWidth(380);
        Fx.show(stage, root, 380, 780);
    }

    private void saveAs(FxRobot robot, String name) {
        robot.clickOn("#profileSaveAs");
        waitUntil("the name dialog shows", LIMIT_SECONDS, () -> robot.lookup("#profileNameField").tryQuery().isPresent());
        replaceText(robot, "#profileNameField", name);
        robot.clickOn(dialogButton(robot, "#profileNameDialog", "OK"));
        waitUntil("the profile is saved", LIMIT_SECONDS, () -> model.names().contains(name));
    }

    private static Node dialogButton(FxRobot robot, String dialog, String text) {
        return onFx(() -> robot.from(robot.lookup(dialog).queryAs(Node.class))
                .lookup((Button button) -> text.equals(button.getText())).query());
    }

    private static Node listCell(FxRobot robot, String text) {
        return onFx(() -> robot.lookup((ListCell<?> cell) -> text.equals(cell.getText())).<Node>query());
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.SHORTCUT, KeyCode.A).write(text);
    }

    @Test
    void profileRoundTripThroughPicker(FxRobot robot) {
        replaceText(robot, "#targetField", "frontend.staging.example.test:7833");
        robot.clickOn("#serverNameField").write("cadence-frontend");
        robot.clickOn("#hostnameVerificationCheck");
        saveAs(robot, "staging");
        assertEquals("staging", onFx(() -> model.currentProperty().get()));

        replaceText(robot, "#targetField", "127.0.0.1:17833");
        robot.clickOn("#hostnameVerificationCheck");
        saveAs(robot, "local");
        assertEquals(List.of("local", "staging"), onFx(() -> List.copyOf(model.names())));

        robot.clickOn("#profileChoice");
        robot.clickOn(listCell(robot, "staging"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("frontend.staging.example.test:7833", text(robot, "#targetField"));
        assertEquals("cadence-frontend", text(robot, "#serverNameField"));
        assertFalse(onFx(() -> connection.hostnameVerificationProperty().get()));
        assertEquals("Opened profile \"staging\".", text(robot, "#profileMessage"));

        robot.clickOn("#profileChoice");
        robot.clickOn(listCell(robot, "local"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("127.0.0.1:17833", text(robot, "#targetField"));
        assertTrue(onFx(() -> connection.hostnameVerificationProperty().get()));
    }

    @Test
    void deleteAsksThenRemovesProfile(FxRobot robot) {
        replaceText(robot, "#targetField", "frontend.example.test:7833");
        saveAs(robot, "doomed");

        robot.clickOn("#profileDelete");
        waitUntil("the question shows", LIMIT_SECONDS, () -> robot.lookup("#profileDeleteDialog").tryQuery().isPresent());
        robot.clickOn(dialogButton(robot, "#profileDeleteDialog", "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> model.names().contains("doomed")), "cancel keeps the profile");

        robot.clickOn("#profileDelete");
        waitUntil("the question shows", LIMIT_SECONDS, () -> robot.lookup("#profileDeleteDialog").tryQuery().isPresent());
        robot.clickOn(dialogButton(robot, "#profileDeleteDialog", "Delete"));
        waitUntil("the profile is deleted", LIMIT_SECONDS, () -> model.names().isEmpty());

        assertTrue(disabled(robot, "#profileDelete"), "no profile is current");
        assertEquals("frontend.example.test:7833", text(robot, "#targetField"));
    }

    @Test
    void saveAsAsksBeforeReplacingProfile(FxRobot robot) {
        replaceText(robot, "#targetField", "frontend.example.test:7833");
        saveAs(robot, "shared");
        replaceText(robot, "#targetField", "127.0.0.1:17833");
        saveAs(robot, "other");

        robot.clickOn("#profileSaveAs");
        waitUntil("the name dialog shows", LIMIT_SECONDS, () -> robot.lookup("#profileNameField").tryQuery().isPresent());
        replaceText(robot, "#profileNameField", "shared");
        robot.clickOn(dialogButton(robot, "#profileNameDialog", "OK"));
        waitUntil("the question shows", LIMIT_SECONDS, () -> robot.lookup("#profileReplaceDialog").tryQuery().isPresent());
        robot.clickOn(dialogButton(robot, "#profileReplaceDialog", "Replace"));
        waitUntil("the profile is replaced", LIMIT_SECONDS, () -> model.currentProperty().get().equals("shared"));

        runFx(() -> model.open("shared"));
        assertEquals("127.0.0.1:17833", text(robot, "#targetField"));
    }

    @Test
    void recentDropDownFillsField(FxRobot robot) throws Exception {
        Path ca = SampleCredentials.locate().ca();
        recentFiles.add(RecentFiles.CA_FILE, ca);
        runFx(model::load);
        waitUntil("the recent list loads", LIMIT_SECONDS, () -> !model.recent(CredentialFieldModel.Kind.CA).isEmpty());

        robot.clickOn("#caFileRecent");
        robot.clickOn(ca.getFileName() + "  —  " + ca.getParent());
        waitUntil("the file is checked", LIMIT_SECONDS, () -> connection.ca().state() == CredentialFieldModel.State.VALID);

        assertEquals(ca.toString(), onFx(() -> connection.ca().path()));
        assertTrue(text(robot, "#caFileMessage").startsWith("1 certificate"), text(robot, "#caFileMessage"));
    }

    @Test
    void fieldActionRemembersChosenFile(FxRobot robot) throws Exception {
        Path certificate = SampleCredentials.locate().clientCertificate();
        // A stand-in for the Browse button: an action in the field's row that sets the path, as the file dialog does.
        Button choose = new Button("Pick");
        choose.setId("pickCertificate");
        choose.setOnAction(event -> connection.clientCertificate().choose(certificate.toFile()));
        runFx(() -> ((Pane) form.clientCertificateField().pathField().getParent()).getChildren().add(choose));

        robot.clickOn("#pickCertificate");
        waitUntil("the file is remembered", LIMIT_SECONDS, () -> !model.recent(CredentialFieldModel.Kind.CLIENT_CERTIFICATE).isEmpty());

        assertEquals(List.of(certificate), recentFiles.list(RecentFiles.CLIENT_CERTIFICATE));
        assertTrue(recentFiles.list(RecentFiles.CLIENT_KEY).isEmpty());
    }

    @Test
    void typedPathIsNotRemembered(FxRobot robot) throws Exception {
        Path key = SampleCredentials.locate().clientKey();

        robot.clickOn("#clientKeyPath").write(key.toString()).type(KeyCode.ENTER);
        waitUntil("the file is checked", LIMIT_SECONDS, () -> connection.clientKey().state() == CredentialFieldModel.State.VALID);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);

        assertTrue(recentFiles.list(RecentFiles.CLIENT_KEY).isEmpty(), "only chosen files are remembered");
    }

    @Test
    void otherMenuActionRemembersNothing(FxRobot robot) throws Exception {
        Path key = SampleCredentials.locate().clientKey();
        MenuItem generate = new MenuItem("Generate");
        generate.setId("generatePkiItem");
        generate.setOnAction(event -> connection.clientKey().choose(key.toFile()));
        runFx(() -> fileMenu.getItems().add(generate));

        runFx(generate::fire);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);

        assertTrue(recentFiles.list(RecentFiles.CLIENT_KEY).isEmpty());
    }

    @Test
    void menuActionRemembersChosenFile(FxRobot robot) throws Exception {
        Path key = SampleCredentials.locate().clientKey();
        MenuItem open = new MenuItem("Open client key");
        open.setId("openKeyItem");
        open.setOnAction(event -> connection.clientKey().choose(key.toFile()));
        runFx(() -> fileMenu.getItems().add(open));

        runFx(open::fire);
        waitUntil("the file is remembered", LIMIT_SECONDS, () -> !model.recent(CredentialFieldModel.Kind.CLIENT_KEY).isEmpty());

        assertEquals(List.of(key), recentFiles.list(RecentFiles.CLIENT_KEY));
    }
}
