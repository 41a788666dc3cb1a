package io.mtlsstudio.ui.replay;

import javafx.scene.Group;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/** A horizontal arrow between the lanes that can be drawn part of the way, for the moving message. */
final class Arrow extends Group {

    private static final double HEAD_LENGTH = 10;
    private static final double HEAD_HALF_WIDTH = 5;

    private final Line shaft = new Line();
    private final Polygon head = new Polygon();

    Arrow(String styleClass) {
        getStyleClass().addAll("diagram-arrow", styleClass);
        shaft.getStyleClass().add("arrow-shaft");
        head.getStyleClass().add("arrow-head");
        getChildren().addAll(shaft, head);
        setManaged(false);
    }

    /** Draws the arrow from {@code fromX} towards {@code toX} at height {@code y}, {@code progress} of the way. */
    void draw(double fromX, double toX, double y, double progress) {
        double clamped = Math.max(0, Math.min(1, progress));
        double tipX = fromX + (toX - fromX) * clamped;
        double direction = Math.signum(toX - fromX);
        shaft.setStartX(fromX);
        shaft.setStartY(y);
        shaft.setEndX(tipX - direction * HEAD_LENGTH * 0.6);
        shaft.setEndY(y);
        head.getPoints().setAll(
                tipX, y,
                tipX - direction * HEAD_LENGTH, y - HEAD_HALF_WIDTH,
                tipX - direction * HEAD_LENGTH, y + HEAD_HALF_WIDTH);
        setVisible(clamped > 0);
    }

    /** Returns the x of the arrow's tip, for tests and for placing marks at the point where it stopped. */
    double tipX() {
        return head.getPoints().isEmpty() ? 0 : head.getPoints().get(0);
    }
}
