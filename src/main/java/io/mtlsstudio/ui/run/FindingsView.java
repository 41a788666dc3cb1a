package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.ui.StatusIcon;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The findings of the run: code, severity, step, message and fix. Each has a Copy button, and
 * Ctrl+C copies the selected one.
 */
public final class FindingsView extends ListView<Finding> {

    private static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+C");

    public FindingsView(ObservableList<Finding> findings) {
        super(findings);
        setId("findingsList");
        getStyleClass().add("findings");
        setPlaceholder(new Label("No findings yet. Connect to see what the probe finds."));
        setCellFactory(list -> new FindingCell());
        setOnKeyPressed(event -> {
            if (COPY.match(event) && getSelectionModel().getSelectedItem() != null) {
                copy(getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
    }

    /** Returns the text that Copy puts on the clipboard. */
    public static String copyText(Finding finding) {
        StringBuilder text = new StringBuilder()
                .append(finding.code()).append(" (").append(finding.severity()).append(')');
        if (finding.step() != null) {
            text.append(" at ").append(finding.step());
        }
        if (!finding.subject().isBlank()) {
            text.append(", ").append(finding.subject());
        }
        text.append('\n').append(finding.message());
        if (!finding.fix().isBlank()) {
            text.append("\nFix: ").append(finding.fix());
        }
        return text.toString();
    }

    private static void copy(Finding finding) {
        ClipboardContent content = new ClipboardContent();
        content.putString(copyText(finding));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static final class FindingCell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding finding, boolean empty) {
            super.updateItem(finding, empty);
            setText(null);
            if (empty || finding == null) {
                setGraphic(null);
                return;
            }

            String kind = switch (finding.severity()) {
                case ERROR -> "failed";
                case WARNING -> "warning";
                case INFO -> "info";
            };
            Label code = new Label(finding.code());
            code.getStyleClass().add("finding-code");
            Label severity = new Label(finding.severity().name()
                    + (finding.step() == null ? "" : " at " + finding.step()));
            severity.getStyleClass().add("finding-severity");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button copy = new Button("Copy");
            copy.getStyleClass().add("small-button");
            copy.setOnAction(event -> copy(finding));
            HBox head = new HBox(6, new StatusIcon(kind), code, severity, spacer, copy);
            head.setAlignment(Pos.CENTER_LEFT);

            Label message = wrapped(finding.message());
            VBox box = new VBox(3, head, message);
            if (!finding.subject().isBlank()) {
                Label subject = wrapped("Concerns: " + finding.subject());
                subject.getStyleClass().add("hint");
                box.getChildren().add(subject);
            }
            if (!finding.fix().isBlank()) {
                Label fix = wrapped("Fix: " + finding.fix());
                fix.getStyleClass().add("fix-text");
                box.getChildren().add(fix);
            }
            box.getStyleClass().add("finding-card");
            box.setId("finding-" + finding.code());
            // Wrapped labels need a width bound, or the cell grows to the longest line.
            box.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            setGraphic(box);
        }

        private static Label wrapped(String text) {
            Label label = new Label(text);
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            return label;
        }
    }
}
