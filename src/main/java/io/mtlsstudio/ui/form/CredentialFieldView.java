package io.mtlsstudio.ui.form;

import io.mtlsstudio.pki.CheckStatus;
import io.mtlsstudio.ui.StatusIcon;
import io.mtlsstudio.ui.findings.FileMarkView;
import io.mtlsstudio.ui.findings.PasswordDialog;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file field: its label, the path as editable text, a button that opens a file chooser, and
 * the state mark with its message. Files can also be dropped onto the whole field. The path is
 * checked when the user presses Enter, leaves the field, chooses or drops a file.
 */
public final class CredentialFieldView extends VBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final CredentialFieldModel model;
    private final TextField pathField = new TextField();
    private final Button browse = new Button("Browse…");
    private final StatusIcon stateIcon = new StatusIcon();
    private final Label message = new Label();
    private final FileMarkView mark;

    /** @param idPrefix prefix of the CSS ids: {@code <prefix>Path}, {@code <prefix>Browse}, {@code <prefix>Message} */
    public CredentialFieldView(CredentialFieldModel model, String idPrefix) {
        this.model = model;
        this.mark = new FileMarkView(model, idPrefix);
        model.setPasswordPrompt(new PasswordDialog(this));
        createView(idPrefix);
        initListeners();
    }

    /** Opens a file chooser for this field, starting in the folder of the current path when there is one. */
    public void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the " + model.kind().label().toLowerCase());
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Certificates and keys", "*.crt", "*.pem", "*.cer", "*.der", "*.key"),
                new FileChooser.ExtensionFilter("All files", "*"));
        folderOfCurrentPath().ifPresent(chooser::setInitialDirectory);
        Window owner = getScene() == null ? null : getScene().getWindow();
        model.choose(chooser.showOpenDialog(owner));
    }

    public TextField pathField() {
        return pathField;
    }

    /** Returns the mark line under the path: the mark word, the findings link and the password button. */
    public FileMarkView markView() {
        return mark;
    }

    private void createView(String idPrefix) {
        getStyleClass().add("credential-field");
        Label label = new Label(model.kind().label());
        label.getStyleClass().add("field-label");
        label.setLabelFor(pathField);

        pathField.setId(idPrefix + "Path");
        pathField.setPromptText("path, or drop a file here");
        pathField.getStyleClass().add("path-field");
        pathField.textProperty().bindBidirectional(model.pathProperty());
        Tooltip fullPath = new Tooltip();
        fullPath.textProperty().bind(model.pathProperty());
        pathField.setTooltip(fullPath);
        HBox.setHgrow(pathField, Priority.ALWAYS);
        browse.setId(idPrefix + "Browse");
        browse.setTooltip(new Tooltip("Choose the " + model.kind().label().toLowerCase() + " file"));
        browse.setOnAction(event -> choose());
        HBox row = new HBox(6, pathField, browse);
        row.setAlignment(Pos.CENTER_LEFT);

        message.setId(idPrefix + "Message");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        stateIcon.setId(idPrefix + "State");
        HBox status = new HBox(6, stateIcon, new VBox(1, mark, message));
        status.setAlignment(Pos.TOP_LEFT);

        getChildren().addAll(label, row, status);
        setSpacing(3);
        showState(model.state());
    }

    private void initListeners() {
        pathField.setOnAction(event -> model.inspect());
        pathField.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                model.inspectIfChanged();
                showFileName();
            }
        });
        model.stateProperty().addListener((observable, before, state) -> {
            showState(state);
            showFileName();
        });
        model.markProperty().addListener((observable, before, after) -> showState(model.state()));
        // A long path shows its end, the file name, unless the user is editing it.
        model.pathProperty().addListener((observable, before, after) -> showFileName());
        pathField.widthProperty().addListener((observable, before, after) -> showFileName());
        // The text field's behaviour moves the caret of an unfocused field to 0 whenever the focus
        // owner of the scene changes, which would scroll the file name out of view.
        sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((owner, was, now) -> showFileName());
            }
        });

        setOnDragOver(this::acceptFiles);
        setOnDragEntered(event -> {
            if (event.getDragboard().hasFiles()) {
                getStyleClass().add("drop-target");
            }
        });
        setOnDragExited(event -> getStyleClass().remove("drop-target"));
        setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles() && model.acceptDrop(event.getDragboard().getFiles());
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    private void showFileName() {
        if (!pathField.isFocused()) {
            // The skin scrolls to the caret on its next layout, so move the caret after this change.
            Platform.runLater(() -> {
                pathField.positionCaret(pathField.getLength());
                pathField.deselect();
            });
        }
    }

    private void acceptFiles(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
        }
        event.consume();
    }

    /** Returns the icon of a file that loaded: the engine's check can still have found a warning or an error. */
    private static String validIcon(CheckStatus checked) {
        if (checked == CheckStatus.WARNING) {
            return "warning";
        }
        if (checked == CheckStatus.ERROR) {
            return "failed";
        }
        return "passed";
    }

    private void showState(CredentialFieldModel.State state) {
        CheckStatus checked = model.mark();
        stateIcon.show(switch (state) {
            case EMPTY -> "info";
            case CHECKING -> "checking";
            case VALID -> validIcon(checked);
            case INVALID -> "failed";
        });
        pathField.pseudoClassStateChanged(INVALID,
                state == CredentialFieldModel.State.INVALID);
        message.getStyleClass().removeAll("message-valid", "message-invalid");
        if (state == CredentialFieldModel.State.VALID) {
            message.getStyleClass().add("message-valid");
        } else if (state == CredentialFieldModel.State.INVALID) {
            message.getStyleClass().add("message-invalid");
        }
        message.setAccessibleText(model.kind().label() + ": " + (checked == null ? state : checked) + ". " + message.getText());
    }

    private Optional<File> folderOfCurrentPath() {
        try {
            return model.toOptionalPath()
                    .map(Path::toAbsolutePath)
                    .map(Path::getParent)
                    .map(Path::toFile)
                    .filter(File::isDirectory);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
