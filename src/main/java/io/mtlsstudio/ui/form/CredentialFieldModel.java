package io.mtlsstudio.ui.form;

import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.ui.BackgroundWork;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One file field of the connection form: the path as the user typed or chose it, and what
 * reading that file found. Reading runs in the background each time the path is committed.
 */
public final class CredentialFieldModel {

    /** Kind of file that a field accepts. */
    public enum Kind {
        CLIENT_CERTIFICATE("Client certificate", "No client certificate: the server sees none."),
        CLIENT_KEY("Client key", "No client key."),
        CA("CA file", "No CA file: the JDK's default trust store verifies the server.");

        private final String label;
        private final String emptyHint;

        Kind(String label, String emptyHint) {
            this.label = label;
            this.emptyHint = emptyHint;
        }

        public String label() {
            return label;
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
        work.submit(() -> describe(file),
                summary -> {
                    if (current == generation) {
                        show(State.VALID, summary);
                    }
                },
                error -> {
                    if (current == generation) {
                        show(State.INVALID, error.getMessage());
                    }
                });
    }

    /** Shows a problem found when the file was used, for example on Connect. */
    public void showError(String text) {
        generation++;
        show(State.INVALID, text);
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

    private String describe(Path file) throws Exception {
        return switch (kind) {
            case CLIENT_CERTIFICATE -> describeLeaf(CredentialFiles.readCertificates(file));
            case CLIENT_KEY -> describeKey(CredentialFiles.readPrivateKey(file));
            case CA -> describeCas(CredentialFiles.readCertificates(file));
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
    }
}
