package io.mtlsstudio.ui;

import io.mtlsstudio.ui.replay.ReplaySpeed;
import io.mtlsstudio.ui.replay.ReplayViewModel;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/** The menu bar: every action of the window with its keyboard shortcut. */
final class MainMenus {

    /** Actions that need the view: file choosers and snapshots. */
    interface ViewActions {
        void openCertificate();

        void openKey();

        void openCa();

        void exportDiagram(double scale);

        void exportReport();
    }

    private MainMenus() {
    }

    static MenuBar create(MainViewModel model, ViewActions view) {
        MenuBar bar = new MenuBar(file(view), connection(model), replay(model.replay()), display(model));
        bar.setId("menuBar");
        return bar;
    }

    private static Menu file(ViewActions view) {
        Menu menu = new Menu("_File");
        menu.getItems().addAll(
                item("Open client _certificate…", "openCertificateItem", "Shortcut+O", view::openCertificate),
                item("Open client _key…", "openKeyItem", "Shortcut+K", view::openKey),
                item("Open C_A file…", "openCaItem", "Shortcut+Shift+O", view::openCa),
                new SeparatorMenuItem(),
                item("Export diagram as _PNG…", "exportPngItem", "Shortcut+E", () -> view.exportDiagram(1)),
                item("Export diagram as PNG at _2x…", "exportPng2xItem", "Shortcut+Shift+E", () -> view.exportDiagram(2)),
                item("Export report as _Markdown…", "exportReportItem", "Shortcut+M", view::exportReport),
                new SeparatorMenuItem(),
                item("_Quit", "quitItem", "Shortcut+Q", Platform::exit));
        return menu;
    }

    private static Menu connection(MainViewModel model) {
        MenuItem connect = item("_Connect", "connectItem", "Shortcut+Enter", model::connect);
        connect.disableProperty().bind(model.busyProperty());
        MenuItem cancel = item("C_ancel", "cancelItem", "Esc", model::cancel);
        cancel.disableProperty().bind(model.busyProperty().not());
        Menu menu = new Menu("_Connection");
        menu.getItems().addAll(connect, cancel);
        return menu;
    }

    private static Menu replay(ReplayViewModel replay) {
        CheckMenuItem autoPlay = new CheckMenuItem("_Auto-play after each connection");
        autoPlay.setId("autoPlayItem");
        autoPlay.selectedProperty().bindBidirectional(replay.autoPlayProperty());
        CheckMenuItem narration = new CheckMenuItem("_Narration");
        narration.setId("narrationItem");
        narration.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        narration.selectedProperty().bindBidirectional(replay.narrationShownProperty());

        Menu menu = new Menu("_Replay");
        menu.getItems().addAll(
                item("_Play or pause", "playPauseItem", "Shortcut+P", replay::togglePlay),
                item("_Next step", "stepForwardItem", "Shortcut+Right", replay::stepForward),
                item("Pre_vious step", "stepBackItem", "Shortcut+Left", replay::stepBack),
                item("_Restart", "restartItem", "Shortcut+R", replay::restart),
                new SeparatorMenuItem(),
                item("_Faster", "fasterItem", "Shortcut+Equals", replay::faster),
                item("_Slower", "slowerItem", "Shortcut+Minus", replay::slower),
                item("_Instant", "instantItem", "Shortcut+I", () -> replay.speedProperty().set(ReplaySpeed.INSTANT)),
                item("Teaching _pace (1x)", "normalSpeedItem", "Shortcut+0",
                        () -> replay.speedProperty().set(ReplaySpeed.NORMAL)),
                new SeparatorMenuItem(),
                autoPlay,
                narration);
        return menu;
    }

    private static Menu display(MainViewModel model) {
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = themeItem("_Light theme", "lightThemeItem", "Shortcut+Shift+L", Theme.LIGHT, model, themes);
        RadioMenuItem dark = themeItem("_Dark theme", "darkThemeItem", "Shortcut+Shift+D", Theme.DARK, model, themes);
        CheckMenuItem presenter = new CheckMenuItem("_Presenter mode");
        presenter.setId("presenterItem");
        presenter.setAccelerator(KeyCombination.keyCombination("F11"));
        presenter.selectedProperty().bindBidirectional(model.presenterModeProperty());

        Menu menu = new Menu("_View");
        menu.getItems().addAll(light, dark, new SeparatorMenuItem(), presenter);
        return menu;
    }

    private static RadioMenuItem themeItem(String text, String id, String accelerator, Theme theme, MainViewModel model,
                                           ToggleGroup group) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setId(id);
        item.setToggleGroup(group);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setSelected(model.themeProperty().get() == theme);
        item.setOnAction(event -> model.themeProperty().set(theme));
        model.themeProperty().addListener((observable, before, after) -> item.setSelected(after == theme));
        return item;
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(event -> action.run());
        return item;
    }
}
