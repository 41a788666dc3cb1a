package io.mtlsstudio.ui.chain;

import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialInspector;
import io.mtlsstudio.pki.Inspection;
import io.mtlsstudio.pki.InspectionRequest;
import io.mtlsstudio.pki.PemFiles;
import io.mtlsstudio.pki.Purpose;
import io.mtlsstudio.ui.BackgroundWork;
import io.mtlsstudio.ui.findings.CredentialSetModel;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Certificates tab: the client side's chain from the form's files, and the server side's
 * chain as the server sent it in the last connection, inspected against the form's CA file and
 * server name. Confined to the UI thread; inspections run in the background.
 */
public final class ChainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ChainViewModel.class);

    private final ConnectionViewModel connection;
    private final CredentialSetModel credentials;
    private final BackgroundWork work;
    private final ReadOnlyObjectWrapper<ChainSide> client = new ReadOnlyObjectWrapper<>(this, "client");
    private final ReadOnlyObjectWrapper<ChainSide> server = new ReadOnlyObjectWrapper<>(this, "server",
            ChainSide.empty(ChainSide.Side.SERVER, "Connect to see the chain the server sends."));
    private final ReadOnlyObjectWrapper<X509Certificate> revealed = new ReadOnlyObjectWrapper<>(this, "revealed");
    private long serverGeneration;

    /**
     * @param reports the report of the run shown in the timeline; each new report's server chain is inspected
     */
    public ChainViewModel(ConnectionViewModel connection, CredentialSetModel credentials,
                          ObservableValue<ProbeReport> reports, BackgroundWork work) {
        this.connection = connection;
        this.credentials = credentials;
        this.work = work;
        credentials.inspectionProperty().addListener((observable, before, after) -> showClient());
        credentials.checkingProperty().addListener((observable, before, after) -> showClient());
        reports.addListener((observable, before, report) -> {
            if (report != null) {
                inspectServer(report);
            }
        });
        showClient();
    }

    public ReadOnlyObjectProperty<ChainSide> clientProperty() {
        return client.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChainSide> serverProperty() {
        return server.getReadOnlyProperty();
    }

    /** Returns the certificate the tab was last asked to show, or null. */
    public ReadOnlyObjectProperty<X509Certificate> revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** Asks the tab to select {@code certificate} in whichever side's chain contains it. */
    public void reveal(X509Certificate certificate) {
        revealed.set(null);
        revealed.set(certificate);
    }

    private void showClient() {
        Inspection inspection = credentials.inspection();
        if (inspection == null) {
            String message = credentials.checkingProperty().get() ? "Checking the files…"
                    : "Choose a client certificate in the form to see its chain.";
            client.set(ChainSide.empty(ChainSide.Side.CLIENT, message));
            return;
        }
        String files = inspection.request().files().stream().map(ChainViewModel::fileName).collect(Collectors.joining(", "));
        String cas = inspection.request().caFiles().isEmpty() ? "no CA file, so the chain's end is not judged"
                : "CA file " + inspection.request().caFiles().stream().map(ChainViewModel::fileName).collect(Collectors.joining(", "));
        client.set(new ChainSide(ChainSide.Side.CLIENT, "From the form's files: " + files + "; checked against " + cas + ".",
                inspection, "", null, null));
    }

    private void inspectServer(ProbeReport report) {
        long current = ++serverGeneration;
        if (report.serverChain().isEmpty()) {
            String reason = report.tls() ? "The last connection to " + report.target() + " received no server certificate."
                    : "The last connection to " + report.target() + " was plaintext, so the server sent no certificate.";
            server.set(ChainSide.empty(ChainSide.Side.SERVER, reason));
            return;
        }

        List<X509Certificate> chain = report.serverChain();
        Path ca = usableCaFile();
        String serverName = connection.hostnameVerificationProperty().get() ? serverName(report) : null;
        String label = "the chain sent by " + report.target();
        server.set(ChainSide.empty(ChainSide.Side.SERVER, "Checking the chain sent by " + report.target() + "…"));
        work.submit(() -> inspect(chain, ca, serverName), result -> {
            if (current == serverGeneration) {
                String against = (ca == null ? "the JDK's default trust store" : "CA file " + fileName(ca))
                        + (serverName == null ? " (host name check off)" : " and the name " + serverName);
                server.set(new ChainSide(ChainSide.Side.SERVER, "Sent by " + report.target()
                        + " in the last connection; checked against " + against + ".",
                        result.inspection(), "", result.file(), label));
            }
        }, error -> {
            if (current == serverGeneration) {
                LOG.error("Inspecting the chain sent by {} failed", report.target(), error);
                server.set(ChainSide.empty(ChainSide.Side.SERVER, "The chain sent by " + report.target()
                        + " could not be inspected: " + error.getMessage()));
            }
        });
    }

    /** The inspection of a received chain and the temporary file it was read from, which no longer exists. */
    private record ServerInspection(Inspection inspection, Path file) {
    }

    /**
     * Inspects a received chain. The engine inspects files, so the certificates, which are public,
     * go to a temporary file that is deleted before this returns.
     */
    private static ServerInspection inspect(List<X509Certificate> chain, Path ca, String serverName) throws IOException {
        Path folder = Files.createTempDirectory("mtls-server-chain");
        Path file = folder.resolve("server-chain.pem");
        try {
            PemFiles.writeCertificates(file, chain);
            Inspection inspection = CredentialInspector.inspect(InspectionRequest.builder(Purpose.SERVER)
                    .files(List.of(file))
                    .caFiles(ca == null ? List.of() : List.of(ca))
                    .serverName(serverName)
                    .build());
            return new ServerInspection(inspection, file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    private Path usableCaFile() {
        CredentialFieldModel ca = connection.ca();
        if (ca.state() != CredentialFieldModel.State.VALID) {
            return null;
        }
        return ca.toOptionalPath().orElse(null);
    }

    private String serverName(ProbeReport report) {
        String override = connection.serverNameProperty().get();
        if (override != null && !override.isBlank()) {
            return override.strip();
        }
        try {
            return Target.parse(report.target()).host();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
