package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.ui.StatusIcon;
import io.mtlsstudio.ui.StyleClasses;
import io.mtlsstudio.ui.run.Durations;
import io.mtlsstudio.ui.run.StepModel;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.BiConsumer;

/**
 * One step of the diagram. On the left are its number, title, state (icon and text) and
 * measured duration, and on the right the lanes with the step's messages or checks. CSS ids are
 * {@code diagram-<ID>}, {@code diagram-<ID>-status} and {@code diagram-<ID>-duration}.
 */
final class DiagramRow extends HBox {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    private final StepModel model;
    private final StatusIcon icon = new StatusIcon();
    private final Label status = new Label();
    private final Label duration = new Label();
    private final Label warning = new Label("with warning");
    private final LaneArea lanes;

    DiagramRow(StepModel model, BiConsumer<Node, Finding> showFix) {
        this.model = model;
        this.lanes = new LaneArea(model.id(), showFix);
        String id = "diagram-" + model.id().name();
        setId(id);
        getStyleClass().add("diagram-row");
        setFocusTraversable(true);

        Label number = new Label(Integer.toString(model.id().ordinal() + 1));
        number.getStyleClass().add("step-number");
        Label title = new Label(model.id().title());
        title.getStyleClass().add("step-title");
        title.setWrapText(true);
        HBox heading = new HBox(6, number, title);
        heading.setAlignment(Pos.CENTER_LEFT);
        status.setId(id + "-status");
        status.getStyleClass().add("step-status");
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);
        HBox state = new HBox(5, icon, status);
        state.setAlignment(Pos.CENTER_LEFT);
        warning.setId(id + "-warning");
        warning.getStyleClass().add("warning-text");
        warning.setManaged(false);
        warning.setVisible(false);
        duration.setId(id + "-duration");
        duration.getStyleClass().add("step-duration");
        VBox info = new VBox(3, heading, state, warning, duration);
        info.getStyleClass().add("row-info");

        HBox.setHgrow(lanes, Priority.ALWAYS);
        getChildren().addAll(info, lanes);
    }

    StepModel model() {
        return model;
    }

    LaneArea lanes() {
        return lanes;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    void setActive(boolean active) {
        pseudoClassStateChanged(ACTIVE, active);
    }

    /** Redraws the row from its model. */
    void refresh(DrawnProtocol protocol, double progress) {
        StepStatus state = model.status();
        boolean warned = state == StepStatus.PASSED && model.hasWarning();
        status.setText(state == StepStatus.SKIPPED ? "SKIPPED, not reached" : state.name());
        icon.show(warned ? "warning" : state.name());
        warning.setVisible(warned);
        warning.setManaged(warned);
        duration.setText(state == StepStatus.PASSED || state == StepStatus.FAILED
                ? "measured " + Durations.formatMicros(model.durationMicros()) : "");
        StyleClasses.replace(this, "state-", "state-" + state.name().toLowerCase());
        lanes.show(model, protocol, progress);
        setAccessibleText("Step " + (model.id().ordinal() + 1) + ", " + model.id().title() + ": " + status.getText()
                + (warned ? ", with warning" : ""));
    }
}
