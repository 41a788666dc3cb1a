package io.mtlsstudio.ui.chain;

import io.mtlsstudio.pki.CertificateDetails;
import io.mtlsstudio.ui.MainViewModel;
import io.mtlsstudio.ui.MtlsStudioApp;
import io.mtlsstudio.ui.MainView;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import io.mtlsstudio.ui.run.ResultKind;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static io.mtlsstudio.ui.findings.FxWait.onFx;
import static io.mtlsstudio.ui.findings.FxWait.showing;
import static io.mtlsstudio.ui.findings.FxWait.text;
import static io.mtlsstudio.ui.findings.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Certificates tab in the window: reached from the step detail, with the facts of the server's certificate. */
@ExtendWith(ApplicationExtension.class)
class CertificatesTabTest {

    private static final long LIMIT_SECONDS = 30;

    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        model = MainViewModel.create();
        view = MtlsStudioApp.show(stage, model);
        model.useSampleCredentials();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void stepDetailCertificateOpensInTab(FxRobot robot) {
        connectWithSamples(robot);

        robot.clickOn("#step-SERVER_CERTIFICATE");
        waitUntil("the step detail shows the server chain", 5, () -> showing(robot, "#showInCertificates-0"));
        robot.clickOn("#showInCertificates-0");
        waitUntil("the server leaf is selected", LIMIT_SECONDS, () -> selectedCertificate() != null
                && selectedCertificate().side().side() == ChainSide.Side.SERVER);

        assertEquals("certificatesTab", onFx(() -> ((TabPane) robot.lookup("#detailTabs").query())
                .getSelectionModel().getSelectedItem().getId()));
        ChainNode.CertificateNode node = selectedCertificate();
        CertificateDetails leaf = node.certificate();
        assertEquals(0, node.index());
        assertEquals("Leaf: CN=cadence-frontend", text(robot, "#chainDetailTitle"));
        assertEquals("CN=cadence-frontend", text(robot, "#chain-subject"));
        assertEquals("CN=mTLS Studio Sample Root CA", text(robot, "#chain-issuer"));
        assertEquals(leaf.serialHex(), text(robot, "#chain-serial"));
        assertEquals(leaf.sha256(), text(robot, "#chain-sha256"));
        assertEquals(leaf.sha1(), text(robot, "#chain-sha1"));
        assertEquals("DNS:cadence-frontend, DNS:localhost, IP:127.0.0.1", text(robot, "#chain-subjectAltNames"));
        assertEquals("serverAuth", text(robot, "#chain-extendedKeyUsage"));
        assertEquals("CA:FALSE (end entity)", text(robot, "#chain-basicConstraints"));
        assertEquals("matches: the issuer's subject equals this certificate's issuer name", text(robot, "#chain-link-issuerName"));
        assertEquals("MATCH: the authority key identifier equals the issuer's subject key identifier",
                text(robot, "#chain-link-keyIdentifier"));
        assertEquals("verified with the issuer's public key", text(robot, "#chain-link-signature"));
        assertEquals(leaf.pem(), text(robot, "#chainPem"));

        robot.clickOn("#chainCopyPem");
        assertEquals(leaf.pem(), onFx(() -> Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void trustAnchorShowsSelfSignedLink(FxRobot robot) {
        connectWithSamples(robot);
        robot.clickOn("#certificatesTab");
        waitUntil("the server chain is inspected", LIMIT_SECONDS, () -> model.chains().serverProperty().get().hasChains());

        onFx(() -> {
            ChainView chains = (ChainView) view.lookup("#chainView");
            TreeItem<ChainNode> anchor = chains.tree().getRoot().getChildren().get(0).getChildren().get(0).getChildren().get(0);
            chains.tree().getSelectionModel().select(anchor);
            return null;
        });

        assertEquals("Trust anchor: CN=mTLS Studio Sample Root CA", text(robot, "#chainDetailTitle"));
        assertEquals("verified with the certificate's own public key", text(robot, "#chain-link-signature"));
        assertEquals("CA:TRUE", text(robot, "#chain-basicConstraints").substring(0, 7));
    }

    private void connectWithSamples(FxRobot robot) {
        waitUntil("the sample files are checked", LIMIT_SECONDS, () -> model.connection().files().stream()
                .allMatch(field -> field.state() == CredentialFieldModel.State.VALID));
        robot.clickOn("#connectButton");
        waitUntil("the run ends", LIMIT_SECONDS, () -> model.run().resultKind() == ResultKind.SUCCESS
                || model.run().resultKind() == ResultKind.FAILURE);
        assertEquals(ResultKind.SUCCESS, onFx(() -> model.run().resultKind()));
    }

    private ChainNode.CertificateNode selectedCertificate() {
        return onFx(() -> {
            ChainView chains = (ChainView) view.lookup("#chainView");
            TreeItem<ChainNode> item = chains.tree().getSelectionModel().getSelectedItem();
            return item != null && item.getValue() instanceof ChainNode.CertificateNode node ? node : null;
        });
    }
}
