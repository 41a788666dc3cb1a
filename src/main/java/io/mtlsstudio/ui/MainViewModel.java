package io.mtlsstudio.ui;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.ProbeRun;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.profile.ConfigFolder;
import io.mtlsstudio.profile.ProfileStore;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.config.ConfigViewModel;
import io.mtlsstudio.ui.export.DiagramImage;
import io.mtlsstudio.ui.export.ExportViewModel;
import io.mtlsstudio.ui.export.MarkdownReport;
import io.mtlsstudio.ui.form.ConnectionRequest;
import io.mtlsstudio.ui.chain.ChainViewModel;
import io.mtlsstudio.ui.findings.CredentialSetModel;
import io.mtlsstudio.ui.findings.FileFindingsModel;
import io.mtlsstudio.ui.findings.FilePasswords;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import io.mtlsstudio.ui.generate.GeneratorViewModel;
import io.mtlsstudio.ui.profile.ProfileViewModel;
import io.mtlsstudio.ui.replay.ReplayViewModel;
import io.mtlsstudio.ui.run.ResultKind;
import io.mtlsstudio.ui.run.RunViewModel;
import io.mtlsstudio.ui.run.StepModel;
import io.mtlsstudio.ui.scenario.ReportEvents;
import io.mtlsstudio.ui.scenario.ScenarioViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * The main window's state and commands: the connection form, the live run, the selected step,
 * and Connect and Cancel. File reads, the embedded frontend's start and the probe run in the
 * background; their results come back through {@link BackgroundWork} on the UI thread.
 */
public final class MainViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final BackgroundWork work;
    private final Callable<SampleCredentials> sampleLocator;
    private final ConnectionViewModel connection;
    private final CredentialSetModel credentialSet;
    private final FileFindingsModel fileFindings;
    private final ChainViewModel chains;
    private final ScenarioViewModel scenarios;
    private final RunViewModel run = new RunViewModel();
    private final ReplayViewModel replay = new ReplayViewModel(run.recording());
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final BooleanProperty presenterMode = new SimpleBooleanProperty(this, "presenterMode", false);
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final DemoFrontend demo = new DemoFrontend();
    private final ConfigViewModel config;
    private final ExportViewModel export;
    private final GeneratorViewModel generator;
    private final ProfileViewModel profiles;
    private final ObjectProperty<StepId> selectedStep = new SimpleObjectProperty<>(this, "selectedStep", StepId.CONNECT);
    private final ObjectBinding<StepModel> selectedStepModel;
    private final BooleanBinding busy;

    private SampleCredentials samples;
    private ProbeRun activeProbe;
    private long attempt;

    /**
     * @param work          where blocking work and UI updates run
     * @param sampleLocator finds the bundled sample credentials; called in the background
     */
    public MainViewModel(BackgroundWork work, Callable<SampleCredentials> sampleLocator) {
        this.work = work;
        this.sampleLocator = sampleLocator;
        this.connection = new ConnectionViewModel(work);
        Path settings = ConfigFolder.resolve();
        RecentFiles recentFiles = new RecentFiles(settings);
        this.profiles = new ProfileViewModel(work, connection, new ProfileStore(settings), recentFiles);
        this.config = ConfigViewModel.create(work, connection, recentFiles);
        this.export = new ExportViewModel(work, connection, config.configProperty(), recentFiles);
        this.generator = new GeneratorViewModel(work, connection, export, recentFiles);
        this.credentialSet = new CredentialSetModel(connection, work);
        this.fileFindings = new FileFindingsModel(connection, credentialSet);
        this.chains = new ChainViewModel(connection, credentialSet, run.timeline().reportProperty(), work);
        this.scenarios = new ScenarioViewModel(connection, work, row -> showReport(row.result().report(),
                "Scenario row " + row.scenario().id() + ": " + row.scenario().title()));
        this.selectedStepModel = Bindings.createObjectBinding(
                () -> selectedStep.get() == null ? null : run.timeline().step(selectedStep.get()), selectedStep);
        this.busy = Bindings.createBooleanBinding(() -> run.resultKind().isBusy(), run.resultKindProperty());
        run.failedStepProperty().addListener((observable, before, failed) -> {
            if (failed != null) {
                selectedStep.set(failed);
            }
        });
    }

    public static MainViewModel create() {
        return new MainViewModel(BackgroundWork.javafx(), SampleCredentials::locate);
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public RunViewModel run() {
        return run;
    }

    public ConfigViewModel config() {
        return config;
    }

    public ExportViewModel export() {
        return export;
    }

    public GeneratorViewModel generator() {
        return generator;
    }

    public ProfileViewModel profiles() {
        return profiles;
    }

    /** Returns the replay of the current run that the diagram draws. */
    public ReplayViewModel replay() {
        return replay;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Returns whether the window shows only the diagram, full screen, in large type and high contrast. */
    public BooleanProperty presenterModeProperty() {
        return presenterMode;
    }

    /** Returns the outcome of the last export, for the status bar. */
    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    /** Returns the client files checked together: the chain and the findings across the files. */
    public CredentialSetModel credentialSet() {
        return credentialSet;
    }

    public FileFindingsModel fileFindings() {
        return fileFindings;
    }

    /** Returns the Certificates tab's model: the client chain from the files and the server chain from the last run. */
    public ChainViewModel chains() {
        return chains;
    }

    public ScenarioViewModel scenarios() {
        return scenarios;
    }

    /**
     * Shows a finished probe report in the timeline, the step detail and the result line, as if it
     * had just run. Returns false, and changes nothing, while a connection attempt is in progress.
     *
     * @param origin what the report is, for the log, for example a scenario row
     */
    public boolean showReport(ProbeReport report, String origin) {
        if (isBusy()) {
            return false;
        }
        attempt++;
        run.preparing("Showing " + origin);
        run.probeStarted(report.target());
        ReportEvents.of(report).forEach(run::accept);
        // A report opened from elsewhere is shown whole; Restart replays it at the chosen pace.
        replay.showAll();
        if (report.failedStep() != null) {
            selectedStep.set(report.failedStep());
        }
        return true;
    }

    public ObjectProperty<StepId> selectedStepProperty() {
        return selectedStep;
    }

    /** Returns the model of the selected step in the live run. */
    public ObjectBinding<StepModel> selectedStepModelProperty() {
        return selectedStepModel;
    }

    /** True while files are read, the embedded frontend starts, or the probe runs. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    public boolean isBusy() {
        return busy.get();
    }

    /**
     * Locates the sample credentials in the background and fills the form with them, with the
     * embedded frontend on, so that the first Connect passes all seven steps.
     */
    public void useSampleCredentials() {
        work.submit(sampleLocator,
                located -> {
                    samples = located;
                    connection.useSampleCredentials(located);
                },
                error -> run.inputError("The sample credentials were not found: " + error.getMessage(),
                        "Choose your own certificate, key and CA files, and a target."));
    }

    /** Validates the form, then reads the files, starts the embedded frontend if asked, and runs the probe. */
    public void connect() {
        if (isBusy()) {
            return;
        }
        ConnectionViewModel.Validation validation = connection.validate();
        if (!validation.isValid()) {
            String first = validation.problems().get(0);
            String more = validation.problems().size() > 1
                    ? " (" + (validation.problems().size() - 1) + " more problem(s) are marked in the form.)" : "";
            run.inputError(first + more, "Correct the marked field and press Connect again.");
            return;
        }

        ConnectionRequest request = validation.request();
        replay.offeredVersionProperty().set(request.tlsVersion());
        FilePasswords passwords = FilePasswords.of(connection.files());
        long current = ++attempt;
        run.preparing(request.embeddedFrontend() ? "Starting the embedded demo frontend and reading the files…"
                : "Reading the credential files…");
        work.submit(() -> prepare(request, passwords),
                options -> {
                    if (current == attempt) {
                        startProbe(options, current);
                    }
                },
                error -> {
                    if (current == attempt) {
                        prepareFailed(error);
                    }
                });
    }

    /** Stops the current attempt; the run ends as CANCELLED. */
    public void cancel() {
        if (!isBusy()) {
            return;
        }
        ProbeRun probe = activeProbe;
        if (probe == null) {
            attempt++;
            run.cancelledBeforeStart();
            return;
        }
        run.note("Cancelling…");
        work.background(probe::cancel);
    }

    /** Writes the finished run as a Markdown report to {@code file}, in the background. */
    public void exportReport(Path file) {
        ProbeReport report = run.timeline().report();
        if (report == null) {
            exportMessage.set("No finished run to export. Connect first, then export the report.");
            return;
        }
        String text = MarkdownReport.render(report, replay.protocolProperty().get().note(), Instant.now());
        work.submit(() -> {
                    Files.writeString(file, text, StandardCharsets.UTF_8);
                    return file;
                },
                written -> exportMessage.set("Report written to " + written),
                error -> exportMessage.set("The report could not be written to " + file + ": " + describe(error)
                        + ". Choose another folder."));
    }

    /** Writes an image of the diagram as PNG to {@code file}, in the background. */
    public void exportImage(BufferedImage image, Path file) {
        work.submit(() -> {
                    DiagramImage.writePng(image, file);
                    return file;
                },
                written -> exportMessage.set("Diagram written to " + written + " (" + image.getWidth() + " × "
                        + image.getHeight() + " pixels)"),
                error -> exportMessage.set("The diagram could not be written to " + file + ": " + describe(error)
                        + ". Choose another folder."));
    }

    private static String describe(Exception error) {
        return error instanceof java.nio.file.NoSuchFileException missing
                ? missing.getFile() + " cannot be created, because its folder does not exist"
                : error.getMessage();
    }

    /** Cancels a running probe and stops the embedded frontend; blocks until the frontend stops. */
    @Override
    public void close() {
        attempt++;
        ProbeRun probe = activeProbe;
        if (probe != null) {
            probe.cancel();
        }
        demo.close();
        scenarios.close();
        config.close();
        connection.files().forEach(CredentialFieldModel::forgetPassword);
    }

    private ProbeOptions prepare(ConnectionRequest request, FilePasswords passwords) throws Exception {
        try (passwords) {
            if (!request.embeddedFrontend()) {
                return request.toOptions(request.target(), passwords, null);
            }
            EmbeddedFrontend frontend = demo.ensureStarted(requireSamples());
            String address = frontend.target();
            work.ui(() -> connection.setEmbeddedAddress(address));
            return request.toOptions(Target.parse(address), passwords, frontend);
        }
    }

    private SampleCredentials requireSamples() throws IOException {
        if (samples == null) {
            try {
                samples = sampleLocator.call();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return samples;
    }

    private void startProbe(ProbeOptions options, long current) {
        if (connection.embeddedFrontendProperty().get()) {
            run.note("Embedded demo frontend (mutual TLS, sample credentials) listening on " + options.target());
        }
        run.probeStarted(options.target().toString());
        ProbeRun probe = HandshakeProbe.start(options, event -> work.ui(() -> deliver(event, current)));
        activeProbe = probe;
        probe.report().whenComplete((report, error) -> work.ui(() -> {
            if (activeProbe == probe) {
                activeProbe = null;
            }
        }));
    }

    private void deliver(ProbeEvent event, long current) {
        if (current == attempt) {
            run.accept(event);
        }
    }

    private void prepareFailed(Exception error) {
        switch (error) {
            case ConnectionRequest.FileProblem problem -> {
                connection.showFileError(problem.field(), problem.getMessage());
                run.inputError(problem.getMessage(), "");
            }
            case CredentialException sampleProblem -> run.inputError("The embedded demo frontend cannot use the sample "
                    + "credentials: " + sampleProblem.getMessage(), "Turn off \"Embedded demo frontend\" and enter a target.");
            case IOException startProblem -> run.inputError("The embedded demo frontend could not start: "
                    + startProblem.getMessage(), "Turn off \"Embedded demo frontend\" and enter a target.");
            case IllegalArgumentException invalid -> run.inputError(invalid.getMessage(), "");
            default -> {
                LOG.error("Preparing the connection failed unexpectedly", error);
                run.inputError("Preparing the connection failed: " + error, "Press Connect again; if it repeats, "
                        + "report it with the log.");
            }
        }
    }

    /** Returns the kind of result the last attempt reached. */
    public ResultKind resultKind() {
        return run.resultKind();
    }
}
