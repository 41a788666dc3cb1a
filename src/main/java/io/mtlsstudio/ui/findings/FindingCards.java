package io.mtlsstudio.ui.findings;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.ui.StatusIcon;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A finding as a card: severity icon and word, code, message, the file it concerns, and the fix
 * with buttons that copy the whole finding or the fix alone.
 */
public final class FindingCards {

    private FindingCards() {
    }

    /** Builds the card; its id is {@code <idPrefix>-<CODE>}. */
    public static VBox card(Finding finding, String idPrefix) {
        Label code = new Label(finding.code());
        code.getStyleClass().add("finding-code");
        Label severity = new Label(finding.severity().name() + (finding.step() == null ? "" : " at " + finding.step()));
        severity.getStyleClass().add("finding-severity");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.getStyleClass().add("small-button");
        copy.setTooltip(new Tooltip("Copy the code, message and fix"));
        copy.setOnAction(event -> copy(copyText(finding)));
        HBox head = new HBox(6, new StatusIcon(iconOf(finding)), code, severity, spacer, copy);
        head.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(4, head, wrapped(finding.message()));
        if (!finding.subject().isBlank()) {
            Label subject = wrapped("Concerns: " + finding.subject());
            subject.getStyleClass().add("hint");
            card.getChildren().add(subject);
        }
        if (!finding.fix().isBlank()) {
            card.getChildren().add(fixRow(finding, idPrefix));
        }
        card.getStyleClass().add("finding-card");
        card.setId(idPrefix + "-" + finding.code());
        return card;
    }

    /** Returns the text that Copy puts on the clipboard: code, severity, file, message and fix. */
    public static String copyText(Finding finding) {
        StringBuilder text = new StringBuilder(finding.code()).append(" (").append(finding.severity()).append(')');
        if (!finding.subject().isBlank()) {
            text.append(", ").append(finding.subject());
        }
        text.append('\n').append(finding.message());
        if (!finding.fix().isBlank()) {
            text.append("\nFix: ").append(finding.fix());
        }
        return text.toString();
    }

    /** Returns the icon kind for a finding's severity: failed, warning or info. */
    public static String iconOf(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> "failed";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static HBox fixRow(Finding finding, String idPrefix) {
        Label title = new Label("Fix");
        title.getStyleClass().add("fix-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label fix = wrapped(finding.fix());
        fix.getStyleClass().add("fix-command");
        fix.setId(idPrefix + "-" + finding.code() + "-fix");
        HBox.setHgrow(fix, Priority.ALWAYS);
        fix.setMaxWidth(Double.MAX_VALUE);
        Button copyFix = new Button("Copy fix");
        copyFix.getStyleClass().add("small-button");
        copyFix.setMinWidth(Region.USE_PREF_SIZE);
        copyFix.setOnAction(event -> copy(finding.fix()));
        HBox row = new HBox(6, title, fix, copyFix);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("fix-row");
        return row;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
