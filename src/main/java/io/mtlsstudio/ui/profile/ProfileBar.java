package io.mtlsstudio.ui.profile;

import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * The profile picker above the connection form: a list of saved profiles, which fills the form
 * when one is chosen, and Save, Save as and Delete. It binds to a {@link ProfileViewModel}.
 */
public final class ProfileBar extends VBox {

    private static final String STYLESHEET = "/io/mtlsstudio/ui/tools.css";

    private final ProfileViewModel model;

    public ProfileBar(ProfileViewModel model) {
        this.model = model;
        setId("profileBar");
        getStyleClass().add("profile-bar");
        getStylesheets().add(ProfileBar.class.getResource(STYLESHEET).toExternalForm());
        setSpacing(4);
        createView();
        model.load();
    }

    private void createView() {
        ComboBox<String> choice = new ComboBox<>(model.names());
        choice.setId("profileChoice");
        choice.setPromptText("No profile");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setMinWidth(80);
        choice.valueProperty().bindBidirectional(model.selectedProperty());
        choice.setTooltip(new Tooltip("Saved connections: choosing one fills the form. Passwords are never saved."));
        HBox.setHgrow(choice, Priority.ALWAYS);

        Button save = new Button("Save");
        save.setId("profileSave");
        save.setTooltip(new Tooltip("Save the form under the chosen profile's name"));
        save.setOnAction(event -> {
            if (!model.save()) {
                saveAs();
            }
        });
        Button saveAs = new Button("Save as…");
        saveAs.setId("profileSaveAs");
        saveAs.setOnAction(event -> saveAs());
        Button delete = new Button("Delete");
        delete.setId("profileDelete");
        delete.disableProperty().bind(model.currentProperty().isEmpty());
        delete.setOnAction(event -> delete());

        Label label = new Label("Profile");
        label.getStyleClass().add("field-label");
        label.setLabelFor(choice);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, label, choice);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Button button : new Button[] {save, saveAs, delete}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.getStyleClass().add("small-button");
        }
        HBox actions = new HBox(6, save, saveAs, delete);
        actions.setAlignment(Pos.CENTER_RIGHT);

        Label message = new Label();
        message.setId("profileMessage");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        getChildren().addAll(row, actions, message);
    }

    private void saveAs() {
        TextInputDialog dialog = new TextInputDialog(model.currentProperty().get());
        dialog.initOwner(window());
        dialog.setTitle("Save profile");
        dialog.setHeaderText("Save the connection form as a profile. Passwords are never saved.");
        dialog.setContentText("Name");
        dialog.getDialogPane().setId("profileNameDialog");
        dialog.getEditor().setId("profileNameField");
        Optional<String> name = dialog.showAndWait().map(String::strip).filter(text -> !text.isEmpty());
        if (name.isEmpty()) {
            return;
        }
        if (model.exists(name.get()) && !name.get().equals(model.currentProperty().get())
                && !confirm("profileReplaceDialog", "Replace profile?", "A profile named \"" + name.get() + "\" exists.",
                "Replace it with the connection form?", "Replace")) {
            return;
        }
        model.saveAs(name.get());
    }

    private void delete() {
        String name = model.currentProperty().get();
        if (confirm("profileDeleteDialog", "Delete profile?", "Delete the profile \"" + name + "\"?",
                "The connection form keeps its values.", "Delete")) {
            model.delete(name);
        }
    }

    private boolean confirm(String id, String title, String header, String content, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, content, yes, ButtonType.CANCEL);
        alert.initOwner(window());
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setId(id);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
