package io.mtlsstudio.ui.chain;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.pki.CertificateChain;
import io.mtlsstudio.pki.CertificateDetails;
import io.mtlsstudio.pki.ChainLink;
import io.mtlsstudio.ui.StatusIcon;
import io.mtlsstudio.ui.findings.FindingCards;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.List;

/**
 * The lower half of the Certificates tab: every fact of the selected certificate, its link to
 * its issuer, and its PEM text; or, for a side, how its chains end and the inspection's findings.
 * Every value offers Copy in its context menu.
 */
final class CertificateDetailPane extends VBox {

    private static final double KEY_COLUMN_MIN_WIDTH = 90;
    private static final double KEY_COLUMN_MAX_WIDTH = 150;

    CertificateDetailPane() {
        setId("chainDetail");
        getStyleClass().add("chain-detail");
        setSpacing(8);
        showNothing();
    }

    void showNothing() {
        getChildren().setAll(muted("Select a certificate to see its details."));
    }

    void show(ChainNode node, Instant now) {
        switch (node) {
            case ChainNode.CertificateNode certificate -> showCertificate(certificate, now);
            case ChainNode.SideNode side -> showSide(side.side());
            case ChainNode.MessageNode message -> getChildren().setAll(muted(message.text()));
        }
    }

    private void showCertificate(ChainNode.CertificateNode node, Instant now) {
        CertificateDetails certificate = node.certificate();
        String role = CertificateTexts.role(node.chain(), node.index());
        Label title = new Label(role + ": " + CertificateTexts.name(certificate));
        title.setId("chainDetailTitle");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        Label validity = new Label(CertificateTexts.validity(certificate, now));
        validity.setId("chainDetailValidity");
        validity.getStyleClass().add("detail-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = new Button("Copy PEM");
        copy.setId("chainCopyPem");
        copy.getStyleClass().add("small-button");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(event -> copy(certificate.pem()));
        HBox header = new HBox(8, new StatusIcon(ChainTreeCell.iconOf(node, now)), title, spacer, copy);
        header.setAlignment(Pos.CENTER_LEFT);

        getChildren().setAll(header, validity, sectionTitle("Certificate"), facts(node.side(), certificate, now));
        getChildren().addAll(sectionTitle(linkTitle(node)), link(node));
        getChildren().addAll(sectionTitle("PEM"), pem(certificate));
    }

    private GridPane facts(ChainSide side, CertificateDetails certificate, Instant now) {
        GridPane grid = grid();
        int row = 0;
        row = fact(grid, row, "subject", "Subject", certificate.displayName());
        row = fact(grid, row, "issuer", "Issuer", certificate.issuer().isEmpty() ? "(empty issuer)" : certificate.issuer());
        row = fact(grid, row, "serial", "Serial number", certificate.serialHex());
        row = fact(grid, row, "notBefore", "Not before", CertificateTexts.time(certificate.notBefore()));
        row = fact(grid, row, "notAfter", "Not after", CertificateTexts.time(certificate.notAfter())
                + " (" + CertificateTexts.validity(certificate, now) + ")");
        row = fact(grid, row, "publicKey", "Public key", certificate.publicKey());
        row = fact(grid, row, "signatureAlgorithm", "Signature algorithm", certificate.signatureAlgorithm());
        row = fact(grid, row, "subjectAltNames", "Subject alternative names",
                CertificateTexts.list(certificate.subjectAltNames(), "none (no subjectAltName extension)"));
        row = fact(grid, row, "keyUsage", "Key usage", CertificateTexts.list(certificate.keyUsage(), "extension absent"));
        row = fact(grid, row, "extendedKeyUsage", "Extended key usage",
                CertificateTexts.list(certificate.extendedKeyUsage(), "extension absent (any usage)"));
        row = fact(grid, row, "basicConstraints", "Basic constraints", CertificateTexts.basicConstraints(certificate));
        row = fact(grid, row, "subjectKeyIdentifier", "Subject key identifier", orAbsent(certificate.subjectKeyIdentifier()));
        row = fact(grid, row, "authorityKeyIdentifier", "Authority key identifier", orAbsent(certificate.authorityKeyIdentifier()));
        row = fact(grid, row, "sha256", "SHA-256 fingerprint", certificate.sha256());
        row = fact(grid, row, "sha1", "SHA-1 fingerprint", certificate.sha1());
        fact(grid, row, "source", "Source", side.sourceLabel(certificate));
        return grid;
    }

    private static String linkTitle(ChainNode.CertificateNode node) {
        ChainLink link = node.link();
        if (link == null) {
            return "Issuer";
        }
        return link.isSelfLink() ? "Self-signed" : "Link to the issuer " + CertificateTexts.name(link.issuer());
    }

    private VBox link(ChainNode.CertificateNode node) {
        ChainLink link = node.link();
        VBox box = new VBox(4);
        box.setId("chainLink");
        if (link == null) {
            String text = node.chain().status() == CertificateChain.Status.NOT_CHECKED && node.index() == node.chain().certificates().size() - 1
                    ? "The issuer " + node.certificate().issuer() + " is not among the files, and no CA file was given."
                    : "The issuer " + node.certificate().issuer() + " was not found in any of the files: the chain stops here.";
            box.getChildren().add(check("issuerFound", false, "Issuer", text));
            return box;
        }
        if (link.isSelfLink()) {
            box.getChildren().add(check("signature", link.signatureVerified(), "Signature", link.signatureVerified()
                    ? "verified with the certificate's own public key" : "does NOT verify with the certificate's own public key"));
            return box;
        }
        box.getChildren().add(check("issuerName", link.issuerNameMatches(), "Issuer name", link.issuerNameMatches()
                ? "matches: the issuer's subject equals this certificate's issuer name"
                : "DIFFERS: the issuer's subject is " + link.issuer().subject()));
        box.getChildren().add(check("keyIdentifier", link.keyIdentifier() != ChainLink.KeyIdentifierMatch.MISMATCH,
                "Key identifier", CertificateTexts.keyIdentifier(link)));
        box.getChildren().add(check("signature", link.signatureVerified(), "Signature", link.signatureVerified()
                ? "verified with the issuer's public key" : "does NOT verify with the issuer's public key"));
        return box;
    }

    private HBox check(String id, boolean passed, String name, String text) {
        Label outcome = new Label(passed ? "PASSED" : "FAILED");
        outcome.getStyleClass().add("check-outcome");
        outcome.setMinWidth(60);
        Label label = new Label(name);
        label.getStyleClass().add("check-name");
        label.setMinWidth(110);
        Label value = wrapped(text);
        value.setId("chain-link-" + id);
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox row = new HBox(6, new StatusIcon(passed ? "passed" : "failed"), outcome, label, value);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("check-row");
        copyable(row, (passed ? "PASSED " : "FAILED ") + name + ": " + text);
        return row;
    }

    private static TextArea pem(CertificateDetails certificate) {
        TextArea text = new TextArea(certificate.pem());
        text.setId("chainPem");
        text.setEditable(false);
        text.setPrefRowCount(8);
        text.getStyleClass().add("pem-text");
        return text;
    }

    private void showSide(ChainSide side) {
        Label title = new Label(side.side().title());
        title.getStyleClass().add("detail-title");
        getChildren().setAll(title);
        if (!side.origin().isEmpty()) {
            getChildren().add(wrapped(side.origin()));
        }
        if (side.inspection() == null) {
            getChildren().add(muted(side.message()));
            return;
        }
        for (CertificateChain chain : side.inspection().chains()) {
            HBox status = new HBox(6, new StatusIcon(ChainTreeCell.iconOf(chain)), boldLabel(chain.status().name()),
                    wrapped(CertificateTexts.chainStatus(chain, side)));
            status.setAlignment(Pos.TOP_LEFT);
            status.getStyleClass().add("chain-status");
            getChildren().add(status);
        }
        List<Finding> findings = side.findings();
        getChildren().add(sectionTitle(findings.isEmpty() ? "No findings" : "Findings (" + findings.size() + ")"));
        for (Finding finding : findings) {
            VBox card = FindingCards.card(finding, "chainFinding");
            card.setMaxWidth(Double.MAX_VALUE);
            getChildren().add(card);
        }
    }

    private int fact(GridPane grid, int row, String id, String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add("certificate-key");
        key.setWrapText(true);
        key.setMinHeight(Region.USE_PREF_SIZE);
        Label text = wrapped(value);
        text.setId("chain-" + id);
        text.getStyleClass().add("certificate-value");
        copyable(text, value);
        GridPane.setValignment(key, VPos.TOP);
        grid.add(key, 0, row);
        grid.add(text, 1, row);
        return row + 1;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("certificate-grid");
        grid.setHgap(10);
        grid.setVgap(3);
        // Long names such as "Subject alternative names" wrap, so that a narrow tab leaves the values room.
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(KEY_COLUMN_MIN_WIDTH);
        keys.setMaxWidth(KEY_COLUMN_MAX_WIDTH);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        grid.getColumnConstraints().addAll(keys, values);
        return grid;
    }

    private static String orAbsent(String value) {
        return value == null ? "extension absent" : value;
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("subsection-title");
        return label;
    }

    private static Label boldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("check-outcome");
        label.setMinWidth(Region.USE_PREF_SIZE);
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
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static void copyable(Node node, String text) {
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(event -> copy(text));
        ContextMenu menu = new ContextMenu(copy);
        node.setOnContextMenuRequested(event -> menu.show(node, event.getScreenX(), event.getScreenY()));
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
