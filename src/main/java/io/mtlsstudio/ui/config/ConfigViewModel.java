package io.mtlsstudio.ui.config;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendEvent;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.cadence.config.CadenceConfig;
import io.mtlsstudio.cadence.config.CadenceConfigException;
import io.mtlsstudio.cadence.config.CadenceConfigLoader;
import io.mtlsstudio.cadence.config.ConfigFrontend;
import io.mtlsstudio.cadence.config.ConfigRequest;
import io.mtlsstudio.cadence.config.YamlLocation;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Cadence config tab: which configuration to load, what loading found, and the embedded
 * frontend served from exactly its frontend block. Loading, starting and stopping run in the
 * background. Confined to the UI thread.
 */
public final class ConfigViewModel implements AutoCloseable {

    /** The zone of Cadence's TLS overlay, {@code development_tls.yaml}. */
    public static final String DEFAULT_ZONE = "tls";
    public static final String LOOPBACK = "127.0.0.1";
    static final String IDLE_SUMMARY = "Open a Cadence config folder (with base.yaml and development.yaml) or one YAML file.";

    /** Life cycle of the embedded frontend served from the loaded configuration. */
    public enum FrontendState { STOPPED, STARTING, RUNNING, STOPPING }

    private static final Logger LOG = LoggerFactory.getLogger(ConfigViewModel.class);

    private final BackgroundWork work;
    private final ConnectionViewModel connection;
    private final RecentFiles recentFiles;
    private final Supplier<Map<String, String>> environment;

    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final StringProperty env = new SimpleStringProperty(this, "env", ConfigRequest.DEFAULT_ENV);
    private final StringProperty zone = new SimpleStringProperty(this, "zone", DEFAULT_ZONE);
    private final StringProperty port = new SimpleStringProperty(this, "port", "0");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<CadenceConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", IDLE_SUMMARY);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<YamlLocation> errorLocation = new ReadOnlyObjectWrapper<>(this, "errorLocation");
    private final ObservableList<SettingRow> blocks = FXCollections.observableArrayList();
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
    private final ObservableList<Path> recentPaths = FXCollections.observableArrayList();
    private final ObservableList<SettingRow> blocksView = FXCollections.unmodifiableObservableList(blocks);
    private final ObservableList<FindingRow> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableList<Path> recentPathsView = FXCollections.unmodifiableObservableList(recentPaths);

    private final ReadOnlyObjectWrapper<FrontendState> frontendState = new ReadOnlyObjectWrapper<>(this, "frontendState",
            FrontendState.STOPPED);
    private final ReadOnlyStringWrapper frontendAddress = new ReadOnlyStringWrapper(this, "frontendAddress", "");
    private final ReadOnlyStringWrapper frontendMessage = new ReadOnlyStringWrapper(this, "frontendMessage", "");
    private final ReadOnlyStringWrapper lastFrontendEvent = new ReadOnlyStringWrapper(this, "lastFrontendEvent", "");
    private final BooleanBinding canStart;

    private EmbeddedFrontend frontend;
    private long loadGeneration;
    private boolean closed;

    /**
     * @param work        where loading and the embedded frontend's start and stop run
     * @param connection  the connection form that "Use as target" fills
     * @param recentFiles where chosen config paths are remembered; null to remember none
     * @param environment variables for {@code ${VAR}} expansion in the YAML, read at each load
     */
    public ConfigViewModel(BackgroundWork work, ConnectionViewModel connection, RecentFiles recentFiles,
                           Supplier<Map<String, String>> environment) {
        this.work = work;
        this.connection = connection;
        this.recentFiles = recentFiles;
        this.environment = environment;
        this.canStart = Bindings.createBooleanBinding(
                () -> config.get() != null && frontendState.get() == FrontendState.STOPPED && !loading.get(),
                config, frontendState, loading);
    }

    /** Creates the tab's model with the process environment. */
    public static ConfigViewModel create(BackgroundWork work, ConnectionViewModel connection, RecentFiles recentFiles) {
        return new ConfigViewModel(work, connection, recentFiles, System::getenv);
    }

    /** Returns the config folder or YAML file, as typed or chosen. */
    public StringProperty pathProperty() {
        return path;
    }

    /** Returns the server's {@code --env}; blank means development. */
    public StringProperty envProperty() {
        return env;
    }

    /** Returns the server's {@code --zone}; blank for none. */
    public StringProperty zoneProperty() {
        return zone;
    }

    /** Returns the port for the embedded frontend; 0 picks a free one. */
    public StringProperty portProperty() {
        return port;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Returns the last configuration that loaded; null before the first and after a failed load. */
    public ReadOnlyObjectProperty<CadenceConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Returns why the configuration cannot be read at all, such as a YAML syntax error; empty when it loaded. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Returns the file, line and column of a YAML syntax error; null when the error has no single place. */
    public ReadOnlyObjectProperty<YamlLocation> errorLocationProperty() {
        return errorLocation.getReadOnlyProperty();
    }

    /** Returns one row per TLS block, each with its keys as children. */
    public ObservableList<SettingRow> blocks() {
        return blocksView;
    }

    public ObservableList<FindingRow> findings() {
        return findingsView;
    }

    /** Returns the config paths chosen before, most recent first. */
    public ObservableList<Path> recentPaths() {
        return recentPathsView;
    }

    public ReadOnlyObjectProperty<FrontendState> frontendStateProperty() {
        return frontendState.getReadOnlyProperty();
    }

    /** Returns {@code host:port} of the running embedded frontend; empty when it is not running. */
    public ReadOnlyStringProperty frontendAddressProperty() {
        return frontendAddress.getReadOnlyProperty();
    }

    /** Returns what the embedded frontend serves, or why it could not start. */
    public ReadOnlyStringProperty frontendMessageProperty() {
        return frontendMessage.getReadOnlyProperty();
    }

    /** Returns the embedded frontend's latest observation of a client, such as an accepted client certificate. */
    public ReadOnlyStringProperty lastFrontendEventProperty() {
        return lastFrontendEvent.getReadOnlyProperty();
    }

    /** True when a configuration is loaded and the embedded frontend is stopped. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** Reads the remembered config paths in the background. */
    public void loadRecentPaths() {
        if (recentFiles == null) {
            return;
        }
        work.submit(() -> recentFiles.list(RecentFiles.CADENCE_CONFIG), recentPaths::setAll,
                failure -> LOG.warn("Reading the recent config paths failed: {}", failure.getMessage()));
    }

    /** Sets the path to a chosen folder or file, remembers it, and loads it. */
    public void open(File chosen) {
        if (chosen == null) {
            return;
        }
        path.set(chosen.getAbsolutePath());
        remember(chosen.toPath());
        load();
    }

    /** Loads the configuration at the path with the env and zone, in the background. */
    public void load() {
        Path folder;
        try {
            folder = requestedPath();
        } catch (IllegalArgumentException e) {
            showError(e.getMessage(), null);
            return;
        }

        ConfigRequest request = ConfigRequest.of(folder).withEnv(env.get()).withZone(zone.get())
                .withEnvironment(environment.get());
        long current = ++loadGeneration;
        loading.set(true);
        summary.set("Loading " + folder + " (env " + request.env() + (request.zone().isEmpty() ? "" : ", zone " + request.zone())
                + ")…");
        work.submit(() -> CadenceConfigLoader.load(request),
                loaded -> {
                    if (current == loadGeneration) {
                        show(loaded);
                    }
                },
                failure -> {
                    if (current == loadGeneration) {
                        loadFailed(folder, failure);
                    }
                });
    }

    /** Starts the embedded frontend with exactly the loaded frontend block, on loopback. */
    public void startFrontend() {
        CadenceConfig loaded = config.get();
        if (loaded == null || frontendState.get() != FrontendState.STOPPED) {
            return;
        }
        int listenPort;
        try {
            listenPort = parsePort();
        } catch (IllegalArgumentException e) {
            frontendMessage.set(e.getMessage());
            return;
        }

        frontendState.set(FrontendState.STARTING);
        frontendMessage.set("Starting the embedded frontend with " + loaded.frontend().path() + "…");
        lastFrontendEvent.set("");
        work.submit(() -> start(loaded, listenPort),
                started -> {
                    if (closed) {
                        work.background(started::close);
                        return;
                    }
                    frontend = started;
                    frontendAddress.set(started.target());
                    frontendState.set(FrontendState.RUNNING);
                    frontendMessage.set(describe(started.settings()) + ".");
                },
                failure -> {
                    frontendState.set(FrontendState.STOPPED);
                    frontendMessage.set("The embedded frontend did not start: " + failure.getMessage());
                });
    }

    /** Stops the embedded frontend in the background. */
    public void stopFrontend() {
        EmbeddedFrontend running = frontend;
        if (running == null || frontendState.get() != FrontendState.RUNNING) {
            return;
        }
        frontend = null;
        String address = frontendAddress.get();
        frontendState.set(FrontendState.STOPPING);
        frontendMessage.set("Stopping the embedded frontend on " + address + "…");
        work.submit(() -> {
                    running.close();
                    return address;
                },
                stoppedAddress -> stopped("Stopped the embedded frontend that listened on " + stoppedAddress + "."),
                failure -> stopped("The embedded frontend stopped with an error: " + failure.getMessage()));
    }

    /** Points the connection form at the running embedded frontend instead of the demo frontend. */
    public void useAsTarget() {
        if (frontendAddress.get().isEmpty()) {
            return;
        }
        connection.embeddedFrontendProperty().set(false);
        connection.targetProperty().set(frontendAddress.get());
    }

    /** Stops the embedded frontend; blocks until it has stopped. */
    @Override
    public void close() {
        closed = true;
        loadGeneration++;
        EmbeddedFrontend running = frontend;
        frontend = null;
        if (running != null) {
            running.close();
        }
    }

    private Path requestedPath() {
        String text = path.get() == null ? "" : path.get().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("No config path given. " + IDLE_SUMMARY);
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid path: " + e.getReason()
                    + ". Choose the config folder with Open folder…", e);
        }
    }

    private void show(CadenceConfig loaded) {
        loading.set(false);
        error.set("");
        errorLocation.set(null);
        config.set(loaded);
        blocks.setAll(ConfigRows.blocks(loaded));
        findings.setAll(ConfigRows.findings(loaded));
        summary.set(ConfigRows.layers(loaded));
    }

    private void loadFailed(Path folder, Exception failure) {
        loading.set(false);
        if (failure instanceof CadenceConfigException configProblem) {
            showError(configProblem.getMessage(), configProblem.location());
            return;
        }
        LOG.error("Loading the Cadence configuration {} failed unexpectedly", folder, failure);
        showError("Loading " + folder + " failed: " + failure, null);
    }

    private void showError(String message, YamlLocation location) {
        config.set(null);
        blocks.clear();
        findings.clear();
        error.set(message);
        errorLocation.set(location);
        summary.set("Nothing loaded.");
    }

    private int parsePort() {
        String text = port.get() == null ? "" : port.get().strip();
        try {
            int value = Integer.parseInt(text);
            if (value >= 0 && value <= 65_535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as an out-of-range number.
        }
        throw new IllegalArgumentException("Invalid port \"" + text + "\": enter 0 for a free port, or a number from 1 to 65535.");
    }

    private EmbeddedFrontend start(CadenceConfig loaded, int listenPort) throws IOException {
        ConfigFrontend block = ConfigFrontend.from(loaded);
        EmbeddedFrontend started = EmbeddedFrontend.start(block.settings(LOOPBACK, listenPort, List.of(), Duration.ZERO));
        started.addListener(observer(started));
        LOG.info("Started the embedded frontend from {} on {}", loaded.configDirectory(), started.target());
        return started;
    }

    /** Returns a listener that shows the frontend's observations, except single TLS records, on the UI thread. */
    private Consumer<FrontendEvent> observer(EmbeddedFrontend started) {
        return event -> {
            if (event.kind() == FrontendEvent.Kind.RECORD) {
                return;
            }
            String from = event.remote() == null ? "" : " from " + event.remote().getAddress().getHostAddress() + ":"
                    + event.remote().getPort();
            String text = event.kind() + from + (event.detail().isEmpty() ? "" : ": " + event.detail());
            work.ui(() -> {
                if (frontend == started) {
                    lastFrontendEvent.set(text);
                }
            });
        };
    }

    private void stopped(String message) {
        frontendAddress.set("");
        lastFrontendEvent.set("");
        frontendState.set(FrontendState.STOPPED);
        frontendMessage.set(message);
    }

    private void remember(Path chosen) {
        if (recentFiles == null) {
            return;
        }
        work.submit(() -> {
                    recentFiles.add(RecentFiles.CADENCE_CONFIG, chosen);
                    return recentFiles.list(RecentFiles.CADENCE_CONFIG);
                }, recentPaths::setAll,
                failure -> LOG.warn("Remembering the config path {} failed: {}", chosen, failure.getMessage()));
    }

    static String describe(FrontendSettings settings) {
        return switch (settings.mode()) {
            case PLAINTEXT -> "Plaintext, no TLS: the block has enabled: false";
            case TLS -> "TLS without client authentication: requireClientAuth is false";
            case MUTUAL_TLS -> "Mutual TLS: client certificates must chain to the block's " + settings.clientCas().size()
                    + " CA certificate(s)";
        };
    }
}
