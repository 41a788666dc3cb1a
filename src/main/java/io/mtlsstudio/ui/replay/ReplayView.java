package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.StepId;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre of the window: the player controls, the two-lane diagram and the narration. An
 * animation timer moves the replay on at every frame while it plays and measures the frame
 * pacing of each replay.
 */
public final class ReplayView extends VBox {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayView.class);

    private final ReplayViewModel replay;
    private final HandshakeDiagram diagram;
    private final FramePacingProbe pacing = new FramePacingProbe();
    private final AnimationTimer timer = new AnimationTimer() {
        private long last = -1;

        @Override
        public void handle(long now) {
            pacing.frame(now);
            if (last >= 0) {
                replay.advance(now - last);
            }
            last = now;
        }

        @Override
        public void stop() {
            super.stop();
            last = -1;
        }
    };
    private final ScrollPane scroll;
    private PopOver fixPopOver;

    public ReplayView(ReplayViewModel replay, ObjectProperty<StepId> selectedStep) {
        this.replay = replay;
        this.diagram = new HandshakeDiagram(replay, selectedStep, this::showFix);
        setId("replayView");
        getStyleClass().add("replay-view");

        scroll = new ScrollPane(diagram);
        scroll.setId("diagramScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("diagram-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(new PlayerBar(replay), scroll, new NarrationPane(replay, selectedStep));

        replay.playingProperty().addListener((observable, was, playing) -> {
            if (playing) {
                pacing.reset();
                timer.start();
            } else {
                timer.stop();
                pacing.pause();
                if (replay.finishedProperty().get()) {
                    LOG.info("Replay frame pacing: {}", pacing.report());
                }
            }
        });
        replay.positionProperty().addListener((observable, before, position) -> {
            if (position.intValue() == 0) {
                // A restart or a new run starts a new measurement.
                pacing.reset();
            }
        });
        replay.finishedProperty().addListener((observable, was, finished) -> {
            var report = replay.shown().report();
            if (finished && report != null && report.failedStep() != null) {
                // Layout runs first, so that the rows have their final heights.
                Platform.runLater(() -> scrollIntoView(diagram.row(report.failedStep())));
            }
        });
        replay.activeStepProperty().addListener((observable, before, step) -> {
            if (step != null) {
                scrollIntoView(diagram.row(step));
            }
        });
        if (replay.isPlaying()) {
            timer.start();
        }
    }

    /** Returns the diagram node, which the PNG export draws. */
    public HandshakeDiagram diagram() {
        return diagram;
    }

    /** Returns the frame pacing measured since the replay last started playing. */
    public FramePacingProbe.Report framePacing() {
        return pacing.report();
    }

    /** Scrolls the diagram just enough to show the whole of {@code row}, so that the replay stays in view. */
    private void scrollIntoView(Region row) {
        double contentHeight = diagram.getHeight();
        double viewportHeight = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewportHeight || viewportHeight <= 0) {
            return;
        }
        double scrollable = contentHeight - viewportHeight;
        double top = scroll.getVvalue() * scrollable;
        double rowTop = row.getBoundsInParent().getMinY();
        double rowBottom = row.getBoundsInParent().getMaxY();
        if (rowTop < top) {
            scroll.setVvalue(rowTop / scrollable);
        } else if (rowBottom > top + viewportHeight) {
            scroll.setVvalue(Math.min(1, (rowBottom - viewportHeight) / scrollable));
        }
    }

    private void showFix(Node anchor, Finding finding) {
        if (finding == null) {
            return;
        }
        if (fixPopOver != null) {
            fixPopOver.hide();
        }
        Label title = new Label("Fix for " + finding.code());
        title.getStyleClass().add("fix-title");
        Label fix = new Label(finding.fix().isBlank() ? "No fix is known for this finding." : finding.fix());
        fix.setId("fixText");
        fix.setWrapText(true);
        fix.setMaxWidth(420);
        fix.setMinHeight(Label.USE_PREF_SIZE);
        Button copy = new Button("Copy");
        copy.setId("fixCopy");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(finding.fix());
            Clipboard.getSystemClipboard().setContent(content);
        });
        VBox content = new VBox(6, title, fix, copy);
        content.getStyleClass().add("fix-popover");
        content.setId("fixPopover");

        fixPopOver = new PopOver(content);
        fixPopOver.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
        fixPopOver.setDetachable(false);
        fixPopOver.show(anchor);
    }
}
