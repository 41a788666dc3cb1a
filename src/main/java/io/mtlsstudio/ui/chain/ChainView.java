package io.mtlsstudio.ui.chain;

import io.mtlsstudio.pki.CertificateChain;
import io.mtlsstudio.pki.CertificateDetails;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Certificates tab: a tree of each side's chains, from the leaf down to the trust anchor, and
 * the details of the selected item below it.
 */
public final class ChainView extends SplitPane {

    private final ChainViewModel model;
    private final Supplier<Instant> clock;
    private final TreeView<ChainNode> tree = new TreeView<>();
    private final CertificateDetailPane detail = new CertificateDetailPane();
    private final TreeItem<ChainNode> root = new TreeItem<>();
    private X509Certificate pendingReveal;

    public ChainView(ChainViewModel model) {
        this(model, Instant::now);
    }

    ChainView(ChainViewModel model, Supplier<Instant> clock) {
        this.model = model;
        this.clock = clock;
        createView();
        initListeners();
        rebuild();
    }

    public TreeView<ChainNode> tree() {
        return tree;
    }

    private void createView() {
        setId("chainView");
        getStyleClass().add("chain-view");
        setOrientation(Orientation.VERTICAL);
        tree.setId("chainTree");
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new ChainTreeCell(clock));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("chain-detail-scroll");
        getItems().addAll(tree, scroll);
        setDividerPositions(0.34);
    }

    private void initListeners() {
        model.clientProperty().addListener((observable, before, after) -> rebuild());
        model.serverProperty().addListener((observable, before, after) -> rebuild());
        tree.getSelectionModel().selectedItemProperty().addListener((observable, before, item) -> {
            if (item == null || item.getValue() == null) {
                detail.showNothing();
            } else {
                detail.show(item.getValue(), clock.get());
            }
        });
        model.revealedProperty().addListener((observable, before, certificate) -> {
            if (certificate != null) {
                pendingReveal = certificate;
                revealPending();
            }
        });
    }

    private void rebuild() {
        ChainNode selected = tree.getSelectionModel().getSelectedItem() == null ? null
                : tree.getSelectionModel().getSelectedItem().getValue();
        root.getChildren().setAll(sideItem(model.clientProperty().get()), sideItem(model.serverProperty().get()));
        if (!revealPending() && selected != null) {
            reselect(selected);
        }
    }

    private TreeItem<ChainNode> sideItem(ChainSide side) {
        TreeItem<ChainNode> item = new TreeItem<>(new ChainNode.SideNode(side));
        item.setExpanded(true);
        if (!side.hasChains()) {
            item.getChildren().add(new TreeItem<>(new ChainNode.MessageNode(side.message())));
            return item;
        }
        for (CertificateChain chain : side.inspection().chains()) {
            TreeItem<ChainNode> parent = item;
            for (int i = 0; i < chain.certificates().size(); i++) {
                TreeItem<ChainNode> child = new TreeItem<>(new ChainNode.CertificateNode(side, chain, i));
                child.setExpanded(true);
                parent.getChildren().add(child);
                parent = child;
            }
        }
        return item;
    }

    /** Selects the item of the requested certificate, if the tree has it; returns whether it did. */
    private boolean revealPending() {
        if (pendingReveal == null) {
            return false;
        }
        // The step detail's certificates are mostly the server's, so its side comes first.
        TreeItem<ChainNode> item = findOnSide(ChainSide.Side.SERVER, pendingReveal);
        if (item == null) {
            item = findOnSide(ChainSide.Side.CLIENT, pendingReveal);
        }
        if (item == null) {
            return false;
        }
        pendingReveal = null;
        select(item);
        return true;
    }

    private void reselect(ChainNode previous) {
        TreeItem<ChainNode> item = switch (previous) {
            case ChainNode.CertificateNode certificate -> findOnSide(certificate.side().side(), certificate.certificate().certificate());
            case ChainNode.SideNode side -> root.getChildren().get(side.side().side() == ChainSide.Side.CLIENT ? 0 : 1);
            case ChainNode.MessageNode message -> null;
        };
        if (item != null) {
            select(item);
        }
    }

    private void select(TreeItem<ChainNode> item) {
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 1));
        }
    }

    private TreeItem<ChainNode> findOnSide(ChainSide.Side side, X509Certificate certificate) {
        return find(root.getChildren().get(side == ChainSide.Side.CLIENT ? 0 : 1), certificate);
    }

    /** Finds the first item under {@code parent} that shows {@code certificate}, depth first. */
    private static TreeItem<ChainNode> find(TreeItem<ChainNode> parent, X509Certificate certificate) {
        List<TreeItem<ChainNode>> children = parent.getChildren();
        for (TreeItem<ChainNode> child : children) {
            if (child.getValue() instanceof ChainNode.CertificateNode node && matches(node.certificate(), certificate)) {
                return child;
            }
            TreeItem<ChainNode> below = find(child, certificate);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private static boolean matches(CertificateDetails details, X509Certificate certificate) {
        return details.certificate().equals(certificate);
    }
}
