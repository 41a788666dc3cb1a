package io.mtlsstudio.ui.export;

import io.mtlsstudio.cadence.export.Export;
import io.mtlsstudio.cadence.export.ExportFormat;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The export tab: server settings for the TLS YAML, then one sub-tab per export with the text in
 * a read-only monospace area, a Copy button and a Save action. It binds to an {@link ExportViewModel}.
 */
public final class ExportView extends VBox {

    private static final String STYLESHEET = "/io/mtlsstudio/ui/tools.css";

    private final ExportViewModel model;
    private final TabPane formats = new TabPane();
    private BiFunction<Window, Export, File> saveChooser = this::chooseSaveFile;
    private Function<Window, File> serverFileChooser = ExportView::chooseServerFile;

    public ExportView(ExportViewModel model) {
        this.model = model;
        setId("exportView");
        getStyleClass().addAll("tool-pane", "export-view");
        getStylesheets().add(ExportView.class.getResource(STYLESHEET).toExternalForm());
        setSpacing(8);
        createView();
        model.loadLastFolder();
    }

    /** Returns the "Export" tab with this view over {@code model}. */
    public static Tab tab(ExportViewModel model) {
        Tab tab = new Tab("Export", new ExportView(model));
        tab.setId("exportTab");
        return tab;
    }

    /** Replaces the save dialog, for tests: the function gets the owner window and the export, and returns the file or null. */
    public void setSaveChooser(BiFunction<Window, Export, File> chooser) {
        saveChooser = chooser;
    }

    /** Replaces the dialog of the server settings' Browse buttons, for tests. */
    public void setServerFileChooser(Function<Window, File> chooser) {
        serverFileChooser = chooser;
    }

    /** Returns the sub-tabs, one per export format. */
    public TabPane formats() {
        return formats;
    }

    private void createView() {
        Label title = new Label("Export");
        title.getStyleClass().add("section-title");
        Label client = new Label();
        client.setId("exportClientSummary");
        client.getStyleClass().add("hint");
        client.setWrapText(true);
        client.setMinHeight(Region.USE_PREF_SIZE);
        client.textProperty().bind(model.clientSummaryProperty());

        for (ExportFormat format : ExportFormat.values()) {
            Tab tab = new Tab(format.title(), createFormat(format));
            tab.setId("exportFormat-" + format.name());
            formats.getTabs().add(tab);
        }
        formats.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        formats.setId("exportFormats");
        VBox.setVgrow(formats, Priority.ALWAYS);

        Label saved = new Label();
        saved.setId("exportSaveMessage");
        saved.getStyleClass().add("hint");
        saved.setWrapText(true);
        saved.setMinHeight(Region.USE_PREF_SIZE);
        saved.textProperty().bind(model.saveMessageProperty());
        saved.visibleProperty().bind(model.saveMessageProperty().isNotEmpty());
        saved.managedProperty().bind(saved.visibleProperty());

        getChildren().addAll(title, client, createServerSettings(), formats, saved);
    }

    private TitledPane createServerSettings() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(5);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, new ColumnConstraints());
        addFileRow(grid, 0, "Frontend certificate", "exportServerCertificate", model.serverCertificateProperty(), false);
        addFileRow(grid, 1, "Frontend key", "exportServerKey", model.serverKeyProperty(), false);
        addFileRow(grid, 2, "CA files", "exportServerCa", model.serverCaFilesProperty(), true);

        CheckBox clientAuth = new CheckBox("requireClientAuth");
        clientAuth.setId("exportRequireClientAuth");
        clientAuth.selectedProperty().bindBidirectional(model.requireClientAuthProperty());
        CheckBox hostVerification = new CheckBox("enableHostVerification");
        hostVerification.setId("exportHostVerification");
        hostVerification.selectedProperty().bindBidirectional(model.enableHostVerificationProperty());
        hostVerification.setTooltip(new Tooltip("Off makes Go skip every check of the peer's certificate, chain included, "
                + "wherever Cadence dials with this block."));
        Button fromConfig = new Button("Take from the Cadence config tab");
        fromConfig.setId("exportFromConfig");
        fromConfig.disableProperty().bind(Bindings.createBooleanBinding(() -> model.loadedConfigProperty().getValue() == null,
                model.loadedConfigProperty()));
        fromConfig.setOnAction(event -> model.useConfigFrontend());
        HBox options = new HBox(12, clientAuth, hostVerification, fromConfig);
        options.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(6, grid, options);
        content.getStyleClass().add("server-settings");
        TitledPane pane = new TitledPane("Server settings for the TLS YAML", content);
        pane.setId("exportServerSettings");
        pane.setExpanded(true);
        return pane;
    }

    /** Adds a path field with a Browse button; for a list, a chosen file is appended to the entries. */
    private void addFileRow(GridPane grid, int row, String label, String id, StringProperty property, boolean list) {
        TextField field = new TextField();
        field.setId(id + "Field");
        field.textProperty().bindBidirectional(property);
        field.setPromptText(list ? "ca.crt; separate several with " + File.pathSeparator : "path");
        Button browse = new Button("Browse…");
        browse.setId(id + "Browse");
        browse.setOnAction(event -> {
            File chosen = serverFileChooser.apply(window());
            if (chosen != null) {
                boolean append = list && !property.get().isBlank();
                property.set(append ? property.get() + File.pathSeparator + chosen.getAbsolutePath() : chosen.getAbsolutePath());
            }
        });
        Label name = new Label(label);
        name.getStyleClass().add("field-label");
        name.setLabelFor(field);
        grid.addRow(row, name, field, browse);
    }

    private VBox createFormat(ExportFormat format) {
        Button copy = new Button("Copy");
        copy.setId("exportCopy-" + format.name());
        copy.disableProperty().bind(model.textProperty(format).isEmpty());
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.text(format));
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button save = new Button("Save…");
        save.setId("exportSave-" + format.name());
        save.disableProperty().bind(model.textProperty(format).isEmpty());
        save.setOnAction(event -> save(format));
        Label fileName = new Label("suggested file: " + format.fileName());
        fileName.getStyleClass().add("hint");
        HBox actions = new HBox(6, copy, save, fileName);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("exportProblem-" + format.name());
        problem.getStyleClass().addAll("field-message", "message-invalid");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(model.problemProperty(format));
        problem.visibleProperty().bind(model.problemProperty(format).isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        TextArea text = new TextArea();
        text.setId("exportText-" + format.name());
        text.setEditable(false);
        text.getStyleClass().add("export-text");
        text.textProperty().bind(model.textProperty(format));
        VBox.setVgrow(text, Priority.ALWAYS);

        VBox box = new VBox(6, actions, problem, text);
        box.getStyleClass().add("detail-content");
        return box;
    }

    private void save(ExportFormat format) {
        Export export = model.export(format).orElse(null);
        if (export == null) {
            return;
        }
        File chosen = saveChooser.apply(window(), export);
        if (chosen == null) {
            return;
        }
        model.save(format, chosen.toPath(), false, outcome -> {
            if (outcome.needsConfirmation() && confirmOverwrite(outcome.existing())) {
                model.save(format, chosen.toPath(), true, confirmed -> {
                });
            }
        });
    }

    private boolean confirmOverwrite(List<Path> existing) {
        ButtonType overwrite = new ButtonType("Overwrite", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", overwrite, ButtonType.CANCEL);
        alert.initOwner(window());
        alert.setTitle("Overwrite files?");
        alert.setHeaderText("The export also writes files that already exist:");
        alert.setContentText(existing.stream().map(Path::toString).collect(Collectors.joining("\n"))
                + "\n\nOverwrite them?");
        alert.getDialogPane().setId("exportOverwriteDialog");
        return alert.showAndWait().filter(overwrite::equals).isPresent();
    }

    private File chooseSaveFile(Window owner, Export export) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + export.format().title());
        chooser.setInitialFileName(export.fileName());
        Path folder = model.lastFolderProperty().get();
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser.showSaveDialog(owner);
    }

    private static File chooseServerFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a server certificate, key or CA file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Certificates and keys", "*.crt", "*.pem", "*.cer", "*.key"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser.showOpenDialog(owner);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
