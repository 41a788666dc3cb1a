package io.mtlsstudio.ui.config;

import io.mtlsstudio.cadence.config.YamlLocation;
import io.mtlsstudio.ui.StatusIcon;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Cadence config tab, bound to a {@link ConfigViewModel}. It shows the config path, env and
 * zone, every TLS block with every key, its value and where it was written, and the findings. It
 * also starts and stops the embedded frontend served from the frontend block.
 */
public final class ConfigView extends VBox {

    static final String STYLESHEET = "/io/mtlsstudio/ui/tools.css";

    private final ConfigViewModel model;
    private final TreeTableView<SettingRow> blockTable = new TreeTableView<>();
    private Function<Window, File> folderChooser = ConfigView::chooseFolder;
    private Function<Window, File> fileChooser = ConfigView::chooseFile;

    public ConfigView(ConfigViewModel model) {
        this.model = model;
        setId("configView");
        getStyleClass().addAll("tool-pane", "config-view");
        getStylesheets().add(ConfigView.class.getResource(STYLESHEET).toExternalForm());
        setSpacing(8);
        createView();
        model.loadRecentPaths();
    }

    /** Returns the "Cadence config" tab with this view over {@code model}. */
    public static Tab tab(ConfigViewModel model) {
        Tab tab = new Tab("Cadence config", new ConfigView(model));
        tab.setId("configTab");
        return tab;
    }

    /** Replaces the folder dialog, for tests: the function gets the owner window and returns the folder or null. */
    public void setFolderChooser(Function<Window, File> chooser) {
        folderChooser = chooser;
    }

    /** Replaces the file dialog, for tests: the function gets the owner window and returns the file or null. */
    public void setFileChooser(Function<Window, File> chooser) {
        fileChooser = chooser;
    }

    public TreeTableView<SettingRow> blockTable() {
        return blockTable;
    }

    private void createView() {
        Label title = new Label("Cadence server configuration");
        title.getStyleClass().add("section-title");

        SplitPane results = createResults();
        VBox.setVgrow(results, Priority.ALWAYS);
        getChildren().addAll(title, createPathRows(), createSummary(), createError(), createFrontendBox(), results);
    }

    private VBox createPathRows() {
        TextField path = new TextField();
        path.setId("configPathField");
        path.setPromptText("config folder, such as cadence/config, or one YAML file");
        path.textProperty().bindBidirectional(model.pathProperty());
        path.setOnAction(event -> model.load());
        HBox.setHgrow(path, Priority.ALWAYS);

        MenuButton recent = new MenuButton("Recent");
        recent.setId("configRecentButton");
        recent.setTooltip(new Tooltip("Config folders and files opened before"));
        fillRecent(recent);
        model.recentPaths().addListener((ListChangeListener<Path>) change -> fillRecent(recent));
        HBox pathRow = new HBox(6, fieldLabel("Config", path), path, recent);
        pathRow.setAlignment(Pos.CENTER_LEFT);

        Button folder = new Button("Open folder…");
        folder.setId("configOpenFolder");
        folder.setOnAction(event -> model.open(folderChooser.apply(window())));
        Button file = new Button("Open file…");
        file.setId("configOpenFile");
        file.setOnAction(event -> model.open(fileChooser.apply(window())));

        TextField env = new TextField();
        env.setId("configEnvField");
        env.setPrefColumnCount(8);
        env.setPromptText("development");
        env.textProperty().bindBidirectional(model.envProperty());
        env.setOnAction(event -> model.load());
        TextField zone = new TextField();
        zone.setId("configZoneField");
        zone.setPrefColumnCount(4);
        zone.setPromptText("none");
        zone.textProperty().bindBidirectional(model.zoneProperty());
        zone.setOnAction(event -> model.load());

        Button load = new Button("Load");
        load.setId("configLoadButton");
        load.getStyleClass().add("accent");
        load.disableProperty().bind(model.loadingProperty().or(model.pathProperty().isEmpty()));
        load.setOnAction(event -> model.load());
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("small-progress");
        progress.visibleProperty().bind(model.loadingProperty());
        HBox layerRow = new HBox(6, folder, file, new Separator(Orientation.VERTICAL), fieldLabel("Env", env), env,
                fieldLabel("Zone", zone), zone, load, progress);
        layerRow.setAlignment(Pos.CENTER_LEFT);

        Tooltip layering = new Tooltip("The server's --env and --zone: it loads base.yaml, then ENV.yaml, then ENV_ZONE.yaml.");
        env.setTooltip(layering);
        zone.setTooltip(layering);
        return new VBox(6, pathRow, layerRow);
    }

    private Label createSummary() {
        Label summary = new Label();
        summary.setId("configSummary");
        summary.getStyleClass().add("hint");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        return summary;
    }

    private HBox createError() {
        Label message = new Label();
        message.setId("configError");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.errorProperty());
        Label location = new Label();
        location.setId("configErrorLocation");
        location.getStyleClass().add("fix-text");
        location.textProperty().bind(Bindings.createStringBinding(() -> describe(model.errorLocationProperty().get()),
                model.errorLocationProperty()));
        location.visibleProperty().bind(model.errorLocationProperty().isNotNull());
        location.managedProperty().bind(location.visibleProperty());
        VBox lines = new VBox(4, location, message);
        HBox.setHgrow(lines, Priority.ALWAYS);
        HBox box = new HBox(8, new StatusIcon("failed"), lines);
        box.getStyleClass().add("failure-box");
        box.visibleProperty().bind(model.errorProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private VBox createFrontendBox() {
        Button start = new Button("Start embedded frontend from this config");
        start.setId("configStartFrontend");
        start.disableProperty().bind(model.canStartProperty().not());
        start.setOnAction(event -> model.startFrontend());
        Button stop = new Button("Stop");
        stop.setId("configStopFrontend");
        stop.disableProperty().bind(model.frontendStateProperty().isNotEqualTo(ConfigViewModel.FrontendState.RUNNING));
        stop.setOnAction(event -> model.stopFrontend());
        TextField port = new TextField();
        port.setId("configPortField");
        port.setPrefColumnCount(5);
        port.textProperty().bindBidirectional(model.portProperty());
        port.disableProperty().bind(model.frontendStateProperty().isNotEqualTo(ConfigViewModel.FrontendState.STOPPED));
        port.setTooltip(new Tooltip("Port on 127.0.0.1; 0 picks a free one"));

        TextField address = new TextField();
        address.setId("configFrontendAddress");
        address.setEditable(false);
        address.setPrefColumnCount(13);
        address.getStyleClass().add("read-only");
        address.setPromptText("not running");
        address.textProperty().bind(model.frontendAddressProperty());
        Button useAsTarget = new Button("Use as target");
        useAsTarget.setId("configUseAsTarget");
        useAsTarget.setTooltip(new Tooltip("Set the connection form's target to this address"));
        useAsTarget.disableProperty().bind(model.frontendAddressProperty().isEmpty());
        useAsTarget.setOnAction(event -> model.useAsTarget());

        HBox portBox = new HBox(6, fieldLabel("Port", port), port);
        portBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane buttons = new FlowPane(6, 6, start, stop, portBox, address, useAsTarget);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("configFrontendMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.frontendMessageProperty());
        message.visibleProperty().bind(model.frontendMessageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Label event = new Label();
        event.setId("configFrontendEvent");
        event.getStyleClass().add("hint");
        event.setWrapText(true);
        event.setMinHeight(Region.USE_PREF_SIZE);
        event.textProperty().bind(Bindings.createStringBinding(() -> model.lastFrontendEventProperty().get().isEmpty() ? ""
                : "Last: " + model.lastFrontendEventProperty().get(), model.lastFrontendEventProperty()));
        event.visibleProperty().bind(model.lastFrontendEventProperty().isNotEmpty());
        event.managedProperty().bind(event.visibleProperty());

        VBox box = new VBox(4, buttons, message, event);
        box.getStyleClass().add("frontend-box");
        return box;
    }

    private SplitPane createResults() {
        createBlockTable();
        ListView<FindingRow> findings = new ListView<>(model.findings());
        findings.setId("configFindings");
        findings.setPlaceholder(new Label("No findings. Load a configuration to check its TLS blocks."));
        findings.setCellFactory(list -> new FindingCell());
        Label findingsTitle = new Label();
        findingsTitle.getStyleClass().add("subsection-title");
        findingsTitle.setId("configFindingsTitle");
        findingsTitle.textProperty().bind(Bindings.createStringBinding(
                () -> "Findings (" + model.findings().size() + ")", model.findings()));
        VBox.setVgrow(findings, Priority.ALWAYS);
        VBox findingsPane = new VBox(4, findingsTitle, findings);

        Label blocksTitle = new Label("TLS blocks: every key, its value, and where it was written");
        blocksTitle.getStyleClass().add("subsection-title");
        VBox.setVgrow(blockTable, Priority.ALWAYS);
        Label selected = new Label();
        selected.setId("configSelectedSetting");
        selected.getStyleClass().add("finding-where");
        selected.setWrapText(true);
        selected.setMinHeight(Region.USE_PREF_SIZE);
        selected.textProperty().bind(Bindings.createStringBinding(() -> describe(blockTable.getSelectionModel().getSelectedItem()),
                blockTable.getSelectionModel().selectedItemProperty()));
        selected.visibleProperty().bind(selected.textProperty().isNotEmpty());
        selected.managedProperty().bind(selected.visibleProperty());
        VBox blocksPane = new VBox(4, blocksTitle, blockTable, selected);

        SplitPane results = new SplitPane(blocksPane, findingsPane);
        results.setOrientation(Orientation.VERTICAL);
        results.setDividerPositions(0.6);
        return results;
    }

    private void createBlockTable() {
        blockTable.setId("configBlocks");
        blockTable.setShowRoot(false);
        blockTable.setRoot(new TreeItem<>());
        blockTable.setPlaceholder(new Label("No configuration loaded."));
        blockTable.getColumns().addAll(List.of(
                column("Key", 230, SettingRow::key),
                column("Value", 140, SettingRow::value),
                column("Source", 165, SettingRow::source),
                column("File check", 190, SettingRow::check),
                column("Resolved file", 330, SettingRow::resolved)));
        fillBlocks();
        model.blocks().addListener((ListChangeListener<SettingRow>) change -> fillBlocks());
    }

    private void fillBlocks() {
        TreeItem<SettingRow> root = blockTable.getRoot();
        root.getChildren().clear();
        for (SettingRow block : model.blocks()) {
            TreeItem<SettingRow> item = item(block);
            item.setExpanded(true);
            root.getChildren().add(item);
        }
    }

    private static TreeItem<SettingRow> item(SettingRow row) {
        TreeItem<SettingRow> item = new TreeItem<>(row);
        for (SettingRow child : row.children()) {
            TreeItem<SettingRow> childItem = item(child);
            childItem.setExpanded(true);
            item.getChildren().add(childItem);
        }
        return item;
    }

    private static TreeTableColumn<SettingRow, String> column(String title, double width, Function<SettingRow, String> value) {
        TreeTableColumn<SettingRow, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().getValue() == null ? "" : value.apply(cell.getValue().getValue())));
        column.setCellFactory(unused -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
                getStyleClass().removeAll("check-error", "check-warning", "check-valid", "block-row");
                if (!empty && text != null && title.equals("File check")) {
                    if (text.startsWith("ERROR")) {
                        getStyleClass().add("check-error");
                    } else if (text.startsWith("WARNING")) {
                        getStyleClass().add("check-warning");
                    } else if (text.startsWith("VALID")) {
                        getStyleClass().add("check-valid");
                    }
                }
                if (!empty && getTableRow() != null && getTableRow().getTreeItem() != null
                        && getTableRow().getTreeItem().getParent() == getTreeTableView().getRoot()) {
                    getStyleClass().add("block-row");
                }
            }
        });
        return column;
    }

    private void fillRecent(MenuButton button) {
        button.getItems().clear();
        for (Path recent : model.recentPaths()) {
            MenuItem item = new MenuItem(recent.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(event -> model.open(recent.toFile()));
            button.getItems().add(item);
        }
        button.setDisable(button.getItems().isEmpty());
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static Label fieldLabel(String text, TextField field) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return label;
    }

    /** Returns every column of a row in one line, for a selected row whose cells are cut off. */
    private static String describe(TreeItem<SettingRow> item) {
        if (item == null || item.getValue() == null) {
            return "";
        }
        SettingRow row = item.getValue();
        StringBuilder text = new StringBuilder(row.key()).append(": ").append(row.value());
        if (!row.resolved().isEmpty()) {
            text.append(" -> ").append(row.resolved());
        }
        text.append("  [").append(row.source()).append(']');
        if (!row.check().isEmpty()) {
            text.append("  ").append(row.check());
        }
        return text.toString();
    }

    private static String describe(YamlLocation location) {
        return location == null ? "" : "File " + location.file() + ", line " + location.line() + ", column " + location.column();
    }

    private static File chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a Cadence config folder");
        return chooser.showDialog(owner);
    }

    private static File chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Cadence config file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("YAML files", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser.showOpenDialog(owner);
    }

    /** A finding with its code, severity, origin and place, the message, the fix, and a Copy button. */
    private static final class FindingCell extends ListCell<FindingRow> {
        @Override
        protected void updateItem(FindingRow finding, boolean empty) {
            super.updateItem(finding, empty);
            setText(null);
            if (empty || finding == null) {
                setGraphic(null);
                return;
            }

            Label code = new Label(finding.code());
            code.getStyleClass().add("finding-code");
            Label severity = new Label(finding.severity() + " · " + finding.origin().label());
            severity.getStyleClass().add("finding-severity");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button copy = new Button("Copy");
            copy.getStyleClass().add("small-button");
            copy.setOnAction(event -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(finding.copyText());
                Clipboard.getSystemClipboard().setContent(content);
            });
            HBox head = new HBox(6, new StatusIcon(iconOf(finding)), code, severity, spacer, copy);
            head.setAlignment(Pos.CENTER_LEFT);

            VBox box = new VBox(3, head);
            Optional.of(finding.where()).filter(where -> !where.isEmpty()).ifPresent(where -> {
                Label place = wrapped(where);
                place.getStyleClass().add("finding-where");
                box.getChildren().add(place);
            });
            box.getChildren().add(wrapped(finding.message()));
            if (!finding.fix().isEmpty()) {
                Label fix = wrapped("Fix: " + finding.fix());
                fix.getStyleClass().add("fix-text");
                box.getChildren().add(fix);
            }
            box.getStyleClass().add("finding-card");
            box.setId("configFinding-" + finding.code());
            // Wrapped labels need a width bound, or the cell grows to the longest line.
            box.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            setGraphic(box);
        }

        private static String iconOf(FindingRow finding) {
            return switch (finding.severity()) {
                case ERROR -> "failed";
                case WARNING -> "warning";
                case INFO -> "info";
            };
        }

        private static Label wrapped(String text) {
            Label label = new Label(text);
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            return label;
        }
    }
}
