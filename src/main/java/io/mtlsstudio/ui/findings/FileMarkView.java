package io.mtlsstudio.ui.findings;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.pki.CheckStatus;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

import java.util.List;
import java.util.function.Consumer;

/**
 * The mark line of a file field: the mark as a word (VALID, WARNING, ERROR), a link that opens the
 * file's findings in a pop-over, and a button that opens the password dialog for an encrypted file.
 */
public final class FileMarkView extends FlowPane {

    private static final double POP_OVER_WIDTH = 460;

    private final CredentialFieldModel model;
    private final String idPrefix;
    private final Label word = new Label();
    private final Hyperlink findingsLink = new Hyperlink();
    private final Button passwordButton = new Button("Password…");
    private Consumer<CredentialFieldModel.Kind> showInTab = kind -> { };
    private PopOver popOver;

    /** @param idPrefix prefix of the CSS ids: {@code <prefix>Mark}, {@code <prefix>Findings}, {@code <prefix>PasswordButton} */
    public FileMarkView(CredentialFieldModel model, String idPrefix) {
        this.model = model;
        this.idPrefix = idPrefix;
        createView();
        model.markProperty().addListener((observable, before, after) -> refresh());
        model.findings().addListener((javafx.collections.ListChangeListener<Finding>) change -> refresh());
        model.stateProperty().addListener((observable, before, after) -> refresh());
        refresh();
    }

    /** Sets what "Show in the File checks tab" does: the window selects that tab, filtered to this field. */
    public void setOnShowInTab(Consumer<CredentialFieldModel.Kind> action) {
        showInTab = action;
    }

    /** Opens the pop-over with this file's findings. */
    public void showFindings() {
        if (model.findings().isEmpty() || getScene() == null) {
            return;
        }
        if (popOver != null) {
            popOver.hide();
        }
        popOver = new PopOver(findingsContent());
        popOver.setArrowLocation(PopOver.ArrowLocation.LEFT_TOP);
        popOver.setDetachable(false);
        int count = model.findings().size();
        popOver.setTitle(model.kind().label() + ": " + count + (count == 1 ? " finding" : " findings"));
        popOver.setHeaderAlwaysVisible(true);
        popOver.getRoot().getStylesheets().setAll(getScene().getStylesheets());
        popOver.show(findingsLink);
    }

    /** Returns the open pop-over, or null. */
    public PopOver popOver() {
        return popOver;
    }

    private void createView() {
        getStyleClass().add("file-mark");
        setHgap(6);
        setVgap(2);
        setAlignment(Pos.CENTER_LEFT);
        word.setId(idPrefix + "Mark");
        word.getStyleClass().add("mark-word");
        word.setMinWidth(Region.USE_PREF_SIZE);
        findingsLink.setId(idPrefix + "Findings");
        findingsLink.getStyleClass().add("findings-link");
        findingsLink.setOnAction(event -> showFindings());
        findingsLink.setTooltip(new Tooltip("Show the findings about this file, with their fixes"));
        passwordButton.setId(idPrefix + "PasswordButton");
        passwordButton.getStyleClass().add("small-button");
        passwordButton.setOnAction(event -> model.askPassword());
        passwordButton.visibleProperty().bind(model.passwordNeededProperty());
        passwordButton.managedProperty().bind(passwordButton.visibleProperty());
        getChildren().addAll(word, findingsLink, passwordButton);
    }

    private void refresh() {
        CheckStatus mark = model.mark();
        boolean checking = model.state() == CredentialFieldModel.State.CHECKING;
        String markText = "";
        if (checking) {
            markText = "CHECKING";
        } else if (mark != null) {
            markText = mark.name();
        }
        word.setText(markText);
        getStyleClass().removeIf(name -> name.startsWith("mark-") && !name.equals("mark-word"));
        if (mark != null) {
            getStyleClass().add("mark-" + mark.name().toLowerCase());
        }
        setVisible(checking || mark != null);
        setManaged(isVisible());

        List<Finding> findings = model.findings();
        findingsLink.setText(linkText(findings));
        findingsLink.setVisible(!findings.isEmpty());
        findingsLink.setManaged(!findings.isEmpty());
        if (popOver != null && popOver.isShowing() && findings.isEmpty()) {
            popOver.hide();
        }
    }

    /** Returns for example "KEY_PKCS1" or "3 findings: 1 error, 2 warnings". */
    static String linkText(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        if (findings.size() == 1) {
            return findings.get(0).code();
        }
        long errors = findings.stream().filter(finding -> finding.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(finding -> finding.severity() == Severity.WARNING).count();
        long notes = findings.size() - errors - warnings;
        StringBuilder text = new StringBuilder(findings.size() + " findings: ");
        String separator = "";
        if (errors > 0) {
            text.append(errors).append(errors == 1 ? " error" : " errors");
            separator = ", ";
        }
        if (warnings > 0) {
            text.append(separator).append(warnings).append(warnings == 1 ? " warning" : " warnings");
            separator = ", ";
        }
        if (notes > 0) {
            text.append(separator).append(notes).append(" info");
        }
        return text.toString();
    }

    private VBox findingsContent() {
        VBox cards = new VBox(6);
        cards.setId(idPrefix + "PopOver");
        for (Finding finding : model.findings()) {
            VBox card = FindingCards.card(finding, idPrefix + "Finding");
            card.setMaxWidth(POP_OVER_WIDTH);
            cards.getChildren().add(card);
        }
        Hyperlink inTab = new Hyperlink("Show in the File checks tab");
        inTab.setId(idPrefix + "ShowInTab");
        inTab.setOnAction(event -> {
            popOver.hide();
            showInTab.accept(model.kind());
        });
        cards.getChildren().add(inTab);
        cards.setPrefWidth(POP_OVER_WIDTH);
        cards.getStyleClass().add("findings-pop-over");
        return cards;
    }
}
