package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.ui.StatusIcon;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One step of the timeline: a state icon and the state as text, the step's number, title and
 * summary, a warning mark when a check warned, and the measured duration. CSS ids are
 * {@code step-<ID>}, {@code step-<ID>-status} and {@code step-<ID>-duration}.
 */
public final class StepCard extends HBox {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final StepModel model;
    private final StatusIcon icon = new StatusIcon();
    private final StatusIcon warningIcon = new StatusIcon("warning");
    private final Label status = new Label();
    private final Label duration = new Label();

    public StepCard(StepModel model) {
        this.model = model;
        createView();
        model.statusProperty().addListener((observable, before, after) -> showStatus());
        model.warningProperty().addListener((observable, before, after) -> showStatus());
        showStatus();
    }

    public StepModel model() {
        return model;
    }

    public void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    private void createView() {
        String id = "step-" + model.id().name();
        setId(id);
        getStyleClass().add("step-card");
        setFocusTraversable(true);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        Label number = new Label(Integer.toString(model.id().ordinal() + 1));
        number.getStyleClass().add("step-number");
        Label title = new Label(model.id().title());
        title.getStyleClass().add("step-title");
        Label summary = new Label(model.id().summary());
        summary.getStyleClass().add("step-summary");
        summary.setWrapText(true);
        VBox text = new VBox(2, title, summary);
        HBox.setHgrow(text, Priority.ALWAYS);

        status.setId(id + "-status");
        status.getStyleClass().add("step-status");
        HBox statusRow = new HBox(5, icon, status);
        statusRow.setAlignment(Pos.CENTER_RIGHT);
        Label warningText = new Label("with warning");
        warningText.getStyleClass().add("warning-text");
        HBox warningRow = new HBox(5, warningIcon, warningText);
        warningRow.setId(id + "-warning");
        warningRow.setAlignment(Pos.CENTER_RIGHT);
        warningRow.visibleProperty().bind(model.warningProperty().and(Bindings.equal(StepStatus.PASSED, model.statusProperty())));
        warningRow.managedProperty().bind(warningRow.visibleProperty());

        duration.setId(id + "-duration");
        duration.getStyleClass().add("step-duration");
        duration.textProperty().bind(durationText());
        VBox right = new VBox(2, statusRow, warningRow, duration);
        right.setAlignment(Pos.CENTER_RIGHT);
        right.setMinWidth(150);

        getChildren().addAll(number, text, right);
    }

    private StringBinding durationText() {
        return Bindings.createStringBinding(() -> {
            StepStatus state = model.status();
            if (state == StepStatus.PASSED || state == StepStatus.FAILED) {
                return Durations.formatMicros(model.durationMicros());
            }
            return state == StepStatus.SKIPPED ? "not reached" : "";
        }, model.statusProperty(), model.durationMicrosProperty());
    }

    private void showStatus() {
        StepStatus state = model.status();
        boolean warned = state == StepStatus.PASSED && model.hasWarning();
        status.setText(state.name());
        icon.show(state.name());
        getStyleClass().removeIf(name -> name.startsWith("state-"));
        getStyleClass().add("state-" + state.name().toLowerCase());
        if (warned) {
            getStyleClass().add("state-warning");
        }
        setAccessibleText("Step " + (model.id().ordinal() + 1) + ", " + model.id().title() + ": " + state
                + (warned ? ", with warning" : ""));
    }
}
