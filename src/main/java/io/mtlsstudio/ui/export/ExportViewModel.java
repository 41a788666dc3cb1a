package io.mtlsstudio.ui.export;

import io.mtlsstudio.cadence.config.CadenceConfig;
import io.mtlsstudio.cadence.config.TlsBlock;
import io.mtlsstudio.cadence.export.ClientSettings;
import io.mtlsstudio.cadence.export.Export;
import io.mtlsstudio.cadence.export.ExportFormat;
import io.mtlsstudio.cadence.export.Exporter;
import io.mtlsstudio.cadence.export.ServerSettings;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The export tab: the server TLS YAML, Go and Java client code, and the openssl and grpcurl
 * commands, rendered from the connection form and the server settings each time either changes.
 * Rendering reads no file, so it runs on the UI thread; saving runs in the background. Confined
 * to the UI thread.
 */
public final class ExportViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ExportViewModel.class);

    private final BackgroundWork work;
    private final ConnectionViewModel connection;
    private final ObservableValue<CadenceConfig> loadedConfig;
    private final RecentFiles recentFiles;

    private final StringProperty serverCertificate = new SimpleStringProperty(this, "serverCertificate", "");
    private final StringProperty serverKey = new SimpleStringProperty(this, "serverKey", "");
    private final StringProperty serverCaFiles = new SimpleStringProperty(this, "serverCaFiles", "");
    private final BooleanProperty requireClientAuth = new SimpleBooleanProperty(this, "requireClientAuth", true);
    private final BooleanProperty enableHostVerification = new SimpleBooleanProperty(this, "enableHostVerification", true);
    private final ObjectProperty<Path> workingDirectory = new SimpleObjectProperty<>(this, "workingDirectory");
    private final ReadOnlyStringWrapper clientSummary = new ReadOnlyStringWrapper(this, "clientSummary", "");
    private final ReadOnlyStringWrapper saveMessage = new ReadOnlyStringWrapper(this, "saveMessage", "");
    private final ReadOnlyObjectWrapper<Path> lastFolder = new ReadOnlyObjectWrapper<>(this, "lastFolder");
    private final Map<ExportFormat, ReadOnlyStringWrapper> texts = new EnumMap<>(ExportFormat.class);
    private final Map<ExportFormat, ReadOnlyStringWrapper> problems = new EnumMap<>(ExportFormat.class);
    private final Map<ExportFormat, Export> exports = new EnumMap<>(ExportFormat.class);

    /** Outcome of a save: the files written, or the existing files that need a confirmation first. */
    public record SaveOutcome(List<Path> written, List<Path> existing) {

        public SaveOutcome {
            written = List.copyOf(written);
            existing = List.copyOf(existing);
        }

        public boolean needsConfirmation() {
            return !existing.isEmpty();
        }
    }

    /**
     * @param work         where saving runs
     * @param connection   the connection form the client exports follow
     * @param loadedConfig the configuration of the Cadence config tab, whose frontend block can fill the server settings
     * @param recentFiles  where the last save folder is remembered; null to remember none
     */
    public ExportViewModel(BackgroundWork work, ConnectionViewModel connection, ObservableValue<CadenceConfig> loadedConfig,
                           RecentFiles recentFiles) {
        this.work = work;
        this.connection = connection;
        this.loadedConfig = loadedConfig;
        this.recentFiles = recentFiles;
        for (ExportFormat format : ExportFormat.values()) {
            texts.put(format, new ReadOnlyStringWrapper(this, "text" + format, ""));
            problems.put(format, new ReadOnlyStringWrapper(this, "problem" + format, ""));
        }

        List<Observable> inputs = new ArrayList<>(List.of(connection.targetProperty(), connection.serverNameProperty(),
                connection.tlsProperty(), connection.tlsVersionProperty(), connection.hostnameVerificationProperty(),
                connection.timeoutSecondsProperty(), connection.embeddedFrontendProperty(), connection.embeddedAddressProperty(),
                serverCertificate, serverKey, serverCaFiles, requireClientAuth, enableHostVerification, workingDirectory));
        connection.files().forEach(field -> inputs.add(field.pathProperty()));
        inputs.forEach(input -> input.addListener(changed -> refresh()));
        refresh();
    }

    public StringProperty serverCertificateProperty() {
        return serverCertificate;
    }

    public StringProperty serverKeyProperty() {
        return serverKey;
    }

    /** Returns the server's CA files, separated by {@link File#pathSeparator}; with requireClientAuth they verify client certificates. */
    public StringProperty serverCaFilesProperty() {
        return serverCaFiles;
    }

    public BooleanProperty requireClientAuthProperty() {
        return requireClientAuth;
    }

    public BooleanProperty enableHostVerificationProperty() {
        return enableHostVerification;
    }

    /** Returns the server's working directory: paths under it are written relative to it. Null writes them as given. */
    public ObjectProperty<Path> workingDirectoryProperty() {
        return workingDirectory;
    }

    /** Returns the configuration loaded in the Cadence config tab, or a value holding null. */
    public ObservableValue<CadenceConfig> loadedConfigProperty() {
        return loadedConfig;
    }

    /** Returns a one-line description of the connection the client exports use. */
    public ReadOnlyStringProperty clientSummaryProperty() {
        return clientSummary.getReadOnlyProperty();
    }

    /** Returns the outcome of the last save. */
    public ReadOnlyStringProperty saveMessageProperty() {
        return saveMessage.getReadOnlyProperty();
    }

    /** Returns the folder of the last save, or null; a save dialog starts there. */
    public ReadOnlyObjectProperty<Path> lastFolderProperty() {
        return lastFolder.getReadOnlyProperty();
    }

    /** Returns the rendered text of a format; empty when the settings do not allow it. */
    public ReadOnlyStringProperty textProperty(ExportFormat format) {
        return texts.get(format).getReadOnlyProperty();
    }

    /** Returns why a format cannot be rendered; empty when it is. */
    public ReadOnlyStringProperty problemProperty(ExportFormat format) {
        return problems.get(format).getReadOnlyProperty();
    }

    public String text(ExportFormat format) {
        return texts.get(format).get();
    }

    /** Returns the rendered export of a format, for its suggested file name; empty when it cannot be rendered. */
    public Optional<Export> export(ExportFormat format) {
        return Optional.ofNullable(exports.get(format));
    }

    /** Reads the last save folder in the background. */
    public void loadLastFolder() {
        if (recentFiles == null) {
            return;
        }
        work.submit(() -> recentFiles.list(RecentFiles.EXPORT_FOLDER).stream().filter(Files::isDirectory).findFirst(),
                folder -> folder.ifPresent(lastFolder::set),
                failure -> LOG.warn("Reading the last export folder failed: {}", failure.getMessage()));
    }

    /** Fills the server settings from the loaded configuration's frontend block, with paths as the server resolves them. */
    public void useConfigFrontend() {
        CadenceConfig config = loadedConfig.getValue();
        if (config == null) {
            return;
        }
        TlsBlock frontend = config.frontend();
        serverCertificate.set(frontend.certificatePath().map(Path::toString).orElse(""));
        serverKey.set(frontend.keyPath().map(Path::toString).orElse(""));
        serverCaFiles.set(String.join(File.pathSeparator, frontend.effectiveCaFiles().stream().map(Path::toString).toList()));
        requireClientAuth.set(frontend.requireClientAuth().value());
        enableHostVerification.set(frontend.enableHostVerification().value());
        workingDirectory.set(frontend.workingDirectory());
    }

    /** Fills the server settings with a frontend certificate, its key and the CA that verifies client certificates. */
    public void useServerFiles(Path certificate, Path key, Path ca) {
        serverCertificate.set(certificate.toString());
        serverKey.set(key.toString());
        serverCaFiles.set(ca.toString());
        requireClientAuth.set(true);
        workingDirectory.set(null);
    }

    /** Renders every format again from the current settings. */
    public void refresh() {
        ClientSettings client;
        try {
            client = clientSettings();
            clientSummary.set(describe(client));
        } catch (IllegalArgumentException e) {
            client = null;
            clientSummary.set("The connection form cannot be exported: " + e.getMessage());
        }
        ServerSettings server;
        String serverProblem = "";
        try {
            server = serverSettings();
        } catch (IllegalArgumentException e) {
            server = null;
            serverProblem = e.getMessage();
        }

        for (ExportFormat format : ExportFormat.values()) {
            String problem = "";
            if (format == ExportFormat.SERVER_YAML) {
                problem = serverProblem;
            } else if (client == null) {
                problem = clientSummary.get();
            }
            if (!problem.isEmpty()) {
                show(format, null, problem);
                continue;
            }
            try {
                show(format, Exporter.export(format, client, server), "");
            } catch (IllegalArgumentException e) {
                show(format, null, e.getMessage());
            }
        }
    }

    /**
     * Saves a format to {@code file} in the background, with its companion files (the proto file of
     * the grpcurl command) next to it. The save dialog confirmed replacing {@code file} itself, so
     * only existing companions need {@code overwriteCompanions}; without it they come back in the
     * outcome and nothing is written.
     */
    public void save(ExportFormat format, Path file, boolean overwriteCompanions, Consumer<SaveOutcome> onOutcome) {
        Export rendered = exports.get(format);
        if (rendered == null) {
            saveMessage.set("Nothing to save: " + problems.get(format).get());
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        Export named = new Export(format, rendered.text(), file.getFileName().toString(), rendered.companions());
        work.submit(() -> write(named, folder, overwriteCompanions),
                outcome -> {
                    if (outcome.needsConfirmation()) {
                        saveMessage.set("Not saved yet: " + outcome.existing().size() + " file(s) exist.");
                    } else {
                        saveMessage.set("Saved " + String.join(", ", outcome.written().stream().map(Path::toString).toList()) + ".");
                        lastFolder.set(folder);
                    }
                    onOutcome.accept(outcome);
                },
                failure -> saveMessage.set("Saving " + file + " failed: " + failure.getMessage()));
    }

    private SaveOutcome write(Export export, Path folder, boolean overwriteCompanions) throws Exception {
        if (!overwriteCompanions) {
            List<Path> existing = export.companions().keySet().stream().map(folder::resolve).filter(Files::exists).toList();
            if (!existing.isEmpty()) {
                return new SaveOutcome(List.of(), existing);
            }
        }
        List<Path> written = export.saveTo(folder, true);
        LOG.info("Saved the {} export to {}", export.format(), written);
        if (recentFiles != null) {
            recentFiles.add(RecentFiles.EXPORT_FOLDER, folder);
        }
        return new SaveOutcome(written, List.of());
    }

    private void show(ExportFormat format, Export export, String problem) {
        if (export == null) {
            exports.remove(format);
        } else {
            exports.put(format, export);
        }
        texts.get(format).set(export == null ? "" : export.text());
        problems.get(format).set(problem);
    }

    /** Builds the client settings from the form: the embedded frontend's address while it is dialled, else the target. */
    ClientSettings clientSettings() {
        Target target = embeddedTarget().orElseGet(() -> Target.parse(connection.targetProperty().get()));
        ClientSettings.Builder builder = ClientSettings.builder(target)
                .serverName(connection.serverNameProperty().get())
                .tls(connection.tlsProperty().get())
                .tlsVersion(connection.tlsVersionProperty().get())
                .hostnameVerification(connection.hostnameVerificationProperty().get())
                .timeout(timeout());
        Path certificate = path(connection.clientCertificate());
        Path key = path(connection.clientKey());
        if (certificate != null || key != null) {
            builder.clientCertificate(certificate, key);
        }
        Path ca = path(connection.ca());
        builder.caFiles(ca == null ? List.of() : List.of(ca));
        return builder.build();
    }

    private ServerSettings serverSettings() {
        Path certificate = path("frontend certificate", serverCertificate.get());
        Path key = path("frontend key", serverKey.get());
        if (certificate == null || key == null) {
            throw new IllegalArgumentException("The server TLS YAML needs the frontend's certificate and key files. Enter them "
                    + "under Server settings, or take them from the Cadence config tab.");
        }
        List<Path> cas = new ArrayList<>();
        for (String entry : serverCaFiles.get().split(File.pathSeparator)) {
            Optional.ofNullable(path("CA file", entry)).ifPresent(cas::add);
        }
        boolean clientAuth = requireClientAuth.get();
        if (clientAuth && cas.isEmpty()) {
            throw new IllegalArgumentException("requireClientAuth needs a CA file to verify client certificates against. "
                    + "Enter it under Server settings, or turn requireClientAuth off.");
        }
        return new ServerSettings(true, certificate, key, cas, clientAuth, enableHostVerification.get(), null, null, null, null,
                workingDirectory.get());
    }

    private Optional<Target> embeddedTarget() {
        if (!connection.embeddedFrontendProperty().get()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Target.parse(connection.embeddedAddressProperty().get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Returns the form's timeout, or the export default while the field does not hold whole seconds from 1 to the form's maximum. */
    private Duration timeout() {
        try {
            int seconds = Integer.parseInt(connection.timeoutSecondsProperty().get().strip());
            if (seconds >= 1 && seconds <= ConnectionViewModel.MAX_TIMEOUT_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException | NullPointerException e) {
            // The form marks the field itself on Connect; the export keeps its default meanwhile.
        }
        return ClientSettings.DEFAULT_TIMEOUT;
    }

    private static Path path(CredentialFieldModel field) {
        return path(field.kind().label().toLowerCase(), field.path());
    }

    private static Path path(String fieldName, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("The " + fieldName + " \"" + text.strip() + "\" is not a valid path: " + e.getReason() + ".", e);
        }
    }

    private static String describe(ClientSettings client) {
        StringBuilder text = new StringBuilder("Client side from the connection form: ").append(client.target());
        if (!client.tls()) {
            return text.append(", plaintext.").toString();
        }
        text.append(", server name ").append(client.effectiveServerName());
        text.append(client.hasClientCertificate() ? ", client certificate " + client.clientCertificate().getFileName()
                : ", no client certificate");
        text.append(client.firstCaFile().map(ca -> ", CA " + ca.getFileName()).orElse(", the default trust store"));
        if (!client.hostnameVerification()) {
            text.append(", host name check off");
        }
        return text.append('.').toString();
    }
}
