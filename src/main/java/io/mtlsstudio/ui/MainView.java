package io.mtlsstudio.ui;

import io.mtlsstudio.ui.chain.ChainView;
import io.mtlsstudio.ui.config.ConfigView;
import io.mtlsstudio.ui.export.DiagramImage;
import io.mtlsstudio.ui.export.ExportView;
import io.mtlsstudio.ui.findings.FileFindingsView;
import io.mtlsstudio.ui.form.ConnectionView;
import io.mtlsstudio.ui.form.CredentialFieldView;
import io.mtlsstudio.ui.generate.GeneratorView;
import io.mtlsstudio.ui.profile.ProfileBar;
import io.mtlsstudio.ui.profile.RecentFilesMenus;
import io.mtlsstudio.ui.replay.ReplayView;
import io.mtlsstudio.ui.run.FindingsView;
import io.mtlsstudio.ui.run.LogView;
import io.mtlsstudio.ui.run.ResultKind;
import io.mtlsstudio.ui.run.RunViewModel;
import io.mtlsstudio.ui.run.StepDetailView;
import io.mtlsstudio.ui.run.TimelineView;
import io.mtlsstudio.ui.scenario.ScenarioView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;

import java.util.List;

/**
 * The main window's content: menus on top, the connection form on the left, the timeline in
 * the centre, the detail tabs on the right, and the result line and status bar at the bottom.
 */
public final class MainView extends BorderPane {

    private static final String PRESENTER = "presenter";

    /**
     * Divider position of the work area while the Scenarios, Cadence config or Export tab is
     * selected. Their tables and texts need the whole width, and the timeline returns with "Open in
     * timeline" or any other tab.
     */
    private static final double WIDE_TABS_DIVIDER = 0.0;

    private final MainViewModel model;
    private final ConnectionView form;
    private final TabPane tabs = new TabPane();
    private final SplitPane workArea = new SplitPane();
    private final MenuBar menuBar;
    private final VBox formPane;
    private final VBox sidePane;
    private final ReplayView replayView;
    private final StepDetailView stepDetail;
    private final EventHandler<KeyEvent> presenterKeys = this::presenterKey;

    public MainView(MainViewModel model) {
        this.model = model;
        this.form = new ConnectionView(model.connection());
        this.replayView = new ReplayView(model.replay(), model.selectedStepProperty());
        this.stepDetail = new StepDetailView(model.selectedStepModelProperty());
        setId("mainView");
        getStyleClass().add("main-view");
        menuBar = MainMenus.create(model, new MainMenus.ViewActions() {
            @Override
            public void openCertificate() {
                form.clientCertificateField().choose();
            }

            @Override
            public void openKey() {
                form.clientKeyField().choose();
            }

            @Override
            public void openCa() {
                form.caField().choose();
            }

            @Override
            public void exportDiagram(double scale) {
                chooseDiagramFile(scale);
            }

            @Override
            public void exportReport() {
                chooseReportFile();
            }
        });
        addGenerateItem();
        setTop(menuBar);
        formPane = createFormPane();
        setLeft(formPane);
        sidePane = createSidePane();
        setCenter(createWorkArea());
        setBottom(createBottom());
        initAppearance();
        addInspectionTabs();
    }

    /** Returns the replay view, whose diagram the PNG export draws. */
    public ReplayView replayView() {
        return replayView;
    }

    public StepDetailView stepDetail() {
        return stepDetail;
    }

    /** Adds a tab after the existing ones; later features (chains, scenarios, configuration) come in here. */
    public void addTab(Tab tab) {
        tabs.getTabs().add(tab);
    }

    public TabPane tabs() {
        return tabs;
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    /** Returns the split between the replay (first item) and the live result with its tabs (second item). */
    public SplitPane workArea() {
        return workArea;
    }

    /** Adds the tabs built on the credential inspection and the scenario table, and links the form's marks to them. */
    private void addInspectionTabs() {
        Tab certificates = new Tab("Certificates", new ChainView(model.chains()));
        certificates.setId("certificatesTab");
        addTab(certificates);
        stepDetail.setOnShowCertificate(certificate -> {
            model.chains().reveal(certificate);
            tabs.getSelectionModel().select(certificates);
        });

        Tab fileChecks = new Tab("File checks", new FileFindingsView(model.fileFindings()));
        fileChecks.setId("fileChecksTab");
        fileChecks.textProperty().bind(Bindings.createStringBinding(
                () -> "File checks (" + model.fileFindings().entries().size() + ")", model.fileFindings().entries()));
        addTab(fileChecks);

        ScenarioView scenarioView = new ScenarioView(model.scenarios());
        Tab scenarios = new Tab("Scenarios", scenarioView);
        scenarios.setId("scenariosTab");
        addTab(scenarios);
        Tab stepDetail = tabs.getTabs().stream().filter(tab -> "stepDetailTab".equals(tab.getId())).findFirst().orElse(null);
        scenarioView.setAfterOpen(() -> tabs.getSelectionModel().select(stepDetail));
        Tab config = ConfigView.tab(model.config());
        addTab(config);
        Tab export = ExportView.tab(model.export());
        addTab(export);
        widenTabsFor(List.of(certificates, scenarios, config, export));

        for (CredentialFieldView field : List.of(form.clientCertificateField(), form.clientKeyField(), form.caField())) {
            field.markView().setOnShowInTab(kind -> {
                model.fileFindings().showField(kind);
                tabs.getSelectionModel().select(fileChecks);
            });
        }
        addTabItems(viewMenu());
        menuBar.getMenus().add(scenarioView.createMenu());
    }

    /** Returns the View menu of the menu bar, created at its end when there is none. */
    private Menu viewMenu() {
        for (Menu menu : menuBar.getMenus()) {
            if ("_View".equals(menu.getText())) {
                return menu;
            }
        }
        Menu view = new Menu("_View");
        menuBar.getMenus().add(view);
        return view;
    }

    /** Adds one item per tab to {@code view}, Shortcut+1 to Shortcut+9, so that tabs cut off by a narrow window stay reachable. */
    private void addTabItems(Menu view) {
        if (!view.getItems().isEmpty()) {
            view.getItems().add(new SeparatorMenuItem());
        }
        for (int i = 0; i < tabs.getTabs().size() && i < 9; i++) {
            Tab tab = tabs.getTabs().get(i);
            MenuItem item = new MenuItem();
            item.setId("view-" + tab.getId());
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (i + 1)));
            item.setOnAction(event -> tabs.getSelectionModel().select(tab));
            item.textProperty().bind(tab.textProperty());
            view.getItems().add(item);
        }
    }

    /** Adds "Generate test PKI…" to the File menu, before the separator above Quit. */
    private void addGenerateItem() {
        Menu file = menuBar.getMenus().get(0);
        MenuItem generate = new MenuItem("_Generate test PKI…");
        generate.setId("generatePkiItem");
        generate.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        generate.setOnAction(event -> GeneratorView.open(getScene().getWindow(), model.generator()));
        int quit = file.getItems().indexOf(file.getItems().stream().filter(item -> "quitItem".equals(item.getId())).findFirst()
                .orElse(null));
        file.getItems().add(quit > 0 ? quit - 1 : file.getItems().size(), generate);
    }

    /**
     * Gives the tabs the whole work area while one of {@code wide} is selected, because their
     * tables and texts are wide: the replay and the live result list step aside. Another tab
     * brings them back, with the user's divider position.
     */
    private void widenTabsFor(List<Tab> wide) {
        double[] narrowPosition = {workArea.getDividerPositions().length > 0 ? workArea.getDividerPositions()[0] : 0.5};
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (workArea.getDividers().isEmpty()) {
                return;
            }
            if (wide.contains(after) && !wide.contains(before)) {
                // The timeline's scroll pane keeps a minimum width for its scroll bar; without this it shows as a sliver.
                if (workArea.getItems().get(0) instanceof Region timeline) {
                    timeline.setMinWidth(0);
                }
                narrowPosition[0] = workArea.getDividers().get(0).getPosition();
                workArea.setDividerPositions(Math.min(narrowPosition[0], WIDE_TABS_DIVIDER));
                showLiveResult(false);
            } else if (wide.contains(before) && !wide.contains(after)) {
                workArea.setDividerPositions(narrowPosition[0]);
                showLiveResult(true);
            }
        });
    }

    /** Shows or hides the live result list above the tabs; a wide tab hides it to give its table the height. */
    private void showLiveResult(boolean shown) {
        Node live = sidePane.getChildren().get(0);
        live.setVisible(shown);
        live.setManaged(shown);
    }

    private VBox createFormPane() {
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("form-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button connect = new Button("Connect");
        connect.setId("connectButton");
        connect.setDefaultButton(false);
        connect.getStyleClass().add("accent");
        connect.setMaxWidth(Double.MAX_VALUE);
        connect.disableProperty().bind(model.busyProperty());
        connect.setOnAction(event -> model.connect());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.disableProperty().bind(model.busyProperty().not());
        cancel.setOnAction(event -> model.cancel());
        HBox.setHgrow(connect, Priority.ALWAYS);
        HBox.setHgrow(cancel, Priority.ALWAYS);
        HBox buttons = new HBox(8, connect, cancel);
        buttons.getStyleClass().add("form-buttons");

        RecentFilesMenus.install(form, menuBar.getMenus().get(0), model.profiles());
        VBox pane = new VBox(new ProfileBar(model.profiles()), scroll, buttons);
        pane.getStyleClass().add("form-pane");
        pane.setPrefWidth(340);
        pane.setMinWidth(300);
        return pane;
    }

    private VBox createSidePane() {
        TimelineView timeline = new TimelineView(model.run().timeline(), model.selectedStepProperty());

        Tab detail = new Tab("Step detail", stepDetail);
        detail.setId("stepDetailTab");
        Tab findings = new Tab("Findings", new FindingsView(model.run().timeline().findings()));
        findings.setId("findingsTab");
        findings.textProperty().bind(Bindings.createStringBinding(
                () -> "Findings (" + model.run().timeline().findings().size() + ")", model.run().timeline().findings()));
        Tab log = new Tab("Log", new LogView(model.run().log()));
        log.setId("logTab");
        tabs.getTabs().addAll(detail, findings, log);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("detailTabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        // Choosing a step, in the diagram or the live list, brings its detail to the front.
        model.selectedStepProperty().addListener((observable, before, after) -> tabs.getSelectionModel().select(detail));

        VBox side = new VBox(timeline, tabs);
        side.getStyleClass().add("side-pane");
        side.setMinWidth(320);
        return side;
    }

    private SplitPane createWorkArea() {
        workArea.getItems().addAll(replayView, sidePane);
        workArea.setOrientation(Orientation.HORIZONTAL);
        workArea.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(sidePane, false);
        return workArea;
    }

    private VBox createBottom() {
        RunViewModel run = model.run();
        StatusIcon icon = new StatusIcon();
        Label text = new Label();
        text.setId("resultText");
        text.setWrapText(true);
        text.textProperty().bind(run.resultTextProperty());
        Label fix = new Label();
        fix.setId("resultFix");
        fix.setWrapText(true);
        fix.getStyleClass().add("fix-text");
        fix.textProperty().bind(Bindings.createStringBinding(
                () -> run.resultFixProperty().get().isEmpty() ? "" : "Fix: " + run.resultFixProperty().get(),
                run.resultFixProperty()));
        fix.visibleProperty().bind(run.resultFixProperty().isNotEmpty());
        fix.managedProperty().bind(fix.visibleProperty());
        Label kind = new Label();
        kind.setId("resultKind");
        kind.getStyleClass().add("result-kind");
        kind.textProperty().bind(Bindings.createStringBinding(() -> label(run.resultKind()), run.resultKindProperty()));
        VBox lines = new VBox(2, text, fix);
        HBox.setHgrow(lines, Priority.ALWAYS);
        HBox result = new HBox(8, icon, kind, lines);
        result.setId("resultBar");
        result.setAlignment(Pos.TOP_LEFT);
        result.getStyleClass().add("result-bar");
        showResultKind(result, icon, run.resultKind());
        run.resultKindProperty().addListener((observable, before, after) -> showResultKind(result, icon, after));

        HBox status = new HBox(14,
                statusItem("Protocol", "statusProtocol", run.protocolProperty()),
                statusItem("Cipher suite", "statusCipherSuite", run.cipherSuiteProperty()),
                statusItem("ALPN", "statusAlpn", run.alpnProperty()),
                statusItem("Health", "statusHealth", run.healthProperty()),
                exportStatus());
        status.setId("statusBar");
        status.getStyleClass().add("status-bar");
        status.setAlignment(Pos.CENTER_LEFT);
        return new VBox(new Separator(), result, status);
    }

    private Label exportStatus() {
        Label export = new Label();
        export.setId("statusExport");
        export.getStyleClass().add("status-export");
        export.textProperty().bind(model.exportMessageProperty());
        return export;
    }

    private void chooseDiagramFile(double scale) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(scale == 1 ? "Export the diagram as PNG" : "Export the diagram as PNG at " + (int) scale + "x");
        chooser.setInitialFileName(scale == 1 ? "mtls-studio-diagram.png" : "mtls-studio-diagram@" + (int) scale + "x.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG images", "*.png"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.exportImage(DiagramImage.draw(replayView.diagram(), scale), file.toPath());
        }
    }

    private void chooseReportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the run as a Markdown report");
        chooser.setInitialFileName("mtls-studio-report.md");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.exportReport(file.toPath());
        }
    }

    private void initAppearance() {
        model.themeProperty().addListener((observable, before, after) -> applyTheme());
        model.presenterModeProperty().addListener((observable, before, on) -> applyPresenterMode(on));
        sceneProperty().addListener((observable, before, scene) -> {
            if (before != null) {
                before.removeEventFilter(KeyEvent.KEY_PRESSED, presenterKeys);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, presenterKeys);
                applyTheme();
                scene.windowProperty().addListener((windowObservable, oldWindow, window) -> followFullScreen(window));
                followFullScreen(scene.getWindow());
            }
        });
    }

    private void applyTheme() {
        Theme theme = model.themeProperty().get();
        getStyleClass().removeIf(name -> name.startsWith("theme-"));
        getStyleClass().add(theme.styleClass());
        if (getScene() != null) {
            getScene().getStylesheets().setAll(MtlsStudioApp.stylesheet("app.css"),
                    MtlsStudioApp.stylesheet(theme.stylesheet()), MtlsStudioApp.stylesheet("inspection.css"),
                    MtlsStudioApp.stylesheet("presenter.css"));
        }
    }

    private void applyPresenterMode(boolean on) {
        if (on) {
            if (!getStyleClass().contains(PRESENTER)) {
                getStyleClass().add(PRESENTER);
            }
            setLeft(null);
            workArea.getItems().remove(sidePane);
        } else {
            getStyleClass().remove(PRESENTER);
            setLeft(formPane);
            if (!workArea.getItems().contains(sidePane)) {
                workArea.getItems().add(sidePane);
                workArea.setDividerPositions(0.62);
            }
        }
        if (getScene() != null && getScene().getWindow() instanceof Stage stage && stage.isFullScreen() != on) {
            stage.setFullScreenExitHint(on ? "Presenter mode: Page Down and Page Up step, Space plays or pauses, "
                    + "Esc or F11 leaves." : "");
            stage.setFullScreen(on);
        }
    }

    /** Leaves presenter mode when the user leaves full screen with Esc. */
    private void followFullScreen(Window window) {
        if (window instanceof Stage stage) {
            stage.fullScreenProperty().addListener((observable, was, fullScreen) -> {
                if (!fullScreen && model.presenterModeProperty().get()) {
                    model.presenterModeProperty().set(false);
                }
            });
        }
    }

    /** Handles the keys of a presentation remote in presenter mode, before any control receives them. */
    private void presenterKey(KeyEvent event) {
        if (!model.presenterModeProperty().get() || event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        switch (event.getCode()) {
            case PAGE_DOWN, RIGHT -> model.replay().stepForward();
            case PAGE_UP, LEFT -> model.replay().stepBack();
            case SPACE -> model.replay().togglePlay();
            case HOME -> model.replay().restart();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private static HBox statusItem(String name, String id, ReadOnlyStringProperty value) {
        Label key = new Label(name + ":");
        key.getStyleClass().add("status-key");
        Label text = new Label();
        text.setId(id);
        text.textProperty().bind(value);
        text.setMinWidth(Region.USE_PREF_SIZE);
        HBox item = new HBox(4, key, text);
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private static String label(ResultKind kind) {
        return switch (kind) {
            case IDLE -> "READY";
            case PREPARING, RUNNING -> "RUNNING";
            case SUCCESS -> "SUCCESS";
            case FAILURE -> "FAILED";
            case CANCELLED -> "CANCELLED";
            case INPUT_ERROR -> "INPUT ERROR";
        };
    }

    private static void showResultKind(HBox bar, StatusIcon icon, ResultKind kind) {
        bar.getStyleClass().removeIf(name -> name.startsWith("result-"));
        bar.getStyleClass().addAll("result-bar", "result-" + kind.name().toLowerCase());
        icon.show(switch (kind) {
            case IDLE -> "info";
            case PREPARING, RUNNING -> "running";
            case SUCCESS -> "passed";
            case FAILURE, INPUT_ERROR -> "failed";
            case CANCELLED -> "skipped";
        });
    }
}
