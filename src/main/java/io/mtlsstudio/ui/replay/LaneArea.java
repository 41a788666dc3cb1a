package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ServerObservation;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.ui.StatusIcon;
import io.mtlsstudio.ui.StyleClasses;
import io.mtlsstudio.ui.run.StepModel;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The part of a diagram row between and around the two lanes: the client lane on the left,
 * the server lane on the right, and the step's message arrow or its checks box between them.
 * A failed step also gets a cross where it stopped, its reason in one sentence and a link to
 * the fix. The server's alert is drawn as an arrow of its own.
 */
final class LaneArea extends Region {

    private static final double LANE_INSET = 22;
    private static final double GAP = 6;
    private static final String SERVER_CHECKS_NOTE = "The server checks signatures, the chain to its client CAs and "
            + "validity. The client sees only the verdict.";

    private final StepId step;
    private final Line clientLane = new Line();
    private final Line serverLane = new Line();
    private final Label message = new Label();
    private final Arrow arrow = new Arrow("message-arrow");
    private final Arrow reply = new Arrow("reply-arrow");
    private final Arrow alertArrow = new Arrow("alert-arrow");
    private final Label alertLabel = new Label();
    private final StatusIcon stopMark = new StatusIcon("failed");
    private final VBox checks = new VBox(2);
    private final List<CheckRow> checkRows = new ArrayList<>();
    private final Label checksNote = new Label();
    private final VBox failure = new VBox(2);
    private final Label reason = new Label();
    private final Hyperlink fixLink = new Hyperlink("Show the fix");
    private final Label notReached = new Label("not reached");

    private HandshakeScript.Direction direction;
    private double progress;
    /** Positions of the lanes and the message arrow from the last layout; a negative arrowY means no arrow. */
    private double clientX;
    private double serverX;
    private double arrowY = -1;
    private String alert;
    private Finding shownFailure;

    LaneArea(StepId step, BiConsumer<Node, Finding> showFix) {
        this.step = step;
        this.direction = HandshakeScript.direction(step);
        getStyleClass().add("lane-area");
        String id = "diagram-" + step.name();

        clientLane.getStyleClass().addAll("lane-line", "client-lane");
        serverLane.getStyleClass().addAll("lane-line", "server-lane");
        clientLane.setManaged(false);
        serverLane.setManaged(false);
        message.getStyleClass().add("diagram-message");
        message.setId(id + "-message");
        message.setWrapText(true);
        message.setAlignment(Pos.CENTER);
        message.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        alertLabel.getStyleClass().add("alert-label");
        alertLabel.setId(id + "-alert");
        stopMark.setManaged(false);
        checks.getStyleClass().add("checks-box");
        checks.setId(id + "-checks");
        checksNote.getStyleClass().add("hint");
        checksNote.setId(id + "-server-note");
        checksNote.setWrapText(true);
        checksNote.setText(SERVER_CHECKS_NOTE);
        reason.getStyleClass().add("failure-reason");
        reason.setId(id + "-reason");
        reason.setWrapText(true);
        fixLink.setId(id + "-fix");
        fixLink.getStyleClass().add("fix-link");
        fixLink.setOnAction(event -> showFix.accept(fixLink, shownFailure));
        failure.getChildren().addAll(reason, fixLink);
        failure.getStyleClass().add("failure-note");
        notReached.getStyleClass().add("not-reached");
        notReached.setId(id + "-not-reached");

        getChildren().addAll(clientLane, serverLane, message, arrow, reply, alertArrow, alertLabel, stopMark, checks,
                failure, notReached);
    }

    /** Shows {@code model} as drawn for {@code protocol}; {@code stepProgress} applies while the step runs. */
    void show(StepModel model, DrawnProtocol protocol, double stepProgress) {
        StepStatus status = model.status();
        direction = HandshakeScript.direction(step);
        message.setText(HandshakeScript.messages(step, protocol));
        progress = switch (status) {
            case PENDING, SKIPPED -> 1;
            case RUNNING -> stepProgress;
            case PASSED -> 1;
            case FAILED -> 0.55;
        };

        boolean isCheck = direction == HandshakeScript.Direction.CHECK_AT_CLIENT
                || direction == HandshakeScript.Direction.CHECK_AT_SERVER;
        checks.setVisible(isCheck && protocol != DrawnProtocol.PLAINTEXT);
        if (isCheck) {
            fillChecks(model);
            arrow.setVisible(false);
            reply.setVisible(false);
        }

        Finding failed = status == StepStatus.FAILED ? model.failure() : null;
        shownFailure = failed;
        alert = failed == null ? null : HandshakeScript.alert(model);
        alertArrow.setVisible(alert != null);
        alertLabel.setVisible(alert != null);
        if (alert != null) {
            alertLabel.setText("alert " + alert + (protocol == DrawnProtocol.TLS_1_3 && step == StepId.VERIFY_CLIENT
                    ? ", read after the client's Finished" : ""));
        }
        stopMark.setVisible(status == StepStatus.FAILED && !isCheck);
        failure.setVisible(failed != null);
        failure.setManaged(failed != null);
        if (failed != null) {
            reason.setText(firstSentence(failed.message()));
        }
        notReached.setVisible(status == StepStatus.SKIPPED);

        StyleClasses.replace(this, "state-", "state-" + status.name().toLowerCase());
        requestLayout();
    }

    /**
     * Moves the running arrow; called on every animation frame. It redraws the arrow where the
     * last layout put it, because a layout request would lay out the whole diagram each frame.
     */
    void showProgress(double stepProgress) {
        if (progress != stepProgress) {
            progress = stepProgress;
            if (arrowY >= 0) {
                drawMessageArrows(clientX, serverX, arrowY);
            }
        }
    }

    private void fillChecks(StepModel model) {
        Map<String, Check> byName = new LinkedHashMap<>();
        for (String expected : HandshakeScript.expectedChecks(step)) {
            byName.put(expected, null);
        }
        for (Check check : model.checks()) {
            if (!check.name().equals("Step")) {
                byName.put(check.name(), check);
            }
        }

        // Rows are reused, because new nodes need a CSS pass and the replay redraws often.
        List<Node> rows = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Check> entry : byName.entrySet()) {
            CheckRow row = index < checkRows.size() ? checkRows.get(index) : addCheckRow(index);
            row.show(entry.getKey(), entry.getValue());
            rows.add(row);
            index++;
        }
        if (step == StepId.VERIFY_CLIENT) {
            // The probe records the embedded frontend's verdict as a check; the note adds its reason.
            ServerObservation verdict = serverVerdict(model);
            if (verdict != null && model.status() == StepStatus.PENDING) {
                // Under TLS 1.3 the server judges before the client's side of this step begins.
                checksNote.setText("The embedded frontend has already judged the certificate: " + verdict.detail()
                        + ". The client learns the verdict in this step.");
            } else if (verdict != null) {
                checksNote.setText("Observed on the embedded frontend: " + verdict.detail());
            } else {
                checksNote.setText(SERVER_CHECKS_NOTE);
            }
            rows.add(checksNote);
        }
        if (!checks.getChildren().equals(rows)) {
            checks.getChildren().setAll(rows);
        }
    }

    /** Returns the embedded frontend's verdict on the client certificate, or null for other servers. */
    private static ServerObservation serverVerdict(StepModel model) {
        return model.serverObservations().stream()
                .filter(observation -> observation.kind() == ServerObservation.Kind.CLIENT_CERTIFICATE_ACCEPTED
                        || observation.kind() == ServerObservation.Kind.CLIENT_CERTIFICATE_REJECTED
                        || observation.kind() == ServerObservation.Kind.HANDSHAKE_FAILED)
                .findFirst()
                .orElse(null);
    }

    private CheckRow addCheckRow(int index) {
        CheckRow row = new CheckRow();
        row.setId("diagram-" + step.name() + "-check-" + index);
        checkRows.add(row);
        return row;
    }

    /** One check in a verification box: its state icon and its name with the outcome as text. */
    private static final class CheckRow extends HBox {
        private final StatusIcon icon = new StatusIcon();
        private final Label text = new Label();

        CheckRow() {
            super(5);
            text.getStyleClass().add("check-item");
            text.setWrapText(true);
            setAlignment(Pos.CENTER_LEFT);
            getChildren().addAll(icon, text);
        }

        void show(String name, Check check) {
            icon.show(check == null ? "pending" : check.outcome().name());
            text.setText(name + (check == null ? "" : ": " + check.outcome().name()));
            StyleClasses.replace(text, "check-pending", check == null ? new String[] {"check-pending"} : new String[0]);
        }
    }

    /** Returns HORIZONTAL, because the wrapped message text makes the height depend on the width. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        return arrange(width > 0 ? width : 420, false);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 420;
    }

    @Override
    protected void layoutChildren() {
        arrange(getWidth(), true);
    }

    /** Computes the layout for {@code width}, moving the children when {@code apply} is set, and returns the height. */
    private double arrange(double width, boolean apply) {
        double clientX = LANE_INSET;
        double serverX = Math.max(clientX + 80, width - LANE_INSET);
        if (apply) {
            this.clientX = clientX;
            this.serverX = serverX;
            this.arrowY = -1;
        }
        double innerWidth = serverX - clientX - 2 * GAP;
        double y = GAP;

        boolean isCheck = direction == HandshakeScript.Direction.CHECK_AT_CLIENT
                || direction == HandshakeScript.Direction.CHECK_AT_SERVER;
        double messageHeight = message.prefHeight(innerWidth);
        if (apply) {
            message.resizeRelocate(clientX + GAP, y, innerWidth, messageHeight);
        }
        y += messageHeight + GAP;

        if (isCheck && checks.isVisible()) {
            double boxWidth = Math.max(120, innerWidth - 20);
            double boxHeight = checks.prefHeight(boxWidth);
            double boxX = direction == HandshakeScript.Direction.CHECK_AT_CLIENT ? clientX + 10 : serverX - 10 - boxWidth;
            if (apply) {
                checks.resizeRelocate(boxX, y, boxWidth, boxHeight);
            }
            y += boxHeight + GAP;
        } else if (!isCheck) {
            double arrowY = y + 4;
            if (apply) {
                this.arrowY = arrowY;
                drawMessageArrows(clientX, serverX, arrowY);
            }
            y = arrowY + (direction == HandshakeScript.Direction.BOTH_WAYS ? 18 : 10) + GAP;
        }

        if (alertArrow.isVisible()) {
            double labelHeight = alertLabel.prefHeight(innerWidth);
            if (apply) {
                alertLabel.resizeRelocate(clientX + GAP, y, innerWidth, labelHeight);
                alertArrow.draw(serverX, clientX, y + labelHeight + 6, 1);
            }
            y += labelHeight + 16;
        }

        if (notReached.isVisible()) {
            double height = notReached.prefHeight(-1);
            if (apply) {
                double labelWidth = notReached.prefWidth(-1);
                notReached.resizeRelocate((clientX + serverX - labelWidth) / 2, y - 4, labelWidth, height);
            }
            y += height;
        }

        if (failure.isManaged()) {
            double height = failure.prefHeight(innerWidth);
            if (apply) {
                failure.resizeRelocate(clientX + GAP, y, innerWidth, height);
            }
            y += height + GAP;
        }

        double total = y + GAP;
        if (apply) {
            clientLane.setStartX(clientX);
            clientLane.setEndX(clientX);
            clientLane.setStartY(0);
            clientLane.setEndY(getHeight());
            serverLane.setStartX(serverX);
            serverLane.setEndX(serverX);
            serverLane.setStartY(0);
            serverLane.setEndY(getHeight());
        }
        return total;
    }

    private void drawMessageArrows(double clientX, double serverX, double arrowY) {
        switch (direction) {
            case CLIENT_TO_SERVER -> arrow.draw(clientX, serverX, arrowY, progress);
            case SERVER_TO_CLIENT -> arrow.draw(serverX, clientX, arrowY, progress);
            case BOTH_WAYS -> {
                arrow.draw(clientX, serverX, arrowY, Math.min(1, progress * 2));
                reply.draw(serverX, clientX, arrowY + 12, Math.max(0, progress * 2 - 1));
            }
            default -> arrow.setVisible(false);
        }
        if (direction != HandshakeScript.Direction.BOTH_WAYS) {
            reply.setVisible(false);
        }
        if (stopMark.isVisible()) {
            double size = stopMark.prefWidth(-1);
            stopMark.resizeRelocate(arrow.tipX() - size / 2, arrowY - size / 2, size, size);
        }
    }

    /** Returns the first sentence of {@code text}, so that the row states the reason in one sentence. */
    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
