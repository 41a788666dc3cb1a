package io.mtlsstudio.ui.generate;

import io.mtlsstudio.pki.TestPki;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The test PKI generator: output folder, key type, validity, the frontend's subjectAltName
 * entries, the broken variants, the files a run writes, and Generate. It binds to a
 * {@link GeneratorViewModel} and requests a confirmation before replacing existing files.
 */
public final class GeneratorView extends VBox {

    private static final String STYLESHEET = "/io/mtlsstudio/ui/tools.css";
    /** Existing files listed by name in the overwrite question; the rest are counted. */
    private static final int LISTED_FILES = 8;

    private final GeneratorViewModel model;
    private final Button close = new Button("Close");
    private Function<Window, File> folderChooser = GeneratorView::chooseFolder;

    public GeneratorView(GeneratorViewModel model) {
        this.model = model;
        setId("generatorView");
        getStyleClass().add("generator");
        getStylesheets().add(GeneratorView.class.getResource(STYLESHEET).toExternalForm());
        setSpacing(10);
        createView();
        model.suggestOutDirectory();
    }

    /** Opens the generator in a window of its own, owned by {@code owner}, and returns it. */
    public static Stage open(Window owner, GeneratorViewModel model) {
        GeneratorView view = new GeneratorView(model);
        Stage stage = new Stage();
        stage.setTitle("Generate test PKI");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(view, 640, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        view.close.setOnAction(event -> stage.close());
        stage.setOnShown(event -> view.lookup("#generatorRun").requestFocus());
        stage.show();
        return stage;
    }

    /** Replaces the folder dialog, for tests: the function gets the owner window and returns the folder or null. */
    public void setFolderChooser(Function<Window, File> chooser) {
        folderChooser = chooser;
    }

    private void createView() {
        Label title = new Label("Generate a test PKI");
        title.getStyleClass().add("section-title");
        Label intro = wrapped("A root CA, a frontend certificate and a client certificate for a Cadence frontend, written as PEM "
                + "files with a README.md that names each file and its purpose. Keys are readable by their owner only.");
        intro.getStyleClass().add("hint");

        Label problem = wrapped("");
        problem.setId("generatorProblem");
        problem.getStyleClass().addAll("field-message", "message-invalid");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        getChildren().addAll(title, intro, createOptions(), problem, createPlan(), createRunRow());
    }

    private GridPane createOptions() {
        TextField out = new TextField();
        out.setId("generatorOutField");
        out.textProperty().bindBidirectional(model.outDirectoryProperty());
        Button browse = new Button("Browse…");
        browse.setId("generatorBrowse");
        browse.setOnAction(event -> {
            File chosen = folderChooser.apply(window());
            if (chosen != null) {
                model.outDirectoryProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox.setHgrow(out, Priority.ALWAYS);
        HBox outRow = new HBox(6, out, browse);

        ComboBox<TestPki.KeyType> keyType = new ComboBox<>();
        keyType.setId("generatorKeyType");
        keyType.getItems().addAll(TestPki.KeyType.RSA_2048, TestPki.KeyType.RSA_3072, TestPki.KeyType.EC_P256, TestPki.KeyType.EC_P384);
        keyType.setButtonCell(new KeyTypeCell());
        keyType.setCellFactory(list -> new KeyTypeCell());
        keyType.valueProperty().bindBidirectional(model.keyTypeProperty());
        keyType.setPrefWidth(130);
        keyType.setMinWidth(Region.USE_PREF_SIZE);
        Label slowHint = hint("RSA 3072 keys are slow to generate; the run continues in the background.");
        slowHint.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.keyTypeProperty().get() == TestPki.KeyType.RSA_3072, model.keyTypeProperty()));
        slowHint.managedProperty().bind(slowHint.visibleProperty());
        HBox keyRow = new HBox(8, keyType, slowHint);
        keyRow.setAlignment(Pos.CENTER_LEFT);

        TextField days = new TextField();
        days.setId("generatorValidity");
        days.setPrefColumnCount(6);
        days.textProperty().bindBidirectional(model.validityDaysProperty());
        HBox daysRow = new HBox(6, days, hint("days from now"));
        daysRow.setAlignment(Pos.CENTER_LEFT);

        CheckBox broken = new CheckBox("Broken variants for training, under broken/");
        broken.setId("generatorBroken");
        broken.selectedProperty().bindBidirectional(model.brokenVariantsProperty());
        Label brokenHint = hint("Expired, not yet valid, foreign CA, no subjectAltName, serverAuth-only client, PKCS#1 key.");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, fieldLabel("Output folder"), outRow);
        grid.addRow(1, fieldLabel("Key type"), keyRow);
        grid.addRow(2, fieldLabel("Validity"), daysRow);
        Label namesLabel = fieldLabel("Frontend names");
        GridPane.setValignment(namesLabel, VPos.TOP);
        namesLabel.setPadding(new Insets(4, 0, 0, 0));
        grid.addRow(3, namesLabel, createNames());
        grid.add(new VBox(2, broken, brokenHint), 1, 4);
        return grid;
    }

    private VBox createNames() {
        ListView<String> names = new ListView<>(model.frontendNames());
        names.setId("generatorNames");
        names.setPrefHeight(96);
        Button remove = new Button("Remove");
        remove.setId("generatorRemoveName");
        remove.disableProperty().bind(names.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> model.removeName(names.getSelectionModel().getSelectedItem()));

        TextField name = new TextField();
        name.setId("generatorNameField");
        name.setPromptText("DNS name or IP address, such as frontend.example.test");
        HBox.setHgrow(name, Priority.ALWAYS);
        Button add = new Button("Add");
        add.setId("generatorAddName");
        add.disableProperty().bind(name.textProperty().isEmpty());
        Runnable addName = () -> {
            if (model.addName(name.getText())) {
                name.clear();
            }
        };
        add.setOnAction(event -> addName.run());
        name.setOnAction(event -> addName.run());

        HBox listRow = new HBox(6, names, remove);
        HBox.setHgrow(names, Priority.ALWAYS);
        HBox addRow = new HBox(6, name, add);
        Label hint = hint("The frontend certificate's subjectAltName: every name or address clients dial.");
        return new VBox(4, listRow, addRow, hint);
    }

    private VBox createPlan() {
        Label title = new Label();
        title.getStyleClass().add("subsection-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> "Files to write (" + model.plannedFiles().size() + ")",
                model.plannedFiles()));
        ListView<String> files = new ListView<>(model.plannedFiles());
        files.setId("generatorPlanned");
        files.getStyleClass().add("planned-files");
        files.setFocusTraversable(false);
        VBox.setVgrow(files, Priority.ALWAYS);
        VBox box = new VBox(4, title, files);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private VBox createRunRow() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("small-progress");
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label message = wrapped("");
        message.setId("generatorMessage");
        message.textProperty().bind(model.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox status = new HBox(8, progress, message);
        status.setAlignment(Pos.CENTER_LEFT);

        Button generate = new Button("Generate");
        generate.setId("generatorRun");
        generate.getStyleClass().add("accent");
        generate.setDefaultButton(true);
        generate.disableProperty().bind(model.runningProperty().or(model.problemProperty().isNotEmpty()));
        generate.setOnAction(event -> generate());
        Button use = new Button("Use in the connection form");
        use.setId("generatorUseInForm");
        use.disableProperty().bind(model.resultProperty().isNull());
        use.setOnAction(event -> model.useInConnectionForm());
        close.setId("generatorClose");
        close.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, generate, use, spacer, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, status, buttons);
    }

    private void generate() {
        model.generate(false, outcome -> {
            if (outcome.needsConfirmation() && confirmOverwrite(outcome.existing())) {
                model.generate(true, confirmed -> {
                });
            }
        });
    }

    private boolean confirmOverwrite(List<Path> existing) {
        Path folder = Path.of(model.outDirectoryProperty().get().strip()).toAbsolutePath();
        String listed = existing.stream().limit(LISTED_FILES)
                .map(file -> file.startsWith(folder) ? folder.relativize(file).toString() : file.toString())
                .collect(Collectors.joining("\n"));
        if (existing.size() > LISTED_FILES) {
            listed += "\n… and " + (existing.size() - LISTED_FILES) + " more";
        }
        ButtonType overwrite = new ButtonType("Overwrite", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", overwrite, ButtonType.CANCEL);
        alert.initOwner(window());
        alert.setTitle("Overwrite files?");
        alert.setHeaderText(existing.size() + " of the files to write already exist in " + folder + ":");
        alert.getDialogPane().setMinWidth(480);
        alert.setContentText(listed + "\n\nOverwrite them? The old keys and certificates are lost.");
        alert.getDialogPane().setId("generatorOverwriteDialog");
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(overwrite)).setDefaultButton(false);
        return alert.showAndWait().filter(overwrite::equals).isPresent();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static File chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the output folder");
        return chooser.showDialog(owner);
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static Label hint(String text) {
        Label label = wrapped(text);
        label.getStyleClass().add("hint");
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** Shows a key type by its display name. */
    private static final class KeyTypeCell extends ListCell<TestPki.KeyType> {
        @Override
        protected void updateItem(TestPki.KeyType type, boolean empty) {
            super.updateItem(type, empty);
            setText(empty || type == null ? null : GeneratorViewModel.label(type));
        }
    }
}
