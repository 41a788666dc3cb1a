package io.mtlsstudio.ui.chain;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.ui.MainView;
import io.mtlsstudio.ui.MainViewModel;
import io.mtlsstudio.ui.MtlsStudioApp;
import io.mtlsstudio.ui.findings.FileMarkView;
import io.mtlsstudio.ui.findings.TestFiles;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import io.mtlsstudio.ui.run.ResultKind;
import io.mtlsstudio.ui.scenario.ScenarioRow;
import io.mtlsstudio.ui.scenario.ScenarioView;
import io.mtlsstudio.ui.scenario.ScenarioViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Opens the real window on a display, drives it into the states the documentation shows, and
 * saves each state as a PNG of the window's scene, {@code <name>.png}, and of the whole screen
 * with ImageMagick's {@code import -window root}, {@code <name>-screen.png}, which includes
 * pop-overs and dialogs. Every server is an embedded frontend or a socket on 127.0.0.1. Run it
 * under Xvfb:
 * {@code xvfb-run -s "-screen 0 1400x900x24" mvn exec:java -Dexec.mainClass=io.mtlsstudio.ui.chain.WindowScreenshots -Dexec.args=OUT_DIR}
 */
public final class WindowScreenshots extends Application {

    private static Path out;

    private MainViewModel model;
    private MainView view;

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        launch(WindowScreenshots.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        Files.createDirectories(out);
        model = MainViewModel.create();
        view = MtlsStudioApp.show(stage, model);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                sampleCredentials();
                fileMarks();
            } catch (Throwable e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(() -> {
                    model.close();
                    Platform.exit();
                });
            }
        });
    }

    /** The sample files and the embedded demo frontend: the Certificates tab, then the Scenarios tab in three runs. */
    private void sampleCredentials() throws Exception {
        fx(model::useSampleCredentials);
        waitFor(() -> model.connection().files().stream().allMatch(field -> field.state() == CredentialFieldModel.State.VALID)
                && model.connection().embeddedFrontendProperty().get());
        fx(model::connect);
        waitFor(() -> model.run().resultKind() == ResultKind.SUCCESS || model.run().resultKind() == ResultKind.FAILURE);
        waitFor(() -> model.chains().serverProperty().get().hasChains() && model.chains().clientProperty().get().hasChains());
        fx(() -> model.selectedStepProperty().set(StepId.SERVER_CERTIFICATE));
        shoot("step-detail-server-certificate");
        fx(() -> {
            view.tabs().getSelectionModel().select(tab("certificatesTab"));
            ChainView chains = (ChainView) tab("certificatesTab").getContent();
            chains.tree().getSelectionModel().select(chains.tree().getRoot().getChildren().get(1).getChildren().get(0));
        });
        shoot("certificates-tab");
        fx(() -> {
            ChainView chains = (ChainView) tab("certificatesTab").getContent();
            chains.tree().getSelectionModel().select(chains.tree().getRoot().getChildren().get(0));
        });
        shoot("certificates-client-side");

        ScenarioViewModel scenarios = model.scenarios();
        fx(() -> view.tabs().getSelectionModel().select(tab("scenariosTab")));
        fx(scenarios::run);
        waitFor(() -> scenarios.reportProperty().get() != null);
        selectRow(2);
        shoot("scenarios-embedded");

        SampleCredentials samples = SampleCredentials.locate();
        FrontendSettings mutualTls = FrontendSettings.mutualTls(0, samples.loadFrontendChain(), samples.loadFrontendKey(),
                samples.loadCa());
        try (EmbeddedFrontend secured = EmbeddedFrontend.start(mutualTls);
             EmbeddedFrontend misconfigured = EmbeddedFrontend.start(mutualTls)) {
            fx(() -> {
                scenarios.serversProperty().set(ScenarioViewModel.Servers.USER_SERVERS);
                scenarios.securedProperty().set(secured.target());
                scenarios.unsecuredProperty().set(misconfigured.target());
            });
            fx(() -> ((ScenarioView) tab("scenariosTab").getContent()).table().getSelectionModel().clearSelection());
            fx(scenarios::run);
            waitFor(() -> scenarios.reportProperty().get() != null);
            selectRow(0);
            shoot("scenarios-tab");
        }

        // The accepted sockets stay referenced: a collected socket closes, and the probe would see a reset.
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            fx(() -> {
                scenarios.securedProperty().set("127.0.0.1:" + silent.getLocalPort());
                scenarios.unsecuredProperty().set("127.0.0.1:" + silent.getLocalPort());
            });
            fx(scenarios::run);
            waitFor(() -> scenarios.rows().stream().anyMatch(row -> row.state() == ScenarioRow.State.RUNNING));
            shoot("scenarios-running");
            fx(scenarios::cancel);
            waitFor(() -> !scenarios.isRunning());
            shoot("scenarios-cancelled");
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
        fx(() -> scenarios.serversProperty().set(ScenarioViewModel.Servers.EMBEDDED));
    }

    /** A PKCS#1 key with its findings pop-over, and an encrypted key with its password dialog. */
    private void fileMarks() throws Exception {
        Path files = Files.createTempDirectory("mtls-screenshots");
        TestFiles.writeCa(files, TestFiles.PKI.ca);
        Path key = TestFiles.pkcs1Key(files, "client");
        Path certificate = TestFiles.issueClientCertificate(files, "client");
        Path encrypted = TestFiles.encryptedKey(files, "locked", "s3cret");
        fx(() -> {
            view.tabs().getSelectionModel().select(tab("fileChecksTab"));
            model.connection().embeddedFrontendProperty().set(false);
            model.connection().clientCertificate().pathProperty().set(certificate.toString());
            model.connection().clientKey().pathProperty().set(key.toString());
            model.connection().ca().pathProperty().set(files.resolve("ca.crt").toString());
            model.connection().files().forEach(CredentialFieldModel::inspect);
        });
        waitFor(() -> model.connection().clientKey().mark() != null && model.credentialSet().inspection() != null);
        fx(() -> markView("#clientKeyMark").showFindings());
        shoot("form-pkcs1");
        fx(() -> markView("#clientKeyMark").popOver().hide());

        fx(() -> {
            model.connection().clientKey().pathProperty().set(encrypted.toString());
            model.connection().clientKey().inspect();
        });
        waitFor(() -> dialogField() != null);
        fx(() -> dialogField().setText("wrong"));
        fx(() -> okButton().fire());
        waitFor(() -> dialogField() != null && dialogField().getScene().lookup("#passwordProblem") != null);
        shoot("password-dialog");
        fx(() -> dialogField().setText("s3cret"));
        fx(() -> okButton().fire());
        waitFor(() -> model.connection().clientKey().state() == CredentialFieldModel.State.VALID);
        shoot("form-encrypted-key");
    }

    private FileMarkView markView(String query) {
        return (FileMarkView) view.lookup(query).getParent();
    }

    private static PasswordField dialogField() {
        for (Window window : Window.getWindows()) {
            Scene scene = window.getScene();
            if (scene != null && scene.lookup("#passwordField") instanceof PasswordField field) {
                return field;
            }
        }
        return null;
    }

    private static Button okButton() {
        DialogPane pane = (DialogPane) dialogField().getScene().lookup("#passwordDialog");
        return (Button) pane.lookupButton(ButtonType.OK);
    }

    private void selectRow(int index) throws Exception {
        fx(() -> ((ScenarioView) tab("scenariosTab").getContent()).table().getSelectionModel().select(index));
    }

    private Tab tab(String id) {
        return view.tabs().getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst().orElseThrow();
    }

    private void shoot(String name) throws Exception {
        Thread.sleep(800);
        WritableImage image = fx(() -> view.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve(name + ".png").toFile());
        Process screen = new ProcessBuilder("import", "-window", "root", out.resolve(name + "-screen.png").toString())
                .inheritIO().start();
        screen.waitFor(20, TimeUnit.SECONDS);
        System.out.println("Saved " + out.resolve(name + ".png"));
    }

    private static void fx(Runnable action) throws Exception {
        fx(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(action.call());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(20, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The window did not reach the expected state within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
