package io.mtlsstudio.ui.form;

import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.ui.StatusIcon;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

import java.util.Map;

/** The connection form on the left of the window. It binds to a {@link ConnectionViewModel}. */
public final class ConnectionView extends VBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ConnectionViewModel model;
    private final CredentialFieldView clientCertificate;
    private final CredentialFieldView clientKey;
    private final CredentialFieldView ca;

    public ConnectionView(ConnectionViewModel model) {
        this.model = model;
        this.clientCertificate = new CredentialFieldView(model.clientCertificate(), "clientCertificate");
        this.clientKey = new CredentialFieldView(model.clientKey(), "clientKey");
        this.ca = new CredentialFieldView(model.ca(), "caFile");
        createView();
    }

    public CredentialFieldView clientCertificateField() {
        return clientCertificate;
    }

    public CredentialFieldView clientKeyField() {
        return clientKey;
    }

    public CredentialFieldView caField() {
        return ca;
    }

    private void createView() {
        getStyleClass().add("connection-form");
        setSpacing(12);

        Label title = new Label("Connection");
        title.getStyleClass().add("section-title");

        getChildren().addAll(title, targetSection(), serverNameSection(), tlsSection(), timeoutSection(),
                filesSection());
    }

    private VBox targetSection() {
        TextField typed = new TextField();
        typed.setId("targetField");
        typed.setPromptText(ConnectionViewModel.DEFAULT_TARGET);
        typed.textProperty().bindBidirectional(model.targetProperty());
        model.targetMessageProperty().addListener((observable, before, after) ->
                typed.pseudoClassStateChanged(INVALID, !after.isEmpty()));

        TextField embedded = new TextField();
        embedded.setId("embeddedTargetField");
        embedded.setEditable(false);
        embedded.getStyleClass().add("read-only");
        embedded.textProperty().bind(model.embeddedAddressProperty());

        // Both fields stay in the form so that the typed target survives turning the demo on and off.
        typed.visibleProperty().bind(model.embeddedFrontendProperty().not());
        typed.managedProperty().bind(typed.visibleProperty());
        embedded.visibleProperty().bind(model.embeddedFrontendProperty());
        embedded.managedProperty().bind(embedded.visibleProperty());

        CheckBox demo = new CheckBox("Embedded demo frontend");
        demo.setId("embeddedFrontendCheck");
        demo.selectedProperty().bindBidirectional(model.embeddedFrontendProperty());
        Label demoHint = hint("A mutual TLS Cadence frontend with the sample credentials, on a free loopback port. "
                + "Connect starts it and dials it.");
        demoHint.visibleProperty().bind(model.embeddedFrontendProperty());
        demoHint.managedProperty().bind(demoHint.visibleProperty());

        Label label = fieldLabel("Target (host:port)", typed);
        return section(label, typed, embedded, message("targetMessage", model.targetMessageProperty()), demo, demoHint);
    }

    private VBox serverNameSection() {
        TextField name = new TextField();
        name.setId("serverNameField");
        name.setPromptText("empty: the target host");
        name.setTooltip(new javafx.scene.control.Tooltip("Sent as SNI and checked against the server certificate"));
        name.textProperty().bindBidirectional(model.serverNameProperty());
        model.serverNameMessageProperty().addListener((observable, before, after) ->
                name.pseudoClassStateChanged(INVALID, !after.isEmpty()));
        return section(fieldLabel("Server name override", name), name,
                message("serverNameMessage", model.serverNameMessageProperty()));
    }

    private VBox tlsSection() {
        CheckBox tls = new CheckBox("Use TLS");
        tls.setId("tlsCheck");
        tls.selectedProperty().bindBidirectional(model.tlsProperty());
        Label plaintextHint = hint("Plaintext (h2c): the TLS steps are skipped and nothing is encrypted.");
        plaintextHint.visibleProperty().bind(model.tlsProperty().not());
        plaintextHint.managedProperty().bind(plaintextHint.visibleProperty());

        Map<TlsVersion, ToggleButton> buttons = Map.of(
                TlsVersion.AUTO, new ToggleButton("Auto"),
                TlsVersion.TLS_1_2, new ToggleButton("TLS 1.2"),
                TlsVersion.TLS_1_3, new ToggleButton("TLS 1.3"));
        SegmentedButton versions = new SegmentedButton(buttons.get(TlsVersion.AUTO), buttons.get(TlsVersion.TLS_1_2),
                buttons.get(TlsVersion.TLS_1_3));
        versions.setId("tlsVersionChoice");
        buttons.forEach((version, button) -> {
            button.setId("tlsVersion-" + version.name());
            button.setSelected(model.tlsVersionProperty().get() == version);
            button.selectedProperty().addListener((observable, was, selected) -> {
                if (selected) {
                    model.tlsVersionProperty().set(version);
                } else if (model.tlsVersionProperty().get() == version) {
                    button.setSelected(true);
                }
            });
        });
        model.tlsVersionProperty().addListener((observable, before, version) -> buttons.get(version).setSelected(true));
        versions.disableProperty().bind(model.tlsProperty().not());
        Label versionLabel = new Label("TLS version");
        versionLabel.getStyleClass().add("field-label");
        HBox versionRow = new HBox(8, versionLabel, versions);
        versionRow.setAlignment(Pos.CENTER_LEFT);

        CheckBox hostname = new CheckBox("Verify the host name");
        hostname.setId("hostnameVerificationCheck");
        hostname.selectedProperty().bindBidirectional(model.hostnameVerificationProperty());
        hostname.disableProperty().bind(model.tlsProperty().not());
        StatusIcon warningIcon = new StatusIcon("warning");
        Label warningText = new Label("Host name check OFF: any name is accepted. The chain is still verified "
                + "against the CA.");
        warningText.setWrapText(true);
        warningText.getStyleClass().add("warning-text");
        HBox hostnameWarning = new HBox(6, warningIcon, warningText);
        hostnameWarning.setId("hostnameWarning");
        hostnameWarning.getStyleClass().add("warning-box");
        hostnameWarning.visibleProperty().bind(model.hostnameVerificationProperty().not().and(model.tlsProperty()));
        hostnameWarning.managedProperty().bind(hostnameWarning.visibleProperty());

        return section(tls, plaintextHint, versionRow, hostname, hostnameWarning);
    }

    private VBox timeoutSection() {
        TextField seconds = new TextField();
        seconds.setId("timeoutField");
        seconds.setPrefColumnCount(5);
        seconds.setMaxWidth(90);
        seconds.textProperty().bindBidirectional(model.timeoutSecondsProperty());
        model.timeoutMessageProperty().addListener((observable, before, after) ->
                seconds.pseudoClassStateChanged(INVALID, !after.isEmpty()));
        Label unit = new Label("seconds for connect, handshake and Health call");
        unit.getStyleClass().add("hint");
        unit.setWrapText(true);
        HBox row = new HBox(8, seconds, unit);
        row.setAlignment(Pos.CENTER_LEFT);
        return section(fieldLabel("Timeout", seconds), row, message("timeoutMessage", model.timeoutMessageProperty()));
    }

    private VBox filesSection() {
        Label title = new Label("Files");
        title.getStyleClass().add("subsection-title");
        Label tlsOff = hint("TLS is off, so these files are not used.");
        tlsOff.visibleProperty().bind(model.tlsProperty().not());
        tlsOff.managedProperty().bind(tlsOff.visibleProperty());
        VBox files = new VBox(10, title, tlsOff, clientCertificate, clientKey, ca);
        return files;
    }

    private static VBox section(Node... nodes) {
        VBox box = new VBox(4, nodes);
        box.getStyleClass().add("form-section");
        return box;
    }

    private static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return label;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }

    /** Creates the message line under a field, which takes no room while empty. */
    private static Label message(String id, ReadOnlyStringProperty text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().addAll("field-message", "message-invalid");
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
