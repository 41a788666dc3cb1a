package io.mtlsstudio.ui.scenario;

import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.scenario.Scenario;
import io.mtlsstudio.scenario.ScenarioCredentials;
import io.mtlsstudio.scenario.ScenarioEvent;
import io.mtlsstudio.scenario.ScenarioExport;
import io.mtlsstudio.scenario.ScenarioGroup;
import io.mtlsstudio.scenario.ScenarioReport;
import io.mtlsstudio.scenario.ScenarioRun;
import io.mtlsstudio.scenario.ScenarioRunner;
import io.mtlsstudio.scenario.ScenarioServers;
import io.mtlsstudio.scenario.ScenarioSettings;
import io.mtlsstudio.scenario.ScenarioTable;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.findings.FilePasswords;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;

/**
 * The Scenarios tab: runs the scenario table on embedded frontends or against the user's servers,
 * with the connection form's credentials or the bundled samples, and keeps one row per scenario.
 * The runner's events arrive on its own threads and are applied on the UI thread. Confined to the
 * UI thread.
 */
public final class ScenarioViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioViewModel.class);

    /**
     * grpc-netty logs every failed server transport at INFO with a stack trace, and rows 2a and 3
     * make the embedded frontends fail transports on purpose, so a run raises this logger's level.
     * The static field keeps the logger, and so its level, from being garbage collected.
     */
    private static final java.util.logging.Logger SERVER_TRANSPORT_LOG =
            java.util.logging.Logger.getLogger("io.grpc.netty.NettyServerTransport");

    /** The servers the rows run against. */
    public enum Servers { EMBEDDED, USER_SERVERS }

    /** The source of the certificates and keys the rows use. */
    public enum CredentialChoice {
        FORM_FILES("The connection form's files"),
        SAMPLES("The bundled sample credentials");

        private final String label;

        CredentialChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The formats of Export. */
    public enum ExportFormat { MARKDOWN, CSV }

    /** Progress before the first row finishes; a progress bar shows it as indeterminate. */
    static final double UNKNOWN_PROGRESS = -1;

    private final ConnectionViewModel connection;
    private final BackgroundWork work;
    private final Predicate<ScenarioRow> opener;
    private final ObjectProperty<Servers> servers = new SimpleObjectProperty<>(this, "servers", Servers.EMBEDDED);
    private final ObjectProperty<CredentialChoice> credentials = new SimpleObjectProperty<>(this, "credentials",
            CredentialChoice.FORM_FILES);
    private final StringProperty secured = new SimpleStringProperty(this, "secured", "");
    private final StringProperty unsecured = new SimpleStringProperty(this, "unsecured", "");
    private final StringProperty tlsOnly = new SimpleStringProperty(this, "tlsOnly", "");
    private final BooleanProperty commonFaults = new SimpleBooleanProperty(this, "commonFaults", true);
    private final ObservableList<ScenarioRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Run the table to see which rows pass.");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<ScenarioReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private ScenarioRun activeRun;
    private boolean cancelRequested;
    private long generation;
    private int finishedRows;

    /**
     * @param opener shows a row's probe report in the timeline and returns true. It returns false
     *               when a connection is running in the timeline. Called on the UI thread.
     */
    public ScenarioViewModel(ConnectionViewModel connection, BackgroundWork work, Predicate<ScenarioRow> opener) {
        this.connection = connection;
        this.work = work;
        this.opener = opener;
        showRows(ScenarioTable.all());
        commonFaults.addListener((observable, before, after) -> {
            if (!running.get()) {
                showRows(plannedRows());
            }
        });
    }

    public ObjectProperty<Servers> serversProperty() {
        return servers;
    }

    public ObjectProperty<CredentialChoice> credentialsProperty() {
        return credentials;
    }

    /** Returns the {@code host:port} of the user's server that requires client certificates. */
    public StringProperty securedProperty() {
        return secured;
    }

    /** Returns the {@code host:port} of the user's plaintext server. */
    public StringProperty unsecuredProperty() {
        return unsecured;
    }

    /** Returns the {@code host:port} of the user's TLS server without client authentication. */
    public StringProperty tlsOnlyProperty() {
        return tlsOnly;
    }

    /** Returns whether the common faults run after the rows of Cadence's table. */
    public BooleanProperty commonFaultsProperty() {
        return commonFaults;
    }

    public ObservableList<ScenarioRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Returns the finished share of the rows, from 0 to 1, or -1 until the first row finishes. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Returns the progress while running, then the summary of the last run. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Returns why the last run could not start or set up its servers, or an empty text. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Returns the report of the last run that ended, or null. */
    public ReadOnlyObjectProperty<ScenarioReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Checks the servers, reads the credentials in the background, and starts the run. */
    public void run() {
        if (running.get()) {
            return;
        }
        ScenarioServers.UserServers userServers = null;
        if (servers.get() == Servers.USER_SERVERS) {
            try {
                userServers = userServers();
            } catch (IllegalArgumentException e) {
                problem.set(e.getMessage());
                return;
            }
        }

        long current = ++generation;
        List<Scenario> planned = plannedRows();
        showRows(planned);
        problem.set("");
        report.set(null);
        cancelRequested = false;
        progress.set(UNKNOWN_PROGRESS);
        running.set(true);
        status.set("Reading the credentials…");
        CredentialChoice choice = credentials.get();
        ScenarioServers.UserServers target = userServers;
        CredentialInput input = choice == CredentialChoice.FORM_FILES ? CredentialInput.of(connection) : null;
        work.submit(() -> settings(target, choice, input, planned), settings -> start(settings, current), error -> {
            LOG.info("The scenario run did not start: {}", error.getMessage());
            if (current == generation) {
                running.set(false);
                problem.set(error.getMessage());
                status.set("Not run.");
            }
        });
    }

    /** Stops the run: the rows in progress and those not started end as NOT RUN. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        cancelRequested = true;
        status.set("Cancelling…");
        ScenarioRun run = activeRun;
        if (run != null) {
            work.background(run::cancel);
        }
    }

    /**
     * Shows the row's probe report in the timeline. Returns false when the row has no report, and
     * also when a connection is running, which the problem line then names.
     */
    public boolean openInTimeline(ScenarioRow row) {
        if (row == null || !row.canOpenInTimeline()) {
            return false;
        }
        if (!opener.test(row)) {
            problem.set("A connection is running in the timeline. Cancel it or wait for it, then open the row again.");
            return false;
        }
        problem.set("");
        return true;
    }

    /** Writes the last report to {@code file} in the background; the status line names the outcome. */
    public void export(Path file, ExportFormat format) {
        ScenarioReport last = report.get();
        if (last == null || file == null) {
            return;
        }
        String text = format == ExportFormat.MARKDOWN ? ScenarioExport.markdown(last) : ScenarioExport.csv(last);
        work.submit(() -> Files.writeString(file, text, StandardCharsets.UTF_8),
                written -> status.set(last.summary() + ". Exported " + last.results().size() + " rows to " + file + "."),
                error -> problem.set("The export to " + file + " failed: " + error.getMessage()
                        + ". Choose a folder you can write to."));
    }

    private List<Scenario> plannedRows() {
        return commonFaults.get() ? ScenarioTable.all() : ScenarioTable.of(EnumSet.of(ScenarioGroup.CADENCE_TABLE));
    }

    private void showRows(List<Scenario> scenarios) {
        finishedRows = 0;
        progress.set(0);
        rows.setAll(scenarios.stream().map(ScenarioRow::new).toList());
    }

    private ScenarioServers.UserServers userServers() {
        Target securedTarget = parse("Secured server", secured.get());
        Target unsecuredTarget = parse("Unsecured server", unsecured.get());
        Target tlsOnlyTarget = parse("TLS-only server", tlsOnly.get());
        if (securedTarget == null && unsecuredTarget == null && tlsOnlyTarget == null) {
            throw new IllegalArgumentException("Enter at least one server as host:port: the secured (mutual TLS), "
                    + "the unsecured (plaintext) or the TLS-only one. Rows that need a missing server are shown as not run.");
        }
        return ScenarioServers.user(securedTarget, unsecuredTarget, tlsOnlyTarget);
    }

    private static Target parse(String label, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Target.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
        }
    }

    private void start(ScenarioSettings settings, long current) {
        if (current != generation) {
            return;
        }
        if (cancelRequested) {
            running.set(false);
            status.set("Cancelled before the first row started.");
            return;
        }
        if (settings.servers() instanceof ScenarioServers.Embedded) {
            SERVER_TRANSPORT_LOG.setLevel(Level.WARNING);
        }
        activeRun = ScenarioRunner.start(settings, event -> work.ui(() -> apply(event, current)));
        status.set("Starting on " + settings.servers().describe() + "…");
    }

    private void apply(ScenarioEvent event, long current) {
        if (current != generation) {
            return;
        }
        switch (event) {
            case ScenarioEvent.TableStarted started -> {
                showRows(started.scenarios());
                progress.set(UNKNOWN_PROGRESS);
                status.set(progressText());
            }
            case ScenarioEvent.RowStarted started -> rows.get(started.index()).started();
            case ScenarioEvent.RowFinished finished -> {
                rows.get(finished.index()).finished(finished.result());
                finishedRows++;
                progress.set(rows.isEmpty() ? 1 : (double) finishedRows / rows.size());
                if (!cancelRequested) {
                    status.set(progressText());
                }
            }
            case ScenarioEvent.TableFinished finished -> finish(finished.report());
        }
    }

    private String progressText() {
        return "Running: " + finishedRows + " of " + rows.size() + " rows done…";
    }

    private void finish(ScenarioReport finished) {
        activeRun = null;
        running.set(false);
        progress.set(1);
        report.set(finished);
        status.set(finished.summary());
        if (!finished.setupError().isEmpty()) {
            problem.set(finished.setupError());
        }
    }

    /**
     * The form's fields as they are on the UI thread when Run is pressed: their paths, whether each
     * loaded, the passwords entered for them, and the server name settings.
     */
    private record CredentialInput(Path certificate, Path key, Path ca, String serverName, boolean hostnameVerification,
                                   FilePasswords passwords, List<String> problems) {

        static CredentialInput of(ConnectionViewModel connection) {
            List<String> problems = new ArrayList<>();
            Path certificate = usable(connection.clientCertificate(), problems);
            Path key = usable(connection.clientKey(), problems);
            Path ca = usable(connection.ca(), problems);
            if ((certificate == null) != (key == null) && problems.isEmpty()) {
                problems.add("The form has a client " + (certificate == null ? "key without its certificate"
                        : "certificate without its key") + ". Choose both, clear both, or run with the sample credentials.");
            }
            String name = connection.serverNameProperty().get();
            return new CredentialInput(certificate, key, ca, name == null || name.isBlank() ? null : name.strip(),
                    connection.hostnameVerificationProperty().get(), FilePasswords.of(connection.files()), problems);
        }

        private static Path usable(CredentialFieldModel field, List<String> problems) {
            if (field.isBlank()) {
                return null;
            }
            if (field.state() != CredentialFieldModel.State.VALID) {
                problems.add("The " + field.kind().label().toLowerCase() + " in the form cannot be used: " + field.message()
                        + " Correct it in the form, or run with the sample credentials.");
                return null;
            }
            return field.toOptionalPath().orElse(null);
        }
    }

    private static ScenarioSettings settings(ScenarioServers.UserServers userServers, CredentialChoice choice,
                                             CredentialInput input, List<Scenario> planned)
            throws CredentialException, IOException {
        ScenarioCredentials scenarioCredentials = choice == CredentialChoice.SAMPLES
                ? sampleCredentials(userServers == null) : formCredentials(input);
        ScenarioSettings.Builder builder = userServers == null
                ? ScenarioSettings.embedded(scenarioCredentials)
                : ScenarioSettings.userServers(userServers, scenarioCredentials);
        return builder.scenarios(planned).build();
    }

    private static ScenarioCredentials sampleCredentials(boolean embedded) throws CredentialException, IOException {
        ScenarioCredentials sample = ScenarioCredentials.sample();
        if (embedded) {
            return sample;
        }
        return ScenarioCredentials.builder()
                .clientCertificate(sample.clientChain(), sample.clientKey())
                .trustedCas(sample.trustedCas())
                .build();
    }

    private static ScenarioCredentials formCredentials(CredentialInput input) throws CredentialException {
        try (FilePasswords passwords = input.passwords()) {
            if (!input.problems().isEmpty()) {
                throw new IllegalArgumentException(input.problems().get(0));
            }
            ScenarioCredentials.Builder builder = ScenarioCredentials.builder()
                    .serverName(input.serverName())
                    .hostnameVerification(input.hostnameVerification());
            if (input.certificate() != null) {
                List<X509Certificate> chain = CredentialFiles.readCertificates(input.certificate(), passwords);
                PrivateKey key = CredentialFiles.readPrivateKey(input.key(), passwords);
                builder.clientCertificate(chain, key);
            }
            if (input.ca() != null) {
                builder.trustedCas(CredentialFiles.readCertificates(input.ca()));
            }
            return builder.build();
        }
    }

    /** Cancels a run in progress; the runner stops its embedded frontends on its own thread. */
    public void close() {
        generation++;
        ScenarioRun run = activeRun;
        if (run != null) {
            run.cancel();
        }
    }
}
