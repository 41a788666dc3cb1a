package io.mtlsstudio.ui.form;

import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.ui.BackgroundWork;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection form: what to dial, how, and with which files. Validation happens here; the
 * view only shows the messages. Confined to the UI thread.
 */
public final class ConnectionViewModel {

    public static final String DEFAULT_TARGET = "127.0.0.1:" + Target.CADENCE_GRPC_PORT;
    public static final int MAX_TIMEOUT_SECONDS = 600;

    private final StringProperty target = new SimpleStringProperty(this, "target", DEFAULT_TARGET);
    private final StringProperty serverName = new SimpleStringProperty(this, "serverName", "");
    private final BooleanProperty tls = new SimpleBooleanProperty(this, "tls", true);
    private final ObjectProperty<TlsVersion> tlsVersion = new SimpleObjectProperty<>(this, "tlsVersion", TlsVersion.AUTO);
    private final BooleanProperty hostnameVerification = new SimpleBooleanProperty(this, "hostnameVerification", true);
    private final StringProperty timeoutSeconds = new SimpleStringProperty(this, "timeoutSeconds",
            Long.toString(ProbeOptions.DEFAULT_TIMEOUT.toSeconds()));
    private final BooleanProperty embeddedFrontend = new SimpleBooleanProperty(this, "embeddedFrontend", false);
    private final ReadOnlyStringWrapper embeddedAddress = new ReadOnlyStringWrapper(this, "embeddedAddress",
            "starts on Connect, on a free loopback port");
    private final ReadOnlyStringWrapper targetMessage = new ReadOnlyStringWrapper(this, "targetMessage", "");
    private final ReadOnlyStringWrapper serverNameMessage = new ReadOnlyStringWrapper(this, "serverNameMessage", "");
    private final ReadOnlyStringWrapper timeoutMessage = new ReadOnlyStringWrapper(this, "timeoutMessage", "");
    private final CredentialFieldModel clientCertificate;
    private final CredentialFieldModel clientKey;
    private final CredentialFieldModel ca;

    public ConnectionViewModel(BackgroundWork work) {
        clientCertificate = new CredentialFieldModel(CredentialFieldModel.Kind.CLIENT_CERTIFICATE, work);
        clientKey = new CredentialFieldModel(CredentialFieldModel.Kind.CLIENT_KEY, work);
        ca = new CredentialFieldModel(CredentialFieldModel.Kind.CA, work);
        target.addListener((observable, before, after) -> targetMessage.set(""));
        serverName.addListener((observable, before, after) -> serverNameMessage.set(""));
        timeoutSeconds.addListener((observable, before, after) -> timeoutMessage.set(""));
    }

    /** Returns the {@code host:port} typed by the user, which is kept while the embedded frontend is dialled instead. */
    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty serverNameProperty() {
        return serverName;
    }

    public BooleanProperty tlsProperty() {
        return tls;
    }

    public ObjectProperty<TlsVersion> tlsVersionProperty() {
        return tlsVersion;
    }

    public BooleanProperty hostnameVerificationProperty() {
        return hostnameVerification;
    }

    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public BooleanProperty embeddedFrontendProperty() {
        return embeddedFrontend;
    }

    /** Returns the address of the embedded frontend, shown in place of the target while it is dialled. */
    public ReadOnlyStringProperty embeddedAddressProperty() {
        return embeddedAddress.getReadOnlyProperty();
    }

    public void setEmbeddedAddress(String address) {
        embeddedAddress.set(address);
    }

    public ReadOnlyStringProperty targetMessageProperty() {
        return targetMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverNameMessageProperty() {
        return serverNameMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeoutMessageProperty() {
        return timeoutMessage.getReadOnlyProperty();
    }

    public CredentialFieldModel clientCertificate() {
        return clientCertificate;
    }

    public CredentialFieldModel clientKey() {
        return clientKey;
    }

    public CredentialFieldModel ca() {
        return ca;
    }

    public List<CredentialFieldModel> files() {
        return List.of(clientCertificate, clientKey, ca);
    }

    /** Fills the three files with the bundled samples and turns the embedded frontend on. */
    public void useSampleCredentials(SampleCredentials samples) {
        clientCertificate.pathProperty().set(samples.clientCertificate().toString());
        clientKey.pathProperty().set(samples.clientKey().toString());
        ca.pathProperty().set(samples.ca().toString());
        files().forEach(CredentialFieldModel::inspect);
        embeddedFrontend.set(true);
    }

    /** Shows a problem with a file next to its field. */
    public void showFileError(CredentialFieldModel.Kind kind, String message) {
        field(kind).showError(message);
    }

    public CredentialFieldModel field(CredentialFieldModel.Kind kind) {
        return switch (kind) {
            case CLIENT_CERTIFICATE -> clientCertificate;
            case CLIENT_KEY -> clientKey;
            case CA -> ca;
        };
    }

    /**
     * Checks everything that can be checked without reading files. Returns the request, or a
     * list of problems, each already shown next to its field.
     */
    public Validation validate() {
        List<String> problems = new ArrayList<>();

        Target parsedTarget = null;
        if (!embeddedFrontend.get()) {
            try {
                parsedTarget = Target.parse(target.get());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                targetMessage.set(e.getMessage());
            }
        }

        String name = serverName.get() == null ? "" : serverName.get().strip();
        if (name.chars().anyMatch(Character::isWhitespace)) {
            String message = "Invalid server name \"" + name + "\": a DNS name or IP address has no spaces. "
                    + "Clear the field to check the certificate against the target host.";
            problems.add(message);
            serverNameMessage.set(message);
        }

        Duration timeout = parseTimeout(problems);
        Path certificate = filePath(clientCertificate, problems);
        Path key = filePath(clientKey, problems);
        Path caFile = filePath(ca, problems);
        if (tls.get()) {
            checkPairing(certificate, key, problems);
        }

        if (!problems.isEmpty()) {
            return Validation.invalid(problems);
        }
        return Validation.valid(new ConnectionRequest(parsedTarget, name.isEmpty() ? null : name, tls.get(),
                tlsVersion.get(), hostnameVerification.get(), timeout, certificate, key, caFile, embeddedFrontend.get()));
    }

    private Duration parseTimeout(List<String> problems) {
        String text = timeoutSeconds.get() == null ? "" : timeoutSeconds.get().strip();
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 1 && seconds <= MAX_TIMEOUT_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as an out-of-range number.
        }
        String message = "Invalid timeout \"" + text + "\": enter whole seconds from 1 to " + MAX_TIMEOUT_SECONDS + ".";
        problems.add(message);
        timeoutMessage.set(message);
        return null;
    }

    private static Path filePath(CredentialFieldModel field, List<String> problems) {
        try {
            return field.toOptionalPath().orElse(null);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            field.showError(e.getMessage());
            return null;
        }
    }

    private void checkPairing(Path certificate, Path key, List<String> problems) {
        if (certificate != null && key == null && clientKey.isBlank()) {
            String message = "The client certificate needs its private key. Choose the key file, "
                    + "or clear the certificate to connect without one.";
            problems.add(message);
            clientKey.showError(message);
        }
        if (key != null && certificate == null && clientCertificate.isBlank()) {
            String message = "The client key needs its certificate. Choose the certificate file, "
                    + "or clear the key to connect without one.";
            problems.add(message);
            clientCertificate.showError(message);
        }
    }

    /** The outcome of {@link #validate()}: a request, or the problems that prevent one. */
    public record Validation(ConnectionRequest request, List<String> problems) {

        static Validation valid(ConnectionRequest request) {
            return new Validation(request, List.of());
        }

        static Validation invalid(List<String> problems) {
            return new Validation(null, List.copyOf(problems));
        }

        public boolean isValid() {
            return request != null;
        }
    }
}
