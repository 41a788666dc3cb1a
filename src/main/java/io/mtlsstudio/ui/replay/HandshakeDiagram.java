package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.ui.StyleClasses;
import io.mtlsstudio.ui.run.StepModel;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The two-lane diagram of the handshake as far as the replay has got: a header with the client
 * and server lanes and the protocol drawn, then the seven steps. Clicking a row, or Up, Down,
 * Enter and Space on a focused row, selects its step.
 */
public final class HandshakeDiagram extends VBox {

    private final ReplayViewModel replay;
    private final ObjectProperty<StepId> selectedStep;
    private final List<DiagramRow> rows = new ArrayList<>();
    private final Label protocolLabel = new Label();
    private final Label outcome = new Label();

    public HandshakeDiagram(ReplayViewModel replay, ObjectProperty<StepId> selectedStep, BiConsumer<Node, Finding> showFix) {
        this.replay = replay;
        this.selectedStep = selectedStep;
        setId("diagram");
        getStyleClass().add("handshake-diagram");
        getChildren().add(header());
        for (StepModel step : replay.shown().steps()) {
            DiagramRow row = new DiagramRow(step, showFix);
            row.setOnMouseClicked(event -> select(row));
            row.setOnKeyPressed(event -> {
                if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.UP) {
                    int index = Math.max(0, Math.min(rows.size() - 1,
                            step.id().ordinal() + (event.getCode() == KeyCode.DOWN ? 1 : -1)));
                    select(rows.get(index));
                    event.consume();
                } else if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) {
                    select(row);
                    event.consume();
                }
            });
            rows.add(row);
            getChildren().add(row);
            watch(step, row);
        }
        outcome.setId("diagramOutcome");
        outcome.getStyleClass().add("diagram-outcome");
        outcome.setWrapText(true);
        getChildren().add(outcome);

        replay.protocolProperty().addListener(observable -> refreshAll());
        replay.activeStepProperty().addListener(observable -> showActive());
        replay.activeProgressProperty().addListener(observable -> showProgress());
        replay.shown().reportProperty().addListener(observable -> showOutcome());
        selectedStep.addListener(observable -> showSelection());
        refreshAll();
        showSelection();
    }

    private VBox header() {
        protocolLabel.setId("diagramProtocol");
        protocolLabel.getStyleClass().add("protocol-badge");
        protocolLabel.setWrapText(true);
        HBox badge = new HBox(protocolLabel);
        badge.setAlignment(Pos.CENTER);

        Label steps = new Label("Step");
        steps.getStyleClass().addAll("lane-title", "row-info");
        Label client = new Label("Client");
        client.setId("clientLaneTitle");
        client.getStyleClass().add("lane-title");
        Label server = new Label("Server");
        server.setId("serverLaneTitle");
        server.getStyleClass().add("lane-title");
        Region between = new Region();
        HBox.setHgrow(between, Priority.ALWAYS);
        HBox lanes = new HBox(8, client, between, server);
        lanes.setAlignment(Pos.CENTER);
        lanes.getStyleClass().add("lane-header");
        HBox.setHgrow(lanes, Priority.ALWAYS);
        HBox titles = new HBox(steps, lanes);
        titles.setAlignment(Pos.BOTTOM_LEFT);

        VBox header = new VBox(6, badge, titles);
        header.getStyleClass().add("diagram-header");
        return header;
    }

    /** Returns the row of {@code step}, for scrolling it into view. */
    Region row(StepId step) {
        return rows.get(step.ordinal());
    }

    private void watch(StepModel step, DiagramRow row) {
        InvalidationListener refresh = observable -> row.refresh(replay.protocolProperty().get().protocol(),
                progressOf(step.id()));
        List<Observable> sources = List.of(step.statusProperty(), step.durationMicrosProperty(), step.failureProperty(),
                step.checks(), step.evidence(), step.warningProperty(), step.serverObservations());
        sources.forEach(source -> source.addListener(refresh));
    }

    private void select(DiagramRow row) {
        selectedStep.set(row.model().id());
        row.requestFocus();
    }

    private double progressOf(StepId step) {
        return step == replay.activeStep() ? replay.activeProgress() : 1;
    }

    private void refreshAll() {
        DrawnProtocol.Choice choice = replay.protocolProperty().get();
        protocolLabel.setText(choice.note());
        StyleClasses.replace(this, "protocol-", "protocol-" + choice.protocol().name().toLowerCase().replace('_', '-'));
        for (DiagramRow row : rows) {
            row.refresh(choice.protocol(), progressOf(row.model().id()));
        }
        showActive();
        showOutcome();
    }

    private void showActive() {
        for (DiagramRow row : rows) {
            row.setActive(row.model().id() == replay.activeStep());
        }
        showProgress();
    }

    private void showProgress() {
        StepId active = replay.activeStep();
        if (active != null) {
            rows.get(active.ordinal()).lanes().showProgress(replay.activeProgress());
        }
    }

    private void showSelection() {
        for (DiagramRow row : rows) {
            row.setSelected(row.model().id() == selectedStep.get());
        }
    }

    private void showOutcome() {
        var report = replay.shown().report();
        outcome.getStyleClass().removeAll("outcome-success", "outcome-failure");
        if (report == null) {
            outcome.setText("");
            return;
        }
        switch (report.result()) {
            case SUCCESS -> {
                outcome.setText(report.tls() ? "Mutual TLS connection established and the Health call answered."
                        : "Plaintext connection established: nothing was encrypted or authenticated.");
                outcome.getStyleClass().add("outcome-success");
            }
            case FAILURE -> {
                StepId failed = report.failedStep();
                outcome.setText(failed == null ? "The connection failed." : "The connection failed at step "
                        + (failed.ordinal() + 1) + ", " + failed.title() + ". The steps after it were not reached.");
                outcome.getStyleClass().add("outcome-failure");
            }
            case CANCELLED -> {
                outcome.setText("The connection attempt was cancelled.");
                outcome.getStyleClass().add("outcome-failure");
            }
        }
    }
}
