package io.mtlsstudio.ui.replay;

import io.mtlsstudio.ui.StatusIcon;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The replay controls: restart, step back, play or pause, step forward, speed, auto-play and narration. */
public final class PlayerBar extends HBox {

    public PlayerBar(ReplayViewModel replay) {
        setId("playerBar");
        getStyleClass().add("player-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);

        Button restart = button("Restart", "replayRestart", "player-restart", "Restart: play the run again from the start (Ctrl+R)");
        restart.setOnAction(event -> replay.restart());
        Button back = button("Back", "replayStepBack", "player-back", "Previous step: show the run up to the step before (Ctrl+Left)");
        back.setOnAction(event -> replay.stepBack());
        Button playPause = button("Play", "replayPlayPause", "player-play", "Play or pause the replay (Ctrl+P)");
        playPause.setOnAction(event -> replay.togglePlay());
        playPause.getStyleClass().add("accent");
        replay.playingProperty().addListener((observable, was, playing) -> showPlaying(playPause, playing));
        showPlaying(playPause, replay.isPlaying());
        Button forward = button("Next", "replayStepForward", "player-forward", "Next step: show the run up to the end of the next step (Ctrl+Right)");
        forward.setOnAction(event -> replay.stepForward());

        ChoiceBox<ReplaySpeed> speed = new ChoiceBox<>();
        speed.setId("replaySpeed");
        speed.getItems().setAll(ReplaySpeed.values());
        speed.valueProperty().bindBidirectional(replay.speedProperty());
        speed.setTooltip(new Tooltip("Replay speed; Instant shows every event at once (Ctrl+Minus, Ctrl+Plus)"));
        Label speedLabel = new Label("Speed");
        speedLabel.setLabelFor(speed);

        CheckBox autoPlay = new CheckBox("Auto-play");
        autoPlay.setId("replayAutoPlay");
        autoPlay.selectedProperty().bindBidirectional(replay.autoPlayProperty());
        autoPlay.setTooltip(new Tooltip("Replay each new connection as soon as it starts"));
        CheckBox narration = new CheckBox("Narration");
        narration.setId("replayNarration");
        narration.selectedProperty().bindBidirectional(replay.narrationShownProperty());
        narration.setTooltip(new Tooltip("Show what each step does and why it matters (Ctrl+N)"));

        Label position = new Label();
        position.setId("replayPosition");
        position.getStyleClass().add("hint");
        position.setMinWidth(Region.USE_PREF_SIZE);
        position.textProperty().bind(Bindings.createStringBinding(
                () -> replay.lengthProperty().get() == 0 ? "no run yet"
                        : replay.positionProperty().get() + " / " + replay.lengthProperty().get() + " events",
                replay.positionProperty(), replay.lengthProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(restart, back, playPause, forward, speedLabel, speed, autoPlay, narration, spacer, position);
    }

    /** Creates an icon button; its name is the accessible text and starts the tooltip, since no text is shown. */
    private static Button button(String text, String id, String iconClass, String tooltip) {
        StatusIcon icon = new StatusIcon();
        icon.getStyleClass().add(iconClass);
        Button button = new Button(null, icon);
        button.setId(id);
        button.setAccessibleText(text);
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().add("player-button");
        return button;
    }

    private static void showPlaying(Button button, boolean playing) {
        button.setAccessibleText(playing ? "Pause" : "Play");
        StatusIcon icon = (StatusIcon) button.getGraphic();
        icon.getStyleClass().removeAll("player-play", "player-pause");
        icon.getStyleClass().add(playing ? "player-pause" : "player-play");
    }
}
