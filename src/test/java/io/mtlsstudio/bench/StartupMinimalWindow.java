package io.mtlsstudio.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of the start-up benchmark: a window with one label, of the same size as mTLS
 * Studio's main window, so that both first frames fill the same number of pixels.
 */
public final class StartupMinimalWindow extends Application {

    static final double WIDTH = 1360;
    static final double HEIGHT = 860;

    @Override
    public void start(Stage stage) {
        stage.setTitle("Minimal JavaFX window");
        stage.setScene(new Scene(new StackPane(new Label("Minimal JavaFX window")), WIDTH, HEIGHT));
        stage.show();
    }
}
