package io.mtlsstudio.ui.config;

import io.mtlsstudio.cadence.config.CadenceDevLayout;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.mtlsstudio.ui.config.Fx.disabled;
import static io.mtlsstudio.ui.config.Fx.exists;
import static io.mtlsstudio.ui.config.Fx.onFx;
import static io.mtlsstudio.ui.config.Fx.text;
import static io.mtlsstudio.ui.config.Fx.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cadence config tab driven as a user drives it, on Cadence's development TLS layout. */
@ExtendWith(ApplicationExtension.class)
class ConfigViewTest {

    private static final long LIMIT_SECONDS = 30;

    @TempDir
    Path folder;

    private ConnectionViewModel connection;
    private ConfigViewModel model;

    @Start
    void start(Stage stage) {
        BackgroundWork work = BackgroundWork.javafx();
        connection = new ConnectionViewModel(work);
        model = new ConfigViewModel(work, connection, new RecentFiles(folder.resolve("settings")), Map::of);
        ConfigView view = new ConfigView(model);
        view.setFolderChooser(owner -> CadenceDevLayout.configFolder().toFile());
        Fx.show(stage, view, 1000, 760);
    }

    @AfterEach
    void stopFrontend() {
        onFx(() -> {
            model.close();
            return null;
        });
    }

    private void openDevelopmentTls(FxRobot robot) {
        robot.clickOn("#configOpenFolder");
        waitUntil("the configuration loads", LIMIT_SECONDS, () -> !model.blocks().isEmpty());
    }

    @Test
    void openFolderShowsBlocksAndFindings(FxRobot robot) {
        openDevelopmentTls(robot);

        assertEquals(CadenceDevLayout.configFolder().toString(), text(robot, "#configPathField"));
        assertEquals("development", text(robot, "#configEnvField"));
        assertEquals("tls", text(robot, "#configZoneField"));
        List<String> blocks = onFx(() -> robot.lookup("#configBlocks").<javafx.scene.control.TreeTableView<SettingRow>>query()
                .getRoot().getChildren().stream().map(TreeItem::getValue).map(SettingRow::key).toList());
        assertEquals(List.of("services.frontend.rpc.tls", "services.matching.rpc.tls", "services.history.rpc.tls",
                "clusterGroupMetadata.clusterGroup.cluster0.tls"), blocks);
        assertTrue(cellShows(robot, "services.frontend.rpc.tls"), "the frontend block is on screen");
        assertTrue(cellShows(robot, "config/development_tls.yaml:8"), "the certFile source is on screen");
        assertTrue(cellShows(robot, "WARNING: CERT_SELF_SIGNED, CERT_NO_SAN"), "the certFile check is on screen");
        assertTrue(cellShows(robot, "default"), "unset keys show their default");

        assertTrue(exists(robot, "#configFinding-TLS_CLUSTER_NO_CLIENT_CERT"), "the cluster finding is listed first");
        assertTrue(text(robot, "#configFindingsTitle").matches("Findings \\(\\d+\\)"), text(robot, "#configFindingsTitle"));
        assertTrue(text(robot, "#configSummary").startsWith("Loaded base.yaml, development.yaml, development_tls.yaml"),
                text(robot, "#configSummary"));
        assertFalse(onFx(() -> robot.lookup("#configError").query().getParent().getParent().isVisible()), "no error box");
        assertFalse(disabled(robot, "#configStartFrontend"));
    }

    @Test
    void yamlErrorShowsFileLineAndColumn(FxRobot robot) throws Exception {
        Path config = Files.createDirectories(folder.resolve("broken"));
        Files.writeString(config.resolve("base.yaml"), "services:\n  frontend:\n    rpc: [unclosed\n");

        robot.clickOn("#configPathField").write(config.toString());
        robot.clickOn("#configLoadButton");
        waitUntil("the error shows", LIMIT_SECONDS, () -> !model.errorProperty().get().isEmpty());

        assertEquals("File " + config.resolve("base.yaml") + ", line 4, column 1", text(robot, "#configErrorLocation"));
        assertTrue(text(robot, "#configError").contains("invalid YAML"), text(robot, "#configError"));
        assertTrue(disabled(robot, "#configStartFrontend"), "nothing to serve");
    }

    @Test
    void startServesConfigAndStopEndsIt(FxRobot robot) throws Exception {
        openDevelopmentTls(robot);

        robot.clickOn("#configStartFrontend");
        waitUntil("the frontend runs", LIMIT_SECONDS, () -> !model.frontendAddressProperty().get().isEmpty());
        String address = text(robot, "#configFrontendAddress");
        assertTrue(address.matches("127\\.0\\.0\\.1:\\d+"), address);
        assertTrue(text(robot, "#configFrontendMessage").startsWith("Mutual TLS"), text(robot, "#configFrontendMessage"));
        assertTrue(disabled(robot, "#configStartFrontend"), "one frontend at a time");

        ProbeReport report = HandshakeProbe.run(developmentClient(address));
        assertEquals(ProbeReport.Result.SUCCESS, report.result(), report.findings().toString());
        waitUntil("the frontend shows the client", LIMIT_SECONDS, () -> !model.lastFrontendEventProperty().get().isEmpty());
        assertTrue(text(robot, "#configFrontendEvent").startsWith("Last: "), text(robot, "#configFrontendEvent"));

        robot.clickOn("#configUseAsTarget");
        assertEquals(address, onFx(() -> connection.targetProperty().get()));

        robot.clickOn("#configStopFrontend");
        waitUntil("the frontend stops", LIMIT_SECONDS, () -> model.frontendAddressProperty().get().isEmpty());
        assertEquals("Stopped the embedded frontend that listened on " + address + ".", text(robot, "#configFrontendMessage"));
        assertFalse(disabled(robot, "#configStartFrontend"), "it can start again");
    }

    private static boolean cellShows(FxRobot robot, String text) {
        return onFx(() -> robot.lookup(node -> node instanceof TreeTableCell<?, ?> cell && text.equals(cell.getText()))
                .tryQuery().isPresent());
    }

    private static ProbeOptions developmentClient(String address) throws Exception {
        Path credentials = CadenceDevLayout.credentials();
        return ProbeOptions.builder(Target.parse(address))
                .trustedCas(CredentialFiles.readCertificates(credentials.resolve("keytest.crt")))
                .clientCertificate(CredentialFiles.readCertificates(credentials.resolve("client.crt")),
                        CredentialFiles.readPrivateKey(credentials.resolve("client.key")))
                .hostnameVerification(false)
                .build();
    }
}
