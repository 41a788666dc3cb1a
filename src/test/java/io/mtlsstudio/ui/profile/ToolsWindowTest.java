package io.mtlsstudio.ui.profile;

import io.mtlsstudio.cadence.config.CadenceDevLayout;
import io.mtlsstudio.profile.ConfigFolder;
import io.mtlsstudio.profile.ProfileStore;
import io.mtlsstudio.ui.MainView;
import io.mtlsstudio.ui.MainViewModel;
import io.mtlsstudio.ui.MtlsStudioApp;
import io.mtlsstudio.ui.config.Fx;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static io.mtlsstudio.ui.config.Fx.exists;
import static io.mtlsstudio.ui.config.Fx.onFx;
import static io.mtlsstudio.ui.config.Fx.runFx;
import static io.mtlsstudio.ui.config.Fx.text;
import static io.mtlsstudio.ui.config.Fx.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window with the config and export tabs, the generator menu item and the profile picker,
 * with the configuration folder in a temporary folder.
 */
@ExtendWith(ApplicationExtension.class)
class ToolsWindowTest {

    @TempDir
    Path folder;

    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        System.setProperty(ConfigFolder.OVERRIDE_PROPERTY, folder.resolve("settings").toString());
        model = MainViewModel.create();
        view = MtlsStudioApp.show(stage, model);
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            model.close();
            Window.getWindows().stream().filter(window -> window != view.getScene().getWindow()).toList()
                    .forEach(Window::hide);
            return null;
        });
        System.clearProperty(ConfigFolder.OVERRIDE_PROPERTY);
    }

    @Test
    void windowHasConfigAndExportTabs(FxRobot robot) {
        List<String> tabs = onFx(() -> view.tabs().getTabs().stream().map(Tab::getId).toList());

        assertTrue(tabs.contains("configTab"), tabs.toString());
        assertTrue(tabs.contains("exportTab"), tabs.toString());
        robot.clickOn("Export");
        assertTrue(exists(robot, "#exportText-GO_CLIENT"));
        assertTrue(exists(robot, "#profileChoice"));
        assertTrue(exists(robot, "#clientCertificateRecent"));
        assertTrue(exists(robot, "#clientKeyRecent"));
        assertTrue(exists(robot, "#caFileRecent"));
    }

    @Test
    void fileMenuOpensGenerator(FxRobot robot) {
        robot.clickOn("File").clickOn("#generatePkiItem");
        waitUntil("the generator opens", 10, () -> robot.lookup("#generatorView").tryQuery().isPresent());

        assertEquals("EC P-256", onFx(() -> robot.lookup("#generatorKeyType").<javafx.scene.control.ComboBox<?>>query()
                .getButtonCell().getText()));
        robot.clickOn("#generatorClose");
        waitUntil("the generator closes", 10, () -> robot.lookup("#generatorView").tryQuery().isEmpty());
    }

    @Test
    void profileSavesIntoOverriddenFolder(FxRobot robot) throws Exception {
        runFx(() -> {
            model.connection().targetProperty().set("frontend.example.test:7833");
            model.profiles().saveAs("window");
        });
        waitUntil("the profile is saved", 10, () -> model.profiles().names().contains("window"));

        assertEquals("frontend.example.test:7833", new ProfileStore(folder.resolve("settings")).load("window").orElseThrow().target());
        assertTrue(text(robot, "#profileMessage").contains(folder.resolve("settings").toString()), text(robot, "#profileMessage"));
    }

    @Test
    void configFrontendBecomesTarget(FxRobot robot) {
        runFx(() -> {
            model.config().pathProperty().set(CadenceDevLayout.configFolder().toString());
            model.config().load();
        });
        waitUntil("the configuration loads", 30, () -> !model.config().blocks().isEmpty());
        robot.clickOn("Cadence config");
        robot.clickOn("#configStartFrontend");
        waitUntil("the frontend runs", 30, () -> !model.config().frontendAddressProperty().get().isEmpty());
        robot.clickOn("#configUseAsTarget");

        assertEquals(onFx(() -> model.config().frontendAddressProperty().get()), text(robot, "#targetField"));
    }
}
