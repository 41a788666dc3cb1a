package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.ui.StatusIcon;
import io.mtlsstudio.ui.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One step of the live timeline on one line: the step's number and title, a state icon and the
 * state as text, a warning mark when a check warned, and the measured duration. CSS ids are
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
        setSpacing(6);

        Label number = new Label(Integer.toString(model.id().ordinal() + 1));
        number.getStyleClass().add("step-number");
        Label title = new Label(model.id().title());
        title.getStyleClass().add("step-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(this, new Tooltip(model.id().summary()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        status.setId(id + "-status");
        status.getStyleClass().add("step-status");
        status.setMinWidth(Region.USE_PREF_SIZE);
        // The mark is a shape of its own (a triangle), and its tooltip and the accessible text name it.
        Tooltip.install(warningIcon, new Tooltip("A check of this step ended with a warning; see the step detail."));
        HBox warningMark = new HBox(warningIcon);
        warningMark.setId(id + "-warning");
        warningMark.setAlignment(Pos.CENTER_LEFT);
        warningMark.visibleProperty().bind(model.warningProperty()
                .and(Bindings.equal(StepStatus.PASSED, model.statusProperty())));
        warningMark.managedProperty().bind(warningMark.visibleProperty());

        duration.setId(id + "-duration");
        duration.getStyleClass().add("step-duration");
        duration.textProperty().bind(durationText());
        duration.setMinWidth(Region.USE_PREF_SIZE);
        duration.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(number, title, spacer, icon, status, warningMark, duration);
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
        String stateClass = "state-" + state.name().toLowerCase();
        if (warned) {
            StyleClasses.replace(this, "state-", stateClass, "state-warning");
        } else {
            StyleClasses.replace(this, "state-", stateClass);
        }
        setAccessibleText("Step " + (model.id().ordinal() + 1) + ", " + model.id().title() + ": " + state
                + (warned ? ", with warning" : ""));
    }
}
