package io.mtlsstudio.ui.findings;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The File checks tab: the findings about the form's files, with a filter by field. */
public final class FileFindingsView extends VBox {

    private final FileFindingsModel model;

    public FileFindingsView(FileFindingsModel model) {
        this.model = model;
        setId("fileFindings");
        getStyleClass().add("file-findings");
        getChildren().addAll(toolbar(), list());
    }

    private HBox toolbar() {
        ChoiceBox<FileFindingsModel.Scope> scope = new ChoiceBox<>();
        scope.setId("fileFindingsScope");
        scope.getItems().setAll(FileFindingsModel.Scope.values());
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        Label label = new Label("Findings for");
        label.setLabelFor(scope);
        Label count = new Label();
        count.setId("fileFindingsCount");
        count.getStyleClass().add("hint");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.shown().size() + " of "
                + model.entries().size() + " shown", model.shown(), model.entries()));
        HBox bar = new HBox(8, label, scope, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tab-toolbar");
        return bar;
    }

    private ListView<FileFindingsModel.Entry> list() {
        ListView<FileFindingsModel.Entry> list = new ListView<>(model.shown());
        list.setId("fileFindingsList");
        list.getStyleClass().add("findings");
        list.setPlaceholder(new Label("No findings. Choose the certificate, key and CA files to have them checked."));
        list.setCellFactory(view -> new EntryCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        return list;
    }

    private static final class EntryCell extends ListCell<FileFindingsModel.Entry> {
        @Override
        protected void updateItem(FileFindingsModel.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            String where = entry.scope() == FileFindingsModel.Scope.ALL ? "Across the files" : entry.scope().label();
            Label scope = new Label(where + (entry.crossFile() && entry.scope() != FileFindingsModel.Scope.ALL
                    ? ", found by checking the files together" : ""));
            scope.getStyleClass().add("finding-scope");
            VBox card = FindingCards.card(entry.finding(), "fileFinding");
            card.getChildren().add(0, scope);
            // Wrapped labels need a width bound, or the cell grows to the longest line.
            card.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            setGraphic(card);
        }
    }
}
