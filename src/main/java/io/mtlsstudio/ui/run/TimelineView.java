package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.StepId;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The seven steps of the live run as compact cards, top to bottom in wire order, without the
 * replay's pace. Clicking a card, or Up, Down, Enter
 * and Space on a focused card, selects its step.
 */
public final class TimelineView extends VBox {

    private final List<StepCard> cards = new ArrayList<>();
    private final ObjectProperty<StepId> selectedStep;

    public TimelineView(TimelineModel timeline, ObjectProperty<StepId> selectedStep) {
        this.selectedStep = selectedStep;
        setId("timeline");
        getStyleClass().add("timeline");
        setSpacing(3);

        Label title = new Label("Live result");
        title.getStyleClass().add("subsection-title");
        getChildren().add(title);
        for (StepModel step : timeline.steps()) {
            StepCard card = new StepCard(step);
            card.setOnMouseClicked(event -> {
                selectedStep.set(step.id());
                card.requestFocus();
            });
            card.setOnKeyPressed(event -> {
                if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.UP) {
                    move(step.id(), event.getCode() == KeyCode.DOWN ? 1 : -1);
                    event.consume();
                } else if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) {
                    selectedStep.set(step.id());
                    event.consume();
                }
            });
            cards.add(card);
            getChildren().add(card);
        }
        selectedStep.addListener((observable, before, after) -> showSelection());
        showSelection();
    }

    private void move(StepId from, int delta) {
        int index = Math.max(0, Math.min(cards.size() - 1, from.ordinal() + delta));
        selectedStep.set(StepId.values()[index]);
        cards.get(index).requestFocus();
    }

    private void showSelection() {
        for (StepCard card : cards) {
            card.setSelected(card.model().id() == selectedStep.get());
        }
    }
}
