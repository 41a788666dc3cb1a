package io.mtlsstudio.ui.chain;

import io.mtlsstudio.pki.CertificateChain;
import io.mtlsstudio.pki.CertificateDetails;
import io.mtlsstudio.pki.ChainLink;
import io.mtlsstudio.ui.StatusIcon;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A row of the certificate tree: an icon, and the role, name and state of a certificate or a side, as text. */
final class ChainTreeCell extends TreeCell<ChainNode> {

    private final Supplier<Instant> clock;

    ChainTreeCell(Supplier<Instant> clock) {
        this.clock = clock;
    }

    @Override
    protected void updateItem(ChainNode node, boolean empty) {
        super.updateItem(node, empty);
        setText(null);
        if (empty || node == null) {
            setGraphic(null);
            return;
        }
        setGraphic(switch (node) {
            case ChainNode.SideNode side -> sideRow(side.side());
            case ChainNode.CertificateNode certificate -> certificateRow(certificate);
            case ChainNode.MessageNode message -> row("info", "", message.text(), "");
        });
    }

    private HBox sideRow(ChainSide side) {
        if (!side.hasChains()) {
            return row("info", side.side().title(), "", "");
        }
        CertificateChain chain = side.inspection().chains().get(0);
        return row(iconOf(chain), side.side().title(), "", "chain " + chain.status().name());
    }

    private HBox certificateRow(ChainNode.CertificateNode node) {
        Instant now = clock.get();
        String role = CertificateTexts.role(node.chain(), node.index());
        return row(iconOf(node, now), role, CertificateTexts.name(node.certificate()),
                CertificateTexts.validity(node.certificate(), now));
    }

    private static HBox row(String icon, String role, String name, String state) {
        Label roleLabel = new Label(role);
        roleLabel.getStyleClass().add("chain-role");
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add("chain-name");
        Label stateLabel = new Label(state);
        stateLabel.getStyleClass().add("chain-state");
        HBox row = new HBox(6, new StatusIcon(icon), roleLabel, nameLabel, stateLabel);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Returns the icon of a chain: passed when trusted, info when not judged, failed otherwise. */
    static String iconOf(CertificateChain chain) {
        return switch (chain.status()) {
            case TRUSTED -> "passed";
            case NOT_CHECKED -> "info";
            case UNTRUSTED, INCOMPLETE, INVALID -> "failed";
        };
    }

    /**
     * Returns the icon of a certificate: failed when it is outside its validity or its link to the
     * issuer is broken, warning when it expires soon or its key identifiers differ, else passed.
     */
    static String iconOf(ChainNode.CertificateNode node, Instant now) {
        CertificateDetails certificate = node.certificate();
        ChainLink link = node.link();
        boolean brokenLink = link != null && (!link.signatureVerified() || !link.issuerNameMatches());
        if (!certificate.isValidAt(now) || brokenLink) {
            return "failed";
        }
        boolean expiresSoon = now.plus(Duration.ofDays(CertificateTexts.EXPIRY_WARNING_DAYS)).isAfter(certificate.notAfter());
        boolean keyIdMismatch = link != null && link.keyIdentifier() == ChainLink.KeyIdentifierMatch.MISMATCH;
        if (expiresSoon || keyIdMismatch) {
            return "warning";
        }
        return "passed";
    }
}
