package io.mtlsstudio.ui.findings;

import io.mtlsstudio.pki.PasswordRequest;
import io.mtlsstudio.ui.StatusIcon;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * The dialog that asks for the password of an encrypted key or keystore. The answer leaves the
 * dialog as a {@code char[]} copied from the field's characters, and the field is cleared at once.
 */
public final class PasswordDialog implements PasswordPrompt {

    private final Node owner;

    /** @param owner a node of the window the dialog belongs to */
    public PasswordDialog(Node owner) {
        this.owner = owner;
    }

    @Override
    public char[] ask(PasswordRequest request, String problem) {
        Dialog<ButtonType> dialog = new Dialog<>();
        Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        if (window != null) {
            dialog.initOwner(window);
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setTitle("Password for " + request.file().getFileName());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content(request, problem, dialog));
        dialog.getDialogPane().setId("passwordDialog");
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setId("passwordOk");
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setId("passwordCancel");

        PasswordField field = (PasswordField) dialog.getDialogPane().lookup("#passwordField");
        Platform.runLater(field::requestFocus);
        Optional<ButtonType> pressed = dialog.showAndWait();
        char[] password = null;
        if (pressed.isPresent() && pressed.get() == ButtonType.OK) {
            password = copy(field.getCharacters());
        }
        field.clear();
        return password;
    }

    private static VBox content(PasswordRequest request, String problem, Dialog<ButtonType> dialog) {
        String entry = request.alias() == null ? "" : " (entry \"" + request.alias() + "\")";
        Label what = new Label("The " + request.target().label() + entry + " in " + request.file() + " is encrypted"
                + (request.encryption().isBlank() ? "." : " with " + request.encryption() + "."));
        what.setWrapText(true);
        Label hint = new Label("The password is used in memory to read the file and to connect. It is never saved or logged.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");

        PasswordField field = new PasswordField();
        field.setId("passwordField");
        field.setPromptText("password");
        Label label = new Label("Password");
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);

        VBox box = new VBox(8, what, label, field, hint);
        if (!problem.isBlank()) {
            Label wrong = new Label(problem);
            wrong.setId("passwordProblem");
            wrong.setWrapText(true);
            wrong.getStyleClass().addAll("field-message", "message-invalid");
            HBox row = new HBox(6, new StatusIcon("failed"), wrong);
            row.setAlignment(Pos.TOP_LEFT);
            box.getChildren().add(1, row);
        }
        box.setPrefWidth(460);
        box.getStyleClass().add("password-dialog");
        dialog.setHeaderText(problem.isBlank() ? "Enter the password" : "Wrong password: try again");
        return box;
    }

    /** Copies the characters without going through a String. */
    private static char[] copy(CharSequence characters) {
        char[] password = new char[characters.length()];
        for (int i = 0; i < password.length; i++) {
            password[i] = characters.charAt(i);
        }
        return password;
    }
}
