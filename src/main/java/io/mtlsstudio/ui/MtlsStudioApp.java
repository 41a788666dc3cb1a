package io.mtlsstudio.ui;

import javafx.application.Application;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop application: one main window over a {@link MainViewModel}. */
public class MtlsStudioApp extends Application {

    /** Sizes of the rendered application icon; the window system picks the one that fits. */
    private static final java.util.List<Integer> APP_ICON_SIZES = java.util.List.of(16, 24, 32, 48, 64, 128, 256);

    /**
     * Set to {@code true} in a development run ({@code -Dmtls.studio.autoConnect=true}) to press
     * Connect once the form is filled, for screenshots taken without a mouse. Off by default.
     */
    static final String AUTO_CONNECT_PROPERTY = "mtls.studio.autoConnect";

    static final double WIDTH = 1360;
    static final double HEIGHT = 860;

    private MainViewModel model;

    @Override
    public void start(Stage stage) {
        model = MainViewModel.create();
        show(stage, model);
        model.useSampleCredentials();
        if (Boolean.getBoolean(AUTO_CONNECT_PROPERTY)) {
            connectOnceFilled(model);
        }
    }

    private static void connectOnceFilled(MainViewModel model) {
        ChangeListener<Boolean> listener = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean before, Boolean enabled) {
                if (enabled) {
                    observable.removeListener(this);
                    model.connect();
                }
            }
        };
        model.connection().embeddedFrontendProperty().addListener(listener);
    }

    /** Builds the main window for {@code model} on {@code stage} and shows it; tests use it too. */
    public static MainView show(Stage stage, MainViewModel model) {
        MainView view = new MainView(model);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        stage.setTitle("mTLS Studio");
        stage.setScene(scene);
        stage.setMinWidth(Math.min(960, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        stage.getIcons().addAll(APP_ICON_SIZES.stream()
                .map(size -> new Image(MtlsStudioApp.class.getResource("/io/mtlsstudio/icons/app/mtls-studio-" + size + ".png").toExternalForm()))
                .toList());
        stage.show();
        view.lookup("#connectButton").requestFocus();
        return view;
    }

    static String stylesheet(String name) {
        return MtlsStudioApp.class.getResource(name).toExternalForm();
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
    }
}
