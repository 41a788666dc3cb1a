package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.ui.run.StepModel;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The narration beside the diagram: what the step shown last does and why it matters. It
 * follows the replay, a step the user selects takes over until the replay moves on, and at the
 * end of a failed run it explains the failed step.
 */
public final class NarrationPane extends VBox {

    private final ReplayViewModel replay;
    private final ObjectProperty<StepId> narrated = new SimpleObjectProperty<>(this, "narrated", StepId.CONNECT);
    private final Label title = new Label();
    private final Label text = new Label();

    public NarrationPane(ReplayViewModel replay, ObjectProperty<StepId> selectedStep) {
        this.replay = replay;
        setId("narration");
        getStyleClass().add("narration");
        setSpacing(4);
        title.setId("narrationTitle");
        title.getStyleClass().add("narration-title");
        text.setId("narrationText");
        text.getStyleClass().add("narration-text");
        text.setWrapText(true);
        text.setMinHeight(Label.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("narration-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, scroll);

        visibleProperty().bind(replay.narrationShownProperty());
        managedProperty().bind(visibleProperty());

        replay.activeStepProperty().addListener((observable, before, step) -> {
            if (step != null) {
                narrated.set(step);
            }
        });
        replay.finishedProperty().addListener((observable, was, finished) -> {
            var report = replay.shown().report();
            if (finished && report != null && report.failedStep() != null) {
                // At the end of a failed run the failed step has the most to explain.
                narrated.set(report.failedStep());
            }
        });
        selectedStep.addListener((observable, before, step) -> {
            if (step != null) {
                narrated.set(step);
            }
        });
        InvalidationListener refresh = observable -> refresh();
        narrated.addListener(refresh);
        replay.protocolProperty().addListener(refresh);
        for (StepModel step : replay.shown().steps()) {
            step.statusProperty().addListener(refresh);
            step.failureProperty().addListener(refresh);
        }
        replay.shown().reportProperty().addListener(refresh);
        refresh();
    }

    private void refresh() {
        StepModel step = replay.shown().step(narrated.get());
        title.setText((step.id().ordinal() + 1) + ". " + step.id().title() + ": what happens");
        var report = replay.shown().report();
        text.setText(HandshakeScript.narration(step, replay.protocolProperty().get().protocol(),
                report == null ? null : report.failedStep()));
    }
}
