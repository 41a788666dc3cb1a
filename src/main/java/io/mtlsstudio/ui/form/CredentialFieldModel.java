package io.mtlsstudio.ui.form;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.pki.CheckStatus;
import io.mtlsstudio.pki.FileRole;
import io.mtlsstudio.pki.LoadedFile;
import io.mtlsstudio.pki.PasswordSource;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.findings.FileStatus;
import io.mtlsstudio.ui.findings.PasswordPrompt;
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

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One file field of the connection form: the path as the user typed or chose it, and what
 * checking that file found: a summary, the engine's findings and the mark they add up to.
 * Checking runs in the background each time the path is committed. An encrypted file gets its
 * password from the {@link PasswordPrompt}; the password is kept in memory as {@code char[]},
 * only while the same path stays in the field, so that Connect can decrypt the file, and is
 * zeroed when the path changes or the window closes. It is never written or logged.
 */
public final class CredentialFieldModel {

    /** Kind of file that a field accepts. */
    public enum Kind {
        CLIENT_CERTIFICATE("Client certificate", "No client certificate: the server sees none.", FileRole.CERTIFICATE),
        CLIENT_KEY("Client key", "No client key.", FileRole.PRIVATE_KEY),
        CA("CA file", "No CA file: the JDK's default trust store verifies the server.", FileRole.CA);

        private final String label;
        private final String emptyHint;
        private final FileRole role;

        Kind(String label, String emptyHint, FileRole role) {
            this.label = label;
            this.emptyHint = emptyHint;
            this.role = role;
        }

        public String label() {
            return label;
        }

        /** Returns what the file of this field must contain, in the engine's terms. */
        public FileRole role() {
            return role;
        }
    }

    /** State of the check of the file at the current path. */
    public enum State { EMPTY, CHECKING, VALID, INVALID }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final Kind kind;
    private final BackgroundWork work;
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyObjectWrapper<FileStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyObjectWrapper<CheckStatus> mark = new ReadOnlyObjectWrapper<>(this, "mark");
    private final ReadOnlyBooleanWrapper passwordNeeded = new ReadOnlyBooleanWrapper(this, "passwordNeeded", false);
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    /** A read-only view kept in a field: listeners on a view that is garbage collected stop hearing changes. */
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private List<Finding> relatedFindings = List.of();
    private PasswordPrompt passwordPrompt = PasswordPrompt.NONE;
    private PasswordSource.Fixed password;
    private String passwordPath;
    private String declinedPath;
    private String inspectedPath;
    private long generation;

    public CredentialFieldModel(Kind kind, BackgroundWork work) {
        this.kind = kind;
        this.work = work;
        message.set(kind.emptyHint);
    }

    public Kind kind() {
        return kind;
    }

    /** Returns the path text exactly as typed. A failed check never rewrites it. */
    public StringProperty pathProperty() {
        return path;
    }

    public String path() {
        return path.get();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** Returns a summary of the file when it is valid, the problem when not, or a hint when empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String message() {
        return message.get();
    }

    /** Returns the engine's check of the file at the current path, or null while there is none. */
    public ReadOnlyObjectProperty<FileStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public FileStatus status() {
        return status.get();
    }

    /**
     * Returns the mark of the field: the weight of the worst finding about the file, ERROR when it
     * cannot be used, and null while the field is empty or being checked.
     */
    public ReadOnlyObjectProperty<CheckStatus> markProperty() {
        return mark.getReadOnlyProperty();
    }

    public CheckStatus mark() {
        return mark.get();
    }

    /** Returns the findings about this file: its own, then those the check across the files adds. */
    public ObservableList<Finding> findings() {
        return findingsView;
    }

    /** True while the file is encrypted and has no working password. */
    public ReadOnlyBooleanProperty passwordNeededProperty() {
        return passwordNeeded.getReadOnlyProperty();
    }

    /** Sets who asks for passwords; the window sets a dialog. */
    public void setPasswordPrompt(PasswordPrompt prompt) {
        passwordPrompt = prompt == null ? PasswordPrompt.NONE : prompt;
    }

    /** Returns the password the user entered for the current path, or {@link PasswordSource#NONE}. */
    public PasswordSource passwords() {
        return password != null && path.get().equals(passwordPath) ? password : PasswordSource.NONE;
    }

    /**
     * Shows findings about this file that only the check across the files finds, such as a key
     * that belongs to another certificate; they count towards the mark.
     */
    public void setRelatedFindings(List<Finding> related) {
        relatedFindings = List.copyOf(related);
        showFindings();
    }

    /** Prompts for the password of the file and checks the file again with it. Does nothing unless a password is needed. */
    public void askPassword() {
        FileStatus current = status.get();
        if (current == null || !current.needsPassword()) {
            return;
        }
        String problem = current.wrongPassword() ? firstMessage(current, "KEY_WRONG_PASSWORD") : "";
        char[] answer = passwordPrompt.ask(current.passwordRequest(), problem);
        if (answer == null) {
            declinedPath = path.get();
            return;
        }
        forgetPassword();
        password = PasswordSource.of(answer);
        Arrays.fill(answer, '\0');
        passwordPath = path.get();
        declinedPath = null;
        inspect();
    }

    /** Zeroes the password held for this field. */
    public void forgetPassword() {
        if (password != null) {
            password.close();
            password = null;
            passwordPath = null;
        }
    }

    public boolean isBlank() {
        return path.get() == null || path.get().isBlank();
    }

    /** Sets the path to a chosen file and checks it. */
    public void choose(File file) {
        if (file != null) {
            path.set(file.getAbsolutePath());
            inspect();
        }
    }

    /**
     * Takes the first of the dropped files. Returns false, and changes nothing, when the drop
     * contains no regular file.
     */
    public boolean acceptDrop(List<File> files) {
        Optional<File> first = files == null ? Optional.empty() : files.stream().filter(File::isFile).findFirst();
        first.ifPresent(this::choose);
        return first.isPresent();
    }

    public void clear() {
        path.set("");
        inspect();
    }

    /** Reads the file at the current path in the background and shows what it holds. */
    public void inspect() {
        long current = ++generation;
        inspectedPath = path.get();
        if (!path.get().equals(passwordPath)) {
            forgetPassword();
        }
        status.set(null);
        relatedFindings = List.of();
        if (isBlank()) {
            show(State.EMPTY, kind.emptyHint);
            return;
        }
        Path file;
        try {
            file = toPath();
        } catch (IllegalArgumentException e) {
            show(State.INVALID, e.getMessage());
            return;
        }

        show(State.CHECKING, "Reading " + file.getFileName() + "…");
        PasswordSource passwords = passwords();
        work.submit(() -> read(file, passwords),
                reading -> {
                    if (current == generation) {
                        showReading(reading);
                    }
                },
                error -> {
                    if (current == generation) {
                        show(State.INVALID, error.getMessage());
                    }
                });
    }

    /** Checks the file unless the path is the one checked last; leaving the field calls this. */
    public void inspectIfChanged() {
        if (!path.get().equals(inspectedPath)) {
            inspect();
        }
    }

    /** Shows a problem found when the file was used, for example on Connect. */
    public void showError(String text) {
        generation++;
        show(State.INVALID, text);
    }

    /** The outcome of one background read: the engine's check and the line shown under the field. */
    private record Reading(FileStatus status, boolean usable, String summary) {
    }

    private Reading read(Path file, PasswordSource passwords) {
        FileStatus checked = FileStatus.check(file, kind.role, passwords);
        LoadedFile loaded = checked.check().loaded();
        boolean usable = loaded != null && switch (kind) {
            case CLIENT_CERTIFICATE, CA -> !loaded.certificates().isEmpty();
            case CLIENT_KEY -> loaded.key() != null;
        };
        if (usable) {
            return new Reading(checked, true, describe(loaded));
        }
        if (checked.needsPassword() && !checked.wrongPassword()) {
            return new Reading(checked, false, file + " is encrypted. Enter its password to use it.");
        }
        String problem = checked.check().findings().stream()
                .filter(finding -> finding.severity() == Severity.ERROR)
                .map(Finding::message).findFirst()
                .orElse(file + " contains nothing a " + kind.label.toLowerCase() + " needs.");
        return new Reading(checked, false, problem);
    }

    private void showReading(Reading reading) {
        FileStatus checked = reading.status();
        status.set(checked);
        if (checked.wrongPassword()) {
            forgetPassword();
        }
        show(reading.usable() ? State.VALID : State.INVALID, reading.summary());
        if (checked.needsPassword() && !path.get().equals(declinedPath)) {
            askPassword();
        }
    }

    private static String firstMessage(FileStatus checked, String code) {
        return checked.check().findings().stream().filter(finding -> finding.code().equals(code))
                .map(Finding::message).findFirst().orElse("");
    }

    private void showFindings() {
        List<Finding> all = new ArrayList<>();
        if (status.get() != null) {
            all.addAll(status.get().check().findings());
        }
        all.addAll(relatedFindings);
        findings.setAll(all);
        passwordNeeded.set(status.get() != null && status.get().needsPassword());
        mark.set(switch (state.get()) {
            case EMPTY, CHECKING -> null;
            case INVALID -> CheckStatus.ERROR;
            case VALID -> CheckStatus.of(all);
        });
    }

    /**
     * Returns the path, or empty when the field is blank.
     *
     * @throws IllegalArgumentException when the text is not a valid path on this system
     */
    public Optional<Path> toOptionalPath() {
        return isBlank() ? Optional.empty() : Optional.of(toPath());
    }

    private Path toPath() {
        String text = path.get().strip();
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid path: " + e.getReason()
                    + ". Choose the " + kind.label.toLowerCase() + " with the … button.", e);
        }
    }

    private String describe(LoadedFile loaded) {
        return switch (kind) {
            case CLIENT_CERTIFICATE -> describeLeaf(loaded.certificates());
            case CLIENT_KEY -> describeKey(loaded.key().key());
            case CA -> describeCas(loaded.certificates());
        };
    }

    private static String describeLeaf(List<X509Certificate> chain) {
        X509Certificate leaf = chain.get(0);
        String text = subject(leaf) + ", issued by " + leaf.getIssuerX500Principal().getName() + ", " + validity(leaf);
        if (chain.size() > 1) {
            text += "; " + (chain.size() - 1) + " more certificate(s) in the chain";
        }
        return text;
    }

    private static String describeKey(PrivateKey key) {
        String algorithm = key.getAlgorithm();
        if (key instanceof RSAKey rsa) {
            return algorithm + " private key, " + rsa.getModulus().bitLength() + " bits";
        }
        if (key instanceof ECKey ec) {
            return algorithm + " private key, " + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve";
        }
        return algorithm + " private key";
    }

    private static String describeCas(List<X509Certificate> cas) {
        String subjects = cas.stream().map(CredentialFieldModel::subject).collect(Collectors.joining("; "));
        String count = cas.size() == 1 ? "1 certificate: " : cas.size() + " certificates: ";
        List<String> notCa = cas.stream().filter(cert -> cert.getBasicConstraints() < 0)
                .map(CredentialFieldModel::subject).toList();
        String warning = notCa.isEmpty() ? "" : ". Not a CA (no CA:TRUE): " + String.join("; ", notCa);
        return count + subjects + warning;
    }

    private static String subject(X509Certificate cert) {
        String name = cert.getSubjectX500Principal().getName();
        return name.isEmpty() ? "(empty subject)" : name;
    }

    private static String validity(X509Certificate cert) {
        Date now = new Date();
        if (now.after(cert.getNotAfter())) {
            return "EXPIRED on " + DAY.format(cert.getNotAfter().toInstant());
        }
        if (now.before(cert.getNotBefore())) {
            return "NOT YET VALID until " + DAY.format(cert.getNotBefore().toInstant());
        }
        return "valid until " + DAY.format(cert.getNotAfter().toInstant());
    }

    private void show(State newState, String text) {
        state.set(newState);
        message.set(text);
        showFindings();
    }
}
