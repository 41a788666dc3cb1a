package io.mtlsstudio.ui.findings;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The File checks tab: every finding about the files of the connection form, each with the
 * field it belongs to, and a filter that narrows the list to one field. Confined to the UI thread.
 */
public final class FileFindingsModel {

    /** The part of the findings the list shows: all of them, or those of one field. */
    public enum Scope {
        ALL("All files"),
        CLIENT_CERTIFICATE("Client certificate"),
        CLIENT_KEY("Client key"),
        CA("CA file");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Scope of(CredentialFieldModel.Kind kind) {
            return switch (kind) {
                case CLIENT_CERTIFICATE -> CLIENT_CERTIFICATE;
                case CLIENT_KEY -> CLIENT_KEY;
                case CA -> CA;
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One finding in the list.
     *
     * @param finding   what the engine found
     * @param scope     the field whose file it concerns; ALL for a finding about no single field's file
     * @param crossFile true when only the check across the files finds it
     */
    public record Entry(Finding finding, Scope scope, boolean crossFile) {
    }

    private final ConnectionViewModel connection;
    private final CredentialSetModel set;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final FilteredList<Entry> shown = new FilteredList<>(entries);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.ALL);

    public FileFindingsModel(ConnectionViewModel connection, CredentialSetModel set) {
        this.connection = connection;
        this.set = set;
        InvalidationListener refresh = observable -> refresh();
        connection.files().forEach(field -> field.findings().addListener(refresh));
        set.crossFileFindings().addListener(refresh);
        scope.addListener((observable, before, after) -> applyScope());
        refresh();
    }

    /** Returns every finding, whatever the scope. */
    public ObservableList<Entry> entries() {
        return entriesView;
    }

    /** Returns the findings of the chosen scope. */
    public ObservableList<Entry> shown() {
        return shown;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** Narrows the list to the findings of one field. */
    public void showField(CredentialFieldModel.Kind kind) {
        scope.set(Scope.of(kind));
    }

    private void refresh() {
        List<Entry> all = new ArrayList<>();
        Set<Finding> crossFile = new HashSet<>(set.crossFileFindings());
        Set<Finding> placed = new HashSet<>();
        for (CredentialFieldModel field : connection.files()) {
            for (Finding finding : field.findings()) {
                all.add(new Entry(finding, Scope.of(field.kind()), crossFile.contains(finding)));
                placed.add(finding);
            }
        }
        for (Finding finding : set.crossFileFindings()) {
            if (!placed.contains(finding)) {
                all.add(new Entry(finding, Scope.ALL, true));
            }
        }
        entries.setAll(all);
        applyScope();
    }

    private void applyScope() {
        Scope chosen = scope.get() == null ? Scope.ALL : scope.get();
        shown.setPredicate(entry -> chosen == Scope.ALL || entry.scope() == chosen);
    }
}
