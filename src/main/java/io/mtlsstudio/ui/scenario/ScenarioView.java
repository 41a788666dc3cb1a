package io.mtlsstudio.ui.scenario;

import io.mtlsstudio.scenario.ScenarioResult;
import io.mtlsstudio.scenario.Verdict;
import io.mtlsstudio.ui.StatusIcon;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.SegmentedButton;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Scenarios tab: where to run the table and with which credentials, Run and Cancel with the
 * progress, the table with a verdict per row, the selected row's details, and Export.
 */
public final class ScenarioView extends VBox {

    private final ScenarioViewModel model;
    private final TableView<ScenarioRow> table = new TableView<>();
    private final VBox detail = new VBox(6);
    private final InvalidationListener refreshDetail = observable -> refreshDetail();
    private Runnable afterOpen = () -> { };
    private ScenarioRow shownRow;

    public ScenarioView(ScenarioViewModel model) {
        this.model = model;
        setId("scenarioView");
        getStyleClass().add("scenario-view");
        SplitPane split = new SplitPane(createTable(), createDetail());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(createSettings(), createActions(), createProblem(), split);
    }

    /** Sets what happens after a row opened in the timeline: the window shows the step detail. */
    public void setAfterOpen(Runnable action) {
        afterOpen = action;
    }

    public TableView<ScenarioRow> table() {
        return table;
    }

    /** Creates the Scenarios menu of the menu bar: Run table, Cancel and the two exports. */
    public Menu createMenu() {
        MenuItem run = new MenuItem("_Run table");
        run.setId("scenarioRunItem");
        run.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+R"));
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(event -> model.run());
        MenuItem cancel = new MenuItem("_Cancel run");
        cancel.setId("scenarioCancelItem");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(event -> model.cancel());
        MenuItem markdown = new MenuItem("Export as _Markdown…");
        markdown.disableProperty().bind(model.reportProperty().isNull().or(model.runningProperty()));
        markdown.setOnAction(event -> export(ScenarioViewModel.ExportFormat.MARKDOWN));
        MenuItem csv = new MenuItem("Export as C_SV…");
        csv.disableProperty().bind(markdown.disableProperty());
        csv.setOnAction(event -> export(ScenarioViewModel.ExportFormat.CSV));
        Menu menu = new Menu("_Scenarios", null, run, cancel, new SeparatorMenuItem(), markdown, csv);
        menu.setId("scenariosMenu");
        return menu;
    }

    private VBox createSettings() {
        ToggleButton embedded = new ToggleButton("Embedded frontends");
        embedded.setId("scenarioEmbedded");
        ToggleButton user = new ToggleButton("My servers");
        user.setId("scenarioUserServers");
        SegmentedButton where = new SegmentedButton(embedded, user);
        embedded.setSelected(model.serversProperty().get() == ScenarioViewModel.Servers.EMBEDDED);
        user.setSelected(!embedded.isSelected());
        embedded.selectedProperty().addListener((observable, was, selected) -> choose(embedded, selected,
                ScenarioViewModel.Servers.EMBEDDED));
        user.selectedProperty().addListener((observable, was, selected) -> choose(user, selected,
                ScenarioViewModel.Servers.USER_SERVERS));
        model.serversProperty().addListener((observable, before, after) ->
                (after == ScenarioViewModel.Servers.EMBEDDED ? embedded : user).setSelected(true));
        HBox whereRow = new HBox(8, fieldLabel("Run on"), where);
        whereRow.setAlignment(Pos.CENTER_LEFT);

        // The fields sit side by side in a wide tab and wrap under each other in a narrow one.
        FlowPane targets = new FlowPane(14, 4,
                labelled("Secured (mutual TLS)", hostField("scenarioSecured", model.securedProperty())),
                labelled("Unsecured (plaintext)", hostField("scenarioUnsecured", model.unsecuredProperty())),
                labelled("TLS-only (optional)", hostField("scenarioTlsOnly", model.tlsOnlyProperty())));
        targets.visibleProperty().bind(model.serversProperty().isEqualTo(ScenarioViewModel.Servers.USER_SERVERS));
        targets.managedProperty().bind(targets.visibleProperty());

        ChoiceBox<ScenarioViewModel.CredentialChoice> credentials = new ChoiceBox<>();
        credentials.setId("scenarioCredentials");
        credentials.getItems().setAll(ScenarioViewModel.CredentialChoice.values());
        credentials.valueProperty().bindBidirectional(model.credentialsProperty());
        CheckBox faults = new CheckBox("Common faults too");
        faults.setId("scenarioCommonFaults");
        faults.selectedProperty().bindBidirectional(model.commonFaultsProperty());
        HBox credentialRow = new HBox(8, fieldLabel("Credentials"), credentials, faults);
        credentialRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane choices = new FlowPane(18, 6, whereRow, credentialRow);

        VBox settings = new VBox(6, choices, targets);
        settings.getStyleClass().add("tab-toolbar");
        settings.disableProperty().bind(model.runningProperty());
        return settings;
    }

    private void choose(ToggleButton button, boolean selected, ScenarioViewModel.Servers servers) {
        if (selected) {
            model.serversProperty().set(servers);
        } else if (model.serversProperty().get() == servers) {
            button.setSelected(true);
        }
    }

    private HBox createActions() {
        Button run = new Button("Run table");
        run.setId("scenarioRun");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(event -> model.run());
        Button cancel = new Button("Cancel");
        cancel.setId("scenarioCancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(event -> model.cancel());

        ProgressBar progress = new ProgressBar();
        progress.setId("scenarioProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.setPrefWidth(110);
        Label status = new Label();
        status.setId("scenarioStatus");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);

        MenuItem markdown = new MenuItem("Markdown…");
        markdown.setId("scenarioExportMarkdown");
        markdown.setOnAction(event -> export(ScenarioViewModel.ExportFormat.MARKDOWN));
        MenuItem csv = new MenuItem("CSV…");
        csv.setId("scenarioExportCsv");
        csv.setOnAction(event -> export(ScenarioViewModel.ExportFormat.CSV));
        MenuButton export = new MenuButton("Export", null, markdown, csv);
        export.setId("scenarioExport");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.disableProperty().bind(model.reportProperty().isNull().or(model.runningProperty()));

        HBox actions = new HBox(8, run, cancel, progress, status, export);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("scenario-actions");
        return actions;
    }

    private HBox createProblem() {
        Label text = new Label();
        text.setId("scenarioProblem");
        text.setWrapText(true);
        text.getStyleClass().addAll("field-message", "message-invalid");
        text.textProperty().bind(model.problemProperty());
        HBox box = new HBox(6, new StatusIcon("failed"), text);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().add("scenario-problem");
        box.visibleProperty().bind(model.problemProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private TableView<ScenarioRow> createTable() {
        table.setId("scenarioTable");
        table.getStyleClass().add("scenario-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No rows."));
        table.getColumns().add(verdictColumn());
        table.getColumns().add(textColumn("Row", 135, row -> row.scenario().id()));
        table.getColumns().add(textColumn("Server", 100, row -> row.scenario().server().title()));
        table.getColumns().add(textColumn("Client", 150, row -> row.scenario().clientMode()));
        table.getColumns().add(textColumn("Expected", 190, row -> row.scenario().expected().describe()));
        table.getColumns().add(textColumn("Actual (failed step, code)", 190,
                row -> row.result() == null ? "" : row.result().describeActual()));
        table.getColumns().add(textColumn("Time", 80, ScenarioView::time));
        table.getColumns().add(messageColumn());
        table.getColumns().add(openColumn());
        table.setRowFactory(view -> new VerdictRow());
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, row) -> showDetail(row));
        return table;
    }

    private TableColumn<ScenarioRow, RowState> verdictColumn() {
        TableColumn<ScenarioRow, RowState> column = rowColumn("Verdict", 95);
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(RowState state, boolean empty) {
                super.updateItem(state, empty);
                setText(null);
                if (empty || state == null) {
                    setGraphic(null);
                    return;
                }
                ScenarioRow row = state.row();
                Label text = new Label(verdictText(row));
                text.getStyleClass().add("scenario-verdict");
                text.setId("verdict-" + row.scenario().id());
                HBox box = new HBox(6, new StatusIcon(verdictIcon(row)), text);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
            }
        });
        return column;
    }

    private TableColumn<ScenarioRow, RowState> textColumn(String title, double width, Function<ScenarioRow, String> text) {
        TableColumn<ScenarioRow, RowState> column = rowColumn(title, width);
        column.setCellFactory(view -> new TableCell<>() {
            private final Text content = new Text();

            {
                content.getStyleClass().add("table-text");
                content.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
            }

            @Override
            protected void updateItem(RowState state, boolean empty) {
                super.updateItem(state, empty);
                setText(null);
                if (empty || state == null) {
                    setGraphic(null);
                    return;
                }
                content.setText(text.apply(state.row()));
                setGraphic(content);
            }
        });
        return column;
    }

    private TableColumn<ScenarioRow, RowState> messageColumn() {
        TableColumn<ScenarioRow, RowState> column = rowColumn("Message", 260);
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(RowState state, boolean empty) {
                super.updateItem(state, empty);
                String message = empty || state == null || state.result() == null ? "" : messageOf(state.result());
                setText(message);
                setTooltip(message.isEmpty() ? null : new Tooltip(message));
            }
        });
        return column;
    }

    private TableColumn<ScenarioRow, RowState> openColumn() {
        TableColumn<ScenarioRow, RowState> column = rowColumn("", 140);
        column.setSortable(false);
        column.setCellFactory(view -> new TableCell<>() {
            private final Button open = new Button("Open in timeline");

            {
                open.getStyleClass().add("small-button");
                open.setOnAction(event -> openInTimeline(getItem().row()));
            }

            @Override
            protected void updateItem(RowState state, boolean empty) {
                super.updateItem(state, empty);
                setText(null);
                if (empty || state == null || !state.row().canOpenInTimeline()) {
                    setGraphic(null);
                    return;
                }
                open.setId("open-" + state.row().scenario().id());
                setGraphic(open);
            }
        });
        return column;
    }

    /**
     * A row with its state and result at one moment. Cells show these values: a cell updates only
     * when its value changes, and the row object itself stays the same while its run goes on.
     */
    private record RowState(ScenarioRow row, ScenarioRow.State state, ScenarioResult result) {
    }

    /** Creates a column whose cells get the row's state, refreshed when the row's state or result changes. */
    private static TableColumn<ScenarioRow, RowState> rowColumn(String title, double width) {
        TableColumn<ScenarioRow, RowState> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> rowValue(data.getValue()));
        return column;
    }

    private static ObservableValue<RowState> rowValue(ScenarioRow row) {
        return Bindings.createObjectBinding(() -> new RowState(row, row.state(), row.result()),
                row.stateProperty(), row.resultProperty());
    }

    private final class VerdictRow extends TableRow<ScenarioRow> {
        private final InvalidationListener restyle = observable -> showVerdict(getItem());
        private ScenarioRow watched;

        VerdictRow() {
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && getItem() != null) {
                    openInTimeline(getItem());
                }
            });
            MenuItem open = new MenuItem("Open in timeline");
            open.setOnAction(event -> openInTimeline(getItem()));
            setContextMenu(new ContextMenu(open));
        }

        @Override
        protected void updateItem(ScenarioRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.stateProperty().removeListener(restyle);
            }
            watched = empty ? null : row;
            if (watched != null) {
                watched.stateProperty().addListener(restyle);
            }
            showVerdict(watched);
        }

        private void showVerdict(ScenarioRow row) {
            getStyleClass().removeAll("verdict-pass", "verdict-fail", "verdict-not-run", "verdict-running");
            if (row == null) {
                return;
            }
            if (row.state() == ScenarioRow.State.RUNNING) {
                getStyleClass().add("verdict-running");
            } else if (row.result() != null) {
                getStyleClass().add("verdict-" + row.result().verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
    }

    private ScrollPane createDetail() {
        detail.setId("scenarioDetail");
        detail.getStyleClass().add("scenario-detail");
        showDetail(null);
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("scenario-detail-scroll");
        return scroll;
    }

    private void refreshDetail() {
        showDetail(shownRow);
    }

    private void showDetail(ScenarioRow row) {
        if (shownRow != row) {
            if (shownRow != null) {
                shownRow.stateProperty().removeListener(refreshDetail);
            }
            shownRow = row;
            if (row != null) {
                row.stateProperty().addListener(refreshDetail);
            }
        }
        if (row == null) {
            detail.getChildren().setAll(muted("Select a row to see why it expects what it expects, and its result."));
            return;
        }
        Label title = new Label(row.scenario().id() + ": " + row.scenario().title());
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        HBox header = new HBox(8, new StatusIcon(verdictIcon(row)), boldLabel(verdictText(row)), title);
        header.setAlignment(Pos.CENTER_LEFT);
        if (row.canOpenInTimeline()) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button open = new Button("Open in timeline");
            open.setId("scenarioOpenSelected");
            open.setMinWidth(Region.USE_PREF_SIZE);
            open.setOnAction(event -> openInTimeline(row));
            header.getChildren().addAll(spacer, open);
        }
        detail.getChildren().setAll(header);

        ScenarioResult result = row.result();
        if (result != null) {
            if (!result.reason().isEmpty()) {
                detail.getChildren().add(wrapped(result.reason(), "scenarioReason"));
            }
            if (!result.failureMessage().isEmpty()) {
                detail.getChildren().add(wrapped(failure(row) + ": " + result.failureMessage(), "scenarioFailure"));
            }
            if (!result.serverVerdict().isEmpty()) {
                detail.getChildren().add(wrapped("Server verdict: " + result.serverVerdict(), "scenarioServerVerdict"));
            }
        }
        if (!row.scenario().note().isEmpty()) {
            Label note = wrapped(row.scenario().note(), "scenarioNote");
            note.getStyleClass().add("hint");
            detail.getChildren().add(note);
        }
    }

    private void openInTimeline(ScenarioRow row) {
        if (model.openInTimeline(row)) {
            afterOpen.run();
        }
    }

    private void export(ScenarioViewModel.ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(format == ScenarioViewModel.ExportFormat.MARKDOWN ? "Export the table as Markdown" : "Export the table as CSV");
        String extension = format == ScenarioViewModel.ExportFormat.MARKDOWN ? "md" : "csv";
        chooser.setInitialFileName("mtls-scenarios." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                format == ScenarioViewModel.ExportFormat.MARKDOWN ? "Markdown" : "CSV", "*." + extension));
        Window owner = getScene() == null ? null : getScene().getWindow();
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            model.export(file.toPath(), format);
        }
    }

    static String verdictText(ScenarioRow row) {
        return switch (row.state()) {
            case WAITING -> "—";
            case RUNNING -> "RUNNING";
            case FINISHED -> row.result().verdict().label();
        };
    }

    static String verdictIcon(ScenarioRow row) {
        if (row.state() == ScenarioRow.State.RUNNING) {
            return "running";
        }
        if (row.result() == null) {
            return "pending";
        }
        return switch (row.result().verdict()) {
            case PASS -> "passed";
            case FAIL -> "failed";
            case NOT_RUN -> "skipped";
        };
    }

    /** Returns the failed step and code, for example "VERIFY_CLIENT CLIENT_CERT_REQUIRED", or an empty text. */
    private static String failure(ScenarioRow row) {
        ScenarioResult result = row.result();
        if (result == null || result.failedStep() == null) {
            return "";
        }
        return result.failedStep() + (result.failureCode() == null ? "" : " " + result.failureCode());
    }

    private static String messageOf(ScenarioResult result) {
        if (result.verdict() == Verdict.NOT_RUN) {
            return result.reason();
        }
        return result.failureMessage();
    }

    private static String time(ScenarioRow row) {
        ScenarioResult result = row.result();
        if (result == null || result.report() == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.0f ms", result.elapsed().toNanos() / 1e6);
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox labelled(String label, TextField field) {
        HBox box = new HBox(6, fieldLabel(label), field);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TextField hostField(String id, StringProperty text) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText("host:port");
        field.setPrefColumnCount(13);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private static Label boldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("scenario-verdict");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("hint");
        return label;
    }

    private static Label wrapped(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
