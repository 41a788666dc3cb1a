package io.mtlsstudio.ui.generate;

import io.mtlsstudio.pki.TestPki;
import io.mtlsstudio.pki.generate.GeneratedFile;
import io.mtlsstudio.pki.generate.GeneratedPki;
import io.mtlsstudio.pki.generate.GeneratorOptions;
import io.mtlsstudio.pki.generate.PkiGenerator;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.export.ExportViewModel;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The test PKI generator dialog: output folder, key type, validity, the frontend's subjectAltName
 * entries and the broken variants. Generation runs in the background, and it replaces existing
 * files only after a confirmation. Confined to the UI thread.
 */
public final class GeneratorViewModel {

    /** Folder suggested when no generator run was remembered, under the user's home. */
    static final String DEFAULT_FOLDER_NAME = "mtls-studio-test-pki";

    private static final Logger LOG = LoggerFactory.getLogger(GeneratorViewModel.class);

    private final BackgroundWork work;
    private final ConnectionViewModel connection;
    private final ExportViewModel export;
    private final RecentFiles recentFiles;

    private final StringProperty outDirectory = new SimpleStringProperty(this, "outDirectory", "");
    private final ObjectProperty<TestPki.KeyType> keyType = new SimpleObjectProperty<>(this, "keyType", TestPki.KeyType.EC_P256);
    private final StringProperty validityDays = new SimpleStringProperty(this, "validityDays",
            Integer.toString(GeneratorOptions.DEFAULT_VALIDITY_DAYS));
    private final ObservableList<String> frontendNames = FXCollections.observableArrayList(TestPki.FRONTEND_NAMES);
    private final BooleanProperty brokenVariants = new SimpleBooleanProperty(this, "brokenVariants", false);
    private final ObservableList<String> plannedFiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<GeneratedPki> result = new ReadOnlyObjectWrapper<>(this, "result");

    /** Outcome of a generator run: the set it wrote, or the existing files that need a confirmation first. */
    public record RunOutcome(GeneratedPki generated, List<Path> existing) {

        public RunOutcome {
            existing = List.copyOf(existing);
        }

        public boolean needsConfirmation() {
            return !existing.isEmpty();
        }
    }

    /**
     * @param work        where generation runs
     * @param connection  the form that "Use in the connection form" fills with the client files
     * @param export      the export tab whose server settings get the frontend files too; null for none
     * @param recentFiles where output folders are remembered; null to remember none
     */
    public GeneratorViewModel(BackgroundWork work, ConnectionViewModel connection, ExportViewModel export, RecentFiles recentFiles) {
        this.work = work;
        this.connection = connection;
        this.export = export;
        this.recentFiles = recentFiles;
        List<Observable> inputs = List.of(outDirectory, keyType, validityDays, frontendNames, brokenVariants);
        inputs.forEach(input -> input.addListener(changed -> plan()));
        plan();
    }

    public StringProperty outDirectoryProperty() {
        return outDirectory;
    }

    public ObjectProperty<TestPki.KeyType> keyTypeProperty() {
        return keyType;
    }

    /** Returns the validity of the good certificates in days, as typed. */
    public StringProperty validityDaysProperty() {
        return validityDays;
    }

    /** Returns the frontend certificate's subjectAltName entries: DNS names or IP addresses. */
    public ObservableList<String> frontendNames() {
        return frontendNames;
    }

    public BooleanProperty brokenVariantsProperty() {
        return brokenVariants;
    }

    /** Returns the files a run writes with the current options, relative to the output folder. */
    public ObservableList<String> plannedFiles() {
        return plannedFiles;
    }

    /** Returns why the options cannot be used; empty when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Returns the outcome of the last run. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Returns the set the last run wrote; null before a run succeeded. */
    public ReadOnlyObjectProperty<GeneratedPki> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Returns the display name of a key type, such as "EC P-256". */
    public static String label(TestPki.KeyType type) {
        return switch (type) {
            case RSA_2048 -> "RSA 2048";
            case RSA_3072 -> "RSA 3072";
            case EC_P256 -> "EC P-256";
            case EC_P384 -> "EC P-384";
        };
    }

    /**
     * Adds a subjectAltName entry; returns false, and shows why, when it is not a DNS name or IP
     * address or is already listed.
     */
    public boolean addName(String name) {
        String entry = name == null ? "" : name.strip();
        if (entry.isEmpty()) {
            return false;
        }
        if (frontendNames.stream().anyMatch(existing -> existing.equalsIgnoreCase(entry))) {
            problem.set("\"" + entry + "\" is already listed.");
            return false;
        }
        try {
            GeneratorOptions.defaults(Path.of(".")).withFrontendNames(List.of(entry));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        frontendNames.add(entry);
        return true;
    }

    public void removeName(String name) {
        frontendNames.remove(name);
    }

    /** Suggests the last output folder, or a folder under the user's home when none was remembered. */
    public void suggestOutDirectory() {
        if (!outDirectory.get().isBlank()) {
            return;
        }
        Path fallback = Path.of(System.getProperty("user.home", "."), DEFAULT_FOLDER_NAME);
        if (recentFiles == null) {
            outDirectory.set(fallback.toString());
            return;
        }
        work.submit(() -> recentFiles.list(RecentFiles.GENERATOR_OUTPUT).stream().findFirst().orElse(fallback),
                folder -> {
                    if (outDirectory.get().isBlank()) {
                        outDirectory.set(folder.toString());
                    }
                },
                failure -> outDirectory.set(fallback.toString()));
    }

    /**
     * Generates the set in the background. Without {@code overwrite}, existing files stop the run
     * before anything is written, and come back in the outcome for a confirmation.
     */
    public void generate(boolean overwrite, Consumer<RunOutcome> onOutcome) {
        GeneratorOptions options;
        try {
            options = options().withOverwrite(overwrite);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }

        running.set(true);
        result.set(null);
        message.set("Generating " + plannedFiles.size() + " files with " + label(options.keyType()) + " keys in "
                + options.outDirectory() + "…");
        work.submit(() -> run(options),
                outcome -> {
                    running.set(false);
                    if (outcome.needsConfirmation()) {
                        message.set("Nothing written: " + outcome.existing().size() + " of the files exist in "
                                + options.outDirectory() + ".");
                    } else {
                        result.set(outcome.generated());
                        message.set("Wrote " + outcome.generated().files().size() + " files to " + options.outDirectory()
                                + " (" + label(options.keyType()) + ", " + options.validityDays() + " days). Private keys are "
                                + "readable by their owner only. README.md names every file.");
                    }
                    onOutcome.accept(outcome);
                },
                failure -> {
                    running.set(false);
                    message.set("Generating the test PKI failed: " + failure.getMessage());
                    if (failure instanceof IOException || failure instanceof IllegalArgumentException) {
                        LOG.warn("Generating the test PKI in {} failed: {}", options.outDirectory(), failure.getMessage());
                    } else {
                        LOG.error("Generating the test PKI in {} failed", options.outDirectory(), failure);
                    }
                });
    }

    /**
     * Fills the connection form with the generated client certificate, key and CA, and the export
     * tab's server settings with the frontend certificate, key and CA.
     */
    public void useInConnectionForm() {
        GeneratedPki generated = result.get();
        if (generated == null) {
            return;
        }
        set(connection.clientCertificate(), generated.clientCertificate());
        set(connection.clientKey(), generated.clientKey());
        set(connection.ca(), generated.ca());
        if (export != null) {
            export.useServerFiles(generated.frontendCertificate(), generated.frontendKey(), generated.ca());
        }
        message.set("The connection form now uses " + generated.clientCertificate().getFileName() + ", "
                + generated.clientKey().getFileName() + " and " + generated.ca().getFileName() + " from " + generated.directory() + ".");
    }

    /** Returns the options as typed. */
    GeneratorOptions options() {
        String folder = outDirectory.get() == null ? "" : outDirectory.get().strip();
        if (folder.isEmpty()) {
            throw new IllegalArgumentException("Choose an output folder.");
        }
        Path out;
        try {
            out = Path.of(folder).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + folder + "\" is not a valid folder: " + e.getReason() + ". Choose one with Browse…", e);
        }
        if (frontendNames.isEmpty()) {
            throw new IllegalArgumentException("Add at least one frontend name, such as cadence-frontend or 127.0.0.1.");
        }
        return new GeneratorOptions(out, keyType.get(), days(), List.copyOf(frontendNames), brokenVariants.get(), false);
    }

    private int days() {
        String text = validityDays.get() == null ? "" : validityDays.get().strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid validity \"" + text + "\": enter whole days from 1 to "
                    + GeneratorOptions.MAX_VALIDITY_DAYS + ", for example 365.", e);
        }
    }

    private void plan() {
        try {
            GeneratorOptions options = options();
            plannedFiles.setAll(PkiGenerator.plan(options).stream().map(GeneratedFile::relativePath).toList());
            problem.set("");
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    private RunOutcome run(GeneratorOptions options) throws Exception {
        if (Files.exists(options.outDirectory()) && !Files.isDirectory(options.outDirectory())) {
            throw new IllegalArgumentException(options.outDirectory() + " is a file, not a folder. Choose a folder.");
        }
        if (!options.overwrite()) {
            List<Path> existing = PkiGenerator.existingFiles(options);
            if (!existing.isEmpty()) {
                return new RunOutcome(null, existing);
            }
        }
        GeneratedPki generated = PkiGenerator.generate(options);
        if (recentFiles != null) {
            try {
                recentFiles.add(RecentFiles.GENERATOR_OUTPUT, options.outDirectory());
            } catch (IOException e) {
                LOG.warn("Remembering the output folder {} failed: {}", options.outDirectory(), e.getMessage());
            }
        }
        return new RunOutcome(generated, List.of());
    }

    private static void set(CredentialFieldModel field, Path file) {
        field.pathProperty().set(file.toString());
        field.inspect();
    }
}
