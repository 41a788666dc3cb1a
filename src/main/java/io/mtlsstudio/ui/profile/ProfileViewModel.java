package io.mtlsstudio.ui.profile;

import io.mtlsstudio.profile.ConnectionProfile;
import io.mtlsstudio.profile.ProfileStore;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The profile picker and the recent files of the three file pickers. Profiles save the form's
 * target, server name, file paths and TLS options through {@link ProfileStore}, which has no
 * password field. Reading and writing the stores runs in the background. Confined to the UI thread.
 */
public final class ProfileViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileViewModel.class);

    private final BackgroundWork work;
    private final ConnectionViewModel connection;
    private final ProfileStore store;
    private final RecentFiles recentFiles;

    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<String> namesView = FXCollections.unmodifiableObservableList(names);
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper(this, "current", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Map<CredentialFieldModel.Kind, ObservableList<Path>> recent = new EnumMap<>(CredentialFieldModel.Kind.class);

    /** The profile last opened or saved, whose fields the form cannot show are kept on the next save. */
    private ConnectionProfile opened;

    public ProfileViewModel(BackgroundWork work, ConnectionViewModel connection, ProfileStore store, RecentFiles recentFiles) {
        this.work = work;
        this.connection = connection;
        this.store = store;
        this.recentFiles = recentFiles;
        for (CredentialFieldModel.Kind kind : CredentialFieldModel.Kind.values()) {
            recent.put(kind, FXCollections.observableArrayList());
        }
        profiles.addListener((ListChangeListener<ConnectionProfile>) change ->
                names.setAll(profiles.stream().map(ConnectionProfile::name).toList()));
        selected.addListener((observable, before, name) -> {
            if (name != null && !name.equals(current.get())) {
                open(name);
            }
        });
    }

    /** Returns the names of the saved profiles, sorted. */
    public ObservableList<String> names() {
        return namesView;
    }

    /** Returns the name chosen in the picker; choosing one opens it. */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** Returns the name of the profile last opened or saved; empty when none. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Returns the outcome of the last profile action, or the problem it met. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Returns the recent files of one picker, most recent first. */
    public ObservableList<Path> recent(CredentialFieldModel.Kind kind) {
        return recent.get(kind);
    }

    /** Returns the connection form's file field of one picker. */
    public CredentialFieldModel field(CredentialFieldModel.Kind kind) {
        return connection.field(kind);
    }

    public boolean exists(String name) {
        String requested = name == null ? "" : name.strip();
        return names.contains(requested);
    }

    /** Reads the saved profiles and the recent files in the background. */
    public void load() {
        work.submit(store::list, profiles::setAll, failure -> showFailure("Reading the profiles failed", failure));
        for (CredentialFieldModel.Kind kind : CredentialFieldModel.Kind.values()) {
            work.submit(() -> recentFiles.list(picker(kind)), recent.get(kind)::setAll,
                    failure -> LOG.warn("Reading the recent files of {} failed: {}", picker(kind), failure.getMessage()));
        }
    }

    /** Fills the form with a saved profile. */
    public void open(String name) {
        Optional<ConnectionProfile> found = profiles.stream().filter(profile -> profile.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            message.set("No profile named \"" + name + "\".");
            return;
        }
        ConnectionProfile profile = found.get();
        apply(profile);
        opened = profile;
        current.set(profile.name());
        selected.set(profile.name());
        String extraCas = profile.caFiles().size() > 1
                ? " It lists " + profile.caFiles().size() + " CA files; the form shows the first, and saving keeps the others." : "";
        message.set("Opened profile \"" + profile.name() + "\"." + extraCas);
    }

    /** Saves the form under the current profile's name; returns false, and saves nothing, when no profile is current. */
    public boolean save() {
        if (current.get().isEmpty()) {
            return false;
        }
        saveAs(current.get());
        return true;
    }

    /** Saves the form as a profile named {@code name}, replacing a saved profile of that name. */
    public void saveAs(String name) {
        ConnectionProfile profile;
        try {
            profile = toProfile(name);
        } catch (IllegalArgumentException e) {
            message.set("The profile was not saved: " + e.getMessage());
            return;
        }
        run(() -> {
            store.save(profile);
            return store.list();
        }, saved -> {
            opened = profile;
            current.set(profile.name());
            profiles.setAll(saved);
            selected.set(profile.name());
            message.set("Saved profile \"" + profile.name() + "\" to " + store.file() + ".");
        }, "Saving the profile \"" + profile.name() + "\" failed");
    }

    /** Deletes a saved profile; the form keeps its values. */
    public void delete(String name) {
        run(() -> {
            store.delete(name);
            return store.list();
        }, saved -> {
            if (name.equals(current.get())) {
                opened = null;
                current.set("");
                selected.set(null);
            }
            profiles.setAll(saved);
            message.set("Deleted profile \"" + name + "\".");
        }, "Deleting the profile \"" + name + "\" failed");
    }

    /** Puts a file chosen in a picker first in that picker's recent files. */
    public void remember(CredentialFieldModel.Kind kind, Path file) {
        work.submit(() -> {
                    recentFiles.add(picker(kind), file);
                    return recentFiles.list(picker(kind));
                }, recent.get(kind)::setAll,
                failure -> LOG.warn("Remembering {} for {} failed: {}", file, picker(kind), failure.getMessage()));
    }

    /**
     * Puts a recent file into its field and checks it. A file that no longer exists leaves the
     * recent list, and the field shows that it was not found.
     */
    public void chooseRecent(CredentialFieldModel.Kind kind, Path file) {
        CredentialFieldModel field = connection.field(kind);
        field.pathProperty().set(file.toString());
        field.inspect();
        work.submit(() -> {
                    if (Files.exists(file)) {
                        recentFiles.add(picker(kind), file);
                    } else {
                        recentFiles.remove(picker(kind), file);
                    }
                    return recentFiles.list(picker(kind));
                }, recent.get(kind)::setAll,
                failure -> LOG.warn("Updating the recent files of {} failed: {}", picker(kind), failure.getMessage()));
    }

    public void clearRecent(CredentialFieldModel.Kind kind) {
        work.submit(() -> {
                    recentFiles.clear(picker(kind));
                    return List.<Path>of();
                }, recent.get(kind)::setAll,
                failure -> LOG.warn("Clearing the recent files of {} failed: {}", picker(kind), failure.getMessage()));
    }

    /** Builds a profile from the form; the opened profile's caller and further CA files are kept. */
    ConnectionProfile toProfile(String name) {
        String target = connection.targetProperty().get() == null ? "" : connection.targetProperty().get().strip();
        Path certificate = path(connection.clientCertificate());
        Path key = path(connection.clientKey());
        List<Path> cas = new ArrayList<>();
        Optional.ofNullable(path(connection.ca())).ifPresent(cas::add);
        String caller = null;
        if (opened != null) {
            caller = opened.caller();
            if (!cas.isEmpty() && !opened.caFiles().isEmpty() && opened.caFiles().get(0).equals(cas.get(0))) {
                cas.addAll(opened.caFiles().subList(1, opened.caFiles().size()));
            }
        }
        return new ConnectionProfile(name, target, connection.serverNameProperty().get(), connection.tlsProperty().get(),
                certificate, key, cas, connection.tlsVersionProperty().get(), connection.hostnameVerificationProperty().get(),
                timeout(), caller);
    }

    private void apply(ConnectionProfile profile) {
        connection.embeddedFrontendProperty().set(false);
        connection.targetProperty().set(profile.target());
        connection.serverNameProperty().set(profile.serverName() == null ? "" : profile.serverName());
        connection.tlsProperty().set(profile.tls());
        connection.tlsVersionProperty().set(profile.tlsVersion());
        connection.hostnameVerificationProperty().set(profile.hostnameVerification());
        // The form counts whole seconds, so a timeout with a fraction of a second rounds up.
        long seconds = Math.max(1, (profile.timeout().toMillis() + 999) / 1000);
        connection.timeoutSecondsProperty().set(Long.toString(seconds));
        setField(connection.clientCertificate(), profile.clientCertificate());
        setField(connection.clientKey(), profile.clientKey());
        setField(connection.ca(), profile.caFiles().isEmpty() ? null : profile.caFiles().get(0));
    }

    private Duration timeout() {
        String text = connection.timeoutSecondsProperty().get() == null ? "" : connection.timeoutSecondsProperty().get().strip();
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 1 && seconds <= ConnectionViewModel.MAX_TIMEOUT_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as an out-of-range number.
        }
        throw new IllegalArgumentException("Invalid timeout \"" + text + "\": enter whole seconds from 1 to "
                + ConnectionViewModel.MAX_TIMEOUT_SECONDS + ".");
    }

    private static Path path(CredentialFieldModel field) {
        if (field.isBlank()) {
            return null;
        }
        try {
            return Path.of(field.path().strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + field.path().strip() + "\" is not a valid path for the "
                    + field.kind().label().toLowerCase() + ": " + e.getReason() + ".", e);
        }
    }

    private static void setField(CredentialFieldModel field, Path file) {
        field.pathProperty().set(file == null ? "" : file.toString());
        field.inspect();
    }

    private <T> void run(Callable<T> task, Consumer<T> onSuccess, String failureText) {
        work.submit(task, onSuccess, failure -> showFailure(failureText, failure));
    }

    private void showFailure(String text, Exception failure) {
        message.set(text + ": " + failure.getMessage());
        if (failure instanceof IOException) {
            LOG.warn("{}: {}", text, failure.getMessage());
        } else {
            LOG.error(text, failure);
        }
    }

    static String picker(CredentialFieldModel.Kind kind) {
        return switch (kind) {
            case CLIENT_CERTIFICATE -> RecentFiles.CLIENT_CERTIFICATE;
            case CLIENT_KEY -> RecentFiles.CLIENT_KEY;
            case CA -> RecentFiles.CA_FILE;
        };
    }
}
