package io.mtlsstudio.ui.run;

import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Evidence;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ServerObservation;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.handshake.WireRecord;
import io.mtlsstudio.ui.StatusIcon;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The selected step: its state and duration, the failure and its fix when it failed, the checks
 * made inside it and the evidence recorded, with certificates listed by subject and issuer.
 * Every value offers Copy in its context menu.
 */
public final class StepDetailView extends ScrollPane {

    private final ObservableValue<StepModel> selected;
    private BiConsumer<String, List<X509Certificate>> chainOpener = (title, chain) ->
            CertificateChainWindow.show(getScene() == null ? null : getScene().getWindow(), title, chain);
    private final VBox content = new VBox(10);
    private final InvalidationListener refresh = observable -> rebuild();
    private StepModel shownStep;
    private Consumer<X509Certificate> showCertificate;

    public StepDetailView(ObservableValue<StepModel> selected) {
        this.selected = selected;
        setId("stepDetail");
        getStyleClass().add("step-detail");
        setFitToWidth(true);
        content.getStyleClass().add("detail-content");
        setContent(content);
        selected.addListener((observable, before, after) -> show(after));
        show(selected.getValue());
    }

    /** Replaces what "Open the chain view" does, for example with a chain tab; it gets the evidence label and the chain. */
    public void setChainOpener(BiConsumer<String, List<X509Certificate>> opener) {
        this.chainOpener = opener;
    }

    /** Sets the action of the "Show in Certificates" button under each certificate; null removes the buttons. */
    public void setOnShowCertificate(Consumer<X509Certificate> action) {
        showCertificate = action;
        rebuild();
    }

    private void show(StepModel step) {
        if (shownStep != null) {
            shownStep.statusProperty().removeListener(refresh);
            shownStep.durationMicrosProperty().removeListener(refresh);
            shownStep.failureProperty().removeListener(refresh);
            shownStep.checks().removeListener(refresh);
            shownStep.evidence().removeListener(refresh);
            shownStep.serverObservations().removeListener(refresh);
            shownStep.records().removeListener(refresh);
        }
        shownStep = step;
        if (step != null) {
            step.statusProperty().addListener(refresh);
            step.durationMicrosProperty().addListener(refresh);
            step.failureProperty().addListener(refresh);
            step.checks().addListener(refresh);
            step.evidence().addListener(refresh);
            step.serverObservations().addListener(refresh);
            step.records().addListener(refresh);
        }
        rebuild();
    }

    private void rebuild() {
        content.getChildren().clear();
        StepModel step = shownStep;
        if (step == null) {
            content.getChildren().add(new Label("Select a step to see its checks and evidence."));
            return;
        }

        content.getChildren().addAll(header(step), muted(step.id().summary()));
        if (step.failure() != null) {
            content.getChildren().add(failureBox(step.failure()));
        }
        content.getChildren().add(sectionTitle("Checks"));
        content.getChildren().add(checks(step));
        content.getChildren().add(sectionTitle("Evidence"));
        content.getChildren().add(evidence(step));
        if (!step.serverObservations().isEmpty()) {
            content.getChildren().add(sectionTitle("Server side (embedded frontend)"));
            content.getChildren().add(serverSide(step));
        }
        if (!step.records().isEmpty()) {
            content.getChildren().add(sectionTitle("TLS records on the client's socket"));
            content.getChildren().add(records(step));
        }
    }

    private HBox header(StepModel step) {
        StatusIcon icon = new StatusIcon(step.status().name());
        Label title = new Label((step.id().ordinal() + 1) + ". " + step.id().title());
        title.setId("detailTitle");
        title.getStyleClass().add("detail-title");
        boolean warned = step.status() == StepStatus.PASSED && step.hasWarning();
        Label status = new Label(warned ? "PASSED, with warning" : step.status().name());
        status.setId("detailStatus");
        status.getStyleClass().add("detail-status");
        String time = step.status() == StepStatus.PASSED || step.status() == StepStatus.FAILED
                ? Durations.formatMicros(step.durationMicros()) : "";
        Label duration = new Label(time);
        duration.setId("detailDuration");
        duration.getStyleClass().add("step-duration");
        HBox header = new HBox(8, icon, title, status, duration);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private VBox failureBox(Finding failure) {
        Label code = new Label(failure.code());
        code.setId("detailFailureCode");
        code.getStyleClass().add("finding-code");
        Label message = wrapped(failure.message());
        message.setId("detailFailureMessage");
        Label fix = wrapped("Fix: " + failure.fix());
        fix.setId("detailFailureFix");
        fix.getStyleClass().add("fix-text");
        VBox box = new VBox(4, new HBox(6, new StatusIcon("failed"), code), message, fix);
        box.getStyleClass().add("failure-box");
        copyable(box, failure.code() + ": " + failure.message() + "\nFix: " + failure.fix());
        return box;
    }

    private VBox checks(StepModel step) {
        VBox list = new VBox(4);
        list.setId("detailChecks");
        if (step.checks().isEmpty()) {
            list.getChildren().add(muted(step.status() == StepStatus.PENDING ? "Not run yet." : "No checks recorded."));
        }
        int index = 0;
        for (Check check : step.checks()) {
            StatusIcon icon = new StatusIcon(check.outcome().name());
            Label outcome = new Label(check.outcome().name());
            outcome.getStyleClass().add("check-outcome");
            outcome.setMinWidth(75);
            Label name = new Label(check.name());
            name.getStyleClass().add("check-name");
            Label message = wrapped(check.message());
            VBox text = new VBox(1, name, message);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(6, icon, outcome, text);
            row.setId("detail-check-" + index++);
            row.getStyleClass().add("check-row");
            copyable(row, check.outcome() + " " + check.name() + ": " + check.message());
            list.getChildren().add(row);
        }
        return list;
    }

    private VBox serverSide(StepModel step) {
        VBox list = new VBox(4);
        list.setId("detailServerSide");
        for (ServerObservation observation : step.serverObservations()) {
            Label kind = new Label(observation.kind().name());
            kind.getStyleClass().add("check-name");
            Label detail = wrapped(observation.detail());
            VBox entry = new VBox(1, kind, detail);
            copyable(entry, observation.kind() + ": " + observation.detail());
            list.getChildren().add(entry);
        }
        return list;
    }

    private VBox records(StepModel step) {
        VBox list = new VBox(1);
        list.setId("detailRecords");
        for (WireRecord record : step.records()) {
            Label line = wrapped(Durations.formatOffset(record.atMicros()) + "  " + record.describe());
            line.getStyleClass().add("evidence-value");
            list.getChildren().add(line);
        }
        copyable(list, String.join("\n", step.records().stream().map(WireRecord::describe).toList()));
        return list;
    }

    private VBox evidence(StepModel step) {
        VBox list = new VBox(8);
        list.setId("detailEvidence");
        if (step.evidence().isEmpty()) {
            list.getChildren().add(muted("No evidence recorded."));
        }
        int index = 0;
        for (Evidence item : step.evidence()) {
            Label label = new Label(item.label());
            label.getStyleClass().add("evidence-label");
            VBox entry = new VBox(2, label);
            entry.setId("detail-evidence-" + index++);
            entry.getStyleClass().add("evidence-entry");
            if (item.certificates().isEmpty()) {
                Label value = wrapped(item.value());
                value.getStyleClass().add("evidence-value");
                entry.getChildren().add(value);
            } else {
                for (int i = 0; i < item.certificates().size(); i++) {
                    entry.getChildren().add(certificate(i, item.certificates().get(i)));
                }
                Hyperlink chainLink = new Hyperlink("Open the chain view");
                chainLink.setId("detail-chain-link-" + (index - 1));
                chainLink.setOnAction(event -> chainOpener.accept(item.label(), item.certificates()));
                entry.getChildren().add(chainLink);
            }
            copyable(entry, item.label() + ": " + item.value());
            list.getChildren().add(entry);
        }
        return list;
    }

    private GridPane certificate(int position, X509Certificate cert) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("certificate-grid");
        grid.setHgap(8);
        grid.setVgap(1);
        String[][] rows = {
                {"[" + position + "] Subject", Certificates.subject(cert)},
                {"Issuer", Certificates.issuer(cert)},
                {"Valid", Certificates.validity(cert)},
                {"Role", Certificates.role(cert)},
                {"Serial", cert.getSerialNumber().toString(16)},
        };
        for (int row = 0; row < rows.length; row++) {
            Label key = new Label(rows[row][0]);
            key.getStyleClass().add("certificate-key");
            key.setMinWidth(80);
            grid.add(key, 0, row);
            grid.add(wrapped(rows[row][1]), 1, row);
        }
        if (showCertificate != null) {
            Button show = new Button("Show in Certificates");
            show.setId("showInCertificates-" + position);
            show.getStyleClass().add("small-button");
            show.setOnAction(event -> showCertificate.accept(cert));
            grid.add(show, 1, rows.length);
        }
        return grid;
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("subsection-title");
        return label;
    }

    private static Label muted(String text) {
        Label label = wrapped(text);
        label.getStyleClass().add("hint");
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static void copyable(javafx.scene.Node node, String text) {
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(event -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(text);
            Clipboard.getSystemClipboard().setContent(clip);
        });
        ContextMenu menu = new ContextMenu(copy);
        node.setOnContextMenuRequested(event -> menu.show(node, event.getScreenX(), event.getScreenY()));
    }
}
