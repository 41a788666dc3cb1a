package io.mtlsstudio.ui.config;

import io.mtlsstudio.cadence.config.CadenceDevLayout;
import io.mtlsstudio.ui.MainView;
import io.mtlsstudio.ui.MainViewModel;
import io.mtlsstudio.ui.MtlsStudioApp;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import io.mtlsstudio.ui.generate.GeneratorView;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Opens the main window on a real display, drives it to one screen, and saves a PNG of that
 * screen; not a test. Run it under Xvfb with the test class path:
 * {@code java -Dmtlsstudio.config.dir=/tmp/settings -cp ... io.mtlsstudio.ui.config.ScreenshotTour config OUT.png}.
 * Screens: {@code config}, {@code config-error}, {@code export}, {@code generator}, {@code generator-confirm},
 * {@code profile-save}, {@code recent-files}; the PNG shows the window opened last.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ScreenshotTour config|export|generator OUT.png");
            System.exit(2);
        }
        Application.launch(Tour.class, args);
    }

    /** The application that plays one screen's steps, then saves the PNG and exits. */
    public static final class Tour extends Application {

        private final Deque<Step> steps = new ArrayDeque<>();
        private MainViewModel model;
        private MainView view;
        private Stage stage;
        private Path out;

        private record Step(String description, Callable<Boolean> ready, Runnable action) {
        }

        @Override
        public void start(Stage primary) {
            String screen = getParameters().getRaw().get(0);
            out = Path.of(getParameters().getRaw().get(1)).toAbsolutePath();
            stage = primary;
            model = MainViewModel.create();
            view = MtlsStudioApp.show(stage, model);
            model.useSampleCredentials();
            view.workArea().setDividerPositions(0.37);

            switch (screen) {
                case "config" -> config();
                case "export" -> export();
                case "generator" -> generator();
                case "config-error" -> configError();
                case "generator-confirm" -> generatorConfirm();
                case "profile-save" -> profileSave();
                case "recent-files" -> recentFiles();
                default -> throw new IllegalArgumentException("unknown screen " + screen);
            }
            then("the window settles", () -> true, () -> { });
            next();
        }

        private void config() {
            then("the form is filled", () -> model.connection().embeddedFrontendProperty().get(), () -> {
                selectTab("configTab");
                model.config().pathProperty().set(CadenceDevLayout.configFolder().toString());
                model.config().load();
            });
            then("the configuration loads", () -> !model.config().blocks().isEmpty(), model.config()::startFrontend);
            then("the frontend runs", () -> !model.config().frontendAddressProperty().get().isEmpty(), () -> {
                ConfigView configView = (ConfigView) view.lookup("#configView");
                configView.blockTable().getSelectionModel().select(2);
            });
        }

        private void configError() {
            then("the form is filled", () -> model.connection().embeddedFrontendProperty().get(), () -> {
                Path broken = Path.of(System.getProperty("java.io.tmpdir"), "mtls-studio-tour-broken");
                try {
                    Files.createDirectories(broken);
                    Files.writeString(broken.resolve("base.yaml"), "services:\n  frontend:\n    rpc: [unclosed\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                selectTab("configTab");
                model.config().pathProperty().set(broken.toString());
                model.config().load();
            });
            then("the error shows", () -> !model.config().errorProperty().get().isEmpty(), () -> { });
        }

        private void export() {
            then("the form is filled", () -> model.connection().embeddedFrontendProperty().get(), () -> {
                selectTab("configTab");
                model.config().pathProperty().set(CadenceDevLayout.configFolder().toString());
                model.config().load();
            });
            then("the configuration loads", () -> !model.config().blocks().isEmpty(), () -> {
                model.connection().embeddedFrontendProperty().set(false);
                model.connection().targetProperty().set("cadence-frontend.example.test:7833");
                model.export().useConfigFrontend();
                selectTab("exportTab");
            });
        }

        private void generator() {
            Path out = Path.of(System.getProperty("java.io.tmpdir"), "mtls-studio-tour-pki");
            then("the form is filled", () -> model.connection().embeddedFrontendProperty().get(), () -> {
                model.generator().outDirectoryProperty().set(out.toString());
                model.generator().brokenVariantsProperty().set(true);
                model.generator().addName("frontend.example.test");
                GeneratorView.open(stage, model.generator());
            });
            then("the dialog shows", () -> Window.getWindows().size() > 1, () -> model.generator().generate(true, outcome -> {
            }));
            then("the set is written", () -> model.generator().resultProperty().get() != null, () -> { });
        }

        private void generatorConfirm() {
            generator();
            then("the first set is written", () -> model.generator().resultProperty().get() != null,
                    () -> fire(Window.getWindows().get(Window.getWindows().size() - 1), "#generatorRun"));
            then("the question shows", () -> Window.getWindows().size() > 2, () -> { });
        }

        private void profileSave() {
            then("the form is filled", () -> model.connection().embeddedFrontendProperty().get(),
                    () -> fire(stage, "#profileSaveAs"));
            then("the name dialog shows", () -> Window.getWindows().size() > 1, () -> { });
        }

        private void recentFiles() {
            then("the form is filled", () -> model.connection().embeddedFrontendProperty().get(), () -> {
                CredentialFieldModel ca = model.connection().ca();
                model.profiles().remember(CredentialFieldModel.Kind.CA, Path.of(ca.path()));
                model.profiles().remember(CredentialFieldModel.Kind.CA, CadenceDevLayout.credentials().resolve("keytest.crt"));
            });
            then("the list fills", () -> model.profiles().recent(CredentialFieldModel.Kind.CA).size() >= 2,
                    () -> ((MenuButton) stage.getScene().lookup("#caFileRecent")).show());
            then("the list shows", () -> Window.getWindows().size() > 1, () -> { });
        }

        private static void fire(Window window, String id) {
            // A dialog cannot wait inside an animation's handler, so the click runs after it.
            Platform.runLater(() -> ((ButtonBase) window.getScene().lookup(id)).fire());
        }

        private void selectTab(String id) {
            view.tabs().getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                    .ifPresent(tab -> view.tabs().getSelectionModel().select(tab));
        }

        private void then(String description, Callable<Boolean> ready, Runnable action) {
            steps.add(new Step(description, ready, action));
        }

        private void next() {
            PauseTransition pause = new PauseTransition(Duration.millis(400));
            pause.setOnFinished(event -> {
                Step step = steps.peek();
                if (step == null) {
                    save();
                    return;
                }
                try {
                    if (step.ready().call()) {
                        steps.poll();
                        step.action().run();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Step failed: " + step.description(), e);
                }
                next();
            });
            pause.play();
        }

        private void save() {
            Window top = Window.getWindows().get(Window.getWindows().size() - 1);
            Scene scene = top.getScene();
            WritableImage image = scene.snapshot(null);
            try {
                Files.createDirectories(out.getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("Saved " + out + " (" + (int) image.getWidth() + "x" + (int) image.getHeight() + ")");
            model.close();
            // Dialogs waiting in a nested event loop close first; exiting under them crashes the GTK toolkit.
            List.copyOf(Window.getWindows()).stream().filter(window -> window != stage).forEach(Window::hide);
            Platform.runLater(Platform::exit);
        }
    }
}
