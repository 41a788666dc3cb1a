package io.mtlsstudio.ui.run;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Every probe event of the run as one line, newest last, followed as lines arrive. */
public final class LogView extends ListView<String> {

    public LogView(ObservableList<String> lines) {
        super(lines);
        setId("logList");
        getStyleClass().add("log");
        setPlaceholder(new Label("The events of the next run appear here."));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);

        MenuItem copySelected = new MenuItem("Copy selected lines");
        copySelected.setOnAction(event -> copy(String.join("\n", getSelectionModel().getSelectedItems())));
        MenuItem copyAll = new MenuItem("Copy the whole log");
        copyAll.setOnAction(event -> copy(String.join("\n", getItems())));
        setContextMenu(new ContextMenu(copySelected, copyAll));

        lines.addListener((ListChangeListener<String>) change -> {
            if (!lines.isEmpty()) {
                scrollTo(lines.size() - 1);
            }
        });
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
