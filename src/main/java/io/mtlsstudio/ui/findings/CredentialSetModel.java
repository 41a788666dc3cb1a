package io.mtlsstudio.ui.findings;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.pki.CredentialInspector;
import io.mtlsstudio.pki.Inspection;
import io.mtlsstudio.pki.InspectionRequest;
import io.mtlsstudio.pki.Purpose;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The client side's files checked together with {@link CredentialInspector#inspect}: the chain
 * from the client certificate to the CA file, and the findings that need more than one file,
 * such as a key that belongs to another certificate. It runs again whenever a field's own check
 * ends, once the client certificate loads. Each cross-file finding is also shown on the field
 * whose file it concerns. Confined to the UI thread.
 */
public final class CredentialSetModel {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialSetModel.class);

    private final ConnectionViewModel connection;
    private final BackgroundWork work;
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking", false);
    private final ObservableList<Finding> crossFileFindings = FXCollections.observableArrayList();
    private final ObservableList<Finding> crossFileFindingsView = FXCollections.unmodifiableObservableList(crossFileFindings);
    private boolean scheduled;
    private long generation;

    public CredentialSetModel(ConnectionViewModel connection, BackgroundWork work) {
        this.connection = connection;
        this.work = work;
        for (CredentialFieldModel field : connection.files()) {
            field.statusProperty().addListener((observable, before, after) -> schedule());
        }
    }

    /** Returns the latest inspection of the client side, or null while the client certificate does not load. */
    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    public Inspection inspection() {
        return inspection.get();
    }

    /** True while the files are inspected together. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Returns the findings that only the check across the files finds, such as KEY_CERT_MISMATCH and CHAIN_UNTRUSTED. */
    public ObservableList<Finding> crossFileFindings() {
        return crossFileFindingsView;
    }

    /** Inspects the files again on the next pass of the UI thread; several requests in one pass run once. */
    public void schedule() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        work.ui(() -> {
            scheduled = false;
            refresh();
        });
    }

    private void refresh() {
        long current = ++generation;
        List<CredentialFieldModel> fields = connection.files();
        if (fields.stream().anyMatch(field -> field.state() == CredentialFieldModel.State.CHECKING)) {
            return;
        }
        CredentialFieldModel certificate = connection.clientCertificate();
        if (certificate.state() != CredentialFieldModel.State.VALID) {
            show(null);
            return;
        }

        FilePasswords passwords = FilePasswords.create();
        List<Path> files = new ArrayList<>();
        for (CredentialFieldModel field : List.of(certificate, connection.clientKey())) {
            if (field.state() == CredentialFieldModel.State.VALID) {
                Path file = field.toOptionalPath().orElseThrow();
                files.add(file);
                passwords.add(file, field.passwords());
            }
        }
        List<Path> caFiles = connection.ca().state() == CredentialFieldModel.State.VALID
                ? List.of(connection.ca().toOptionalPath().orElseThrow()) : List.of();
        InspectionRequest request = InspectionRequest.builder(Purpose.CLIENT)
                .files(files).caFiles(caFiles).passwords(passwords).build();

        checking.set(true);
        work.submit(() -> {
            try (passwords) {
                return CredentialInspector.inspect(request);
            }
        }, result -> {
            if (current == generation) {
                checking.set(false);
                show(result);
            }
        }, error -> {
            if (current == generation) {
                LOG.error("Inspecting the client files together failed", error);
                checking.set(false);
                show(null);
            }
        });
    }

    private void show(Inspection result) {
        inspection.set(result);
        List<Finding> cross = result == null ? List.of() : crossFile(result);
        crossFileFindings.setAll(cross);
        for (CredentialFieldModel field : connection.files()) {
            String subject = subjectOf(field);
            field.setRelatedFindings(subject == null ? List.of()
                    : cross.stream().filter(finding -> finding.subject().equals(subject)).toList());
        }
    }

    /** Returns the findings of the inspection that no field's own check reported, by code and subject. */
    private List<Finding> crossFile(Inspection result) {
        Set<String> own = new HashSet<>();
        for (CredentialFieldModel field : connection.files()) {
            if (field.status() != null) {
                field.status().check().findings().forEach(finding -> own.add(key(finding)));
            }
        }
        return result.findings().stream().filter(finding -> !own.contains(key(finding))).toList();
    }

    private static String key(Finding finding) {
        return finding.code() + '|' + finding.subject();
    }

    /** Returns the path as the engine names it in findings, or null for a blank or invalid path. */
    static String subjectOf(CredentialFieldModel field) {
        try {
            return field.toOptionalPath().map(Path::toString).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
