package io.mtlsstudio.ui.run;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A window that lists a certificate chain leaf first, with the fields that decide whether a
 * TLS peer accepts each certificate: names, validity, role, key, key usage and extended key usage.
 */
public final class CertificateChainWindow {

    private static final Map<String, String> KEY_PURPOSES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "2.5.29.37.0", "anyExtendedKeyUsage");
    private static final String[] KEY_USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    private CertificateChainWindow() {
    }

    /** Opens the window; it takes the stylesheets of {@code owner}'s scene. */
    public static Stage show(Window owner, String title, List<X509Certificate> chain) {
        VBox certificates = new VBox(6);
        certificates.setId("chainView");
        certificates.getStyleClass().add("detail-content");
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            TitledPane pane = new TitledPane("[" + i + "] " + Certificates.subject(cert), fields(cert));
            pane.setId("chain-certificate-" + i);
            certificates.getChildren().add(pane);
        }
        ScrollPane scroll = new ScrollPane(certificates);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("step-detail");

        Scene scene = new Scene(scroll, 720, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().stream()
                    .filter(name -> name.startsWith("theme-")).toList());
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title + " (" + chain.size() + " certificate" + (chain.size() == 1 ? "" : "s") + ")");
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    static GridPane fields(X509Certificate cert) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Subject", Certificates.subject(cert)});
        rows.add(new String[] {"Issuer", Certificates.issuer(cert)});
        rows.add(new String[] {"Valid", Certificates.validity(cert)});
        rows.add(new String[] {"Role", role(cert)});
        rows.add(new String[] {"Key", key(cert.getPublicKey())});
        rows.add(new String[] {"Signature", cert.getSigAlgName()});
        rows.add(new String[] {"subjectAltName", subjectAltNames(cert)});
        rows.add(new String[] {"Key usage", keyUsage(cert)});
        rows.add(new String[] {"Extended key usage", extendedKeyUsage(cert)});
        rows.add(new String[] {"Serial", cert.getSerialNumber().toString(16)});
        rows.add(new String[] {"SHA-256", fingerprint(cert)});

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        for (int row = 0; row < rows.size(); row++) {
            Label key = new Label(rows.get(row)[0]);
            key.getStyleClass().add("certificate-key");
            key.setMinWidth(Label.USE_PREF_SIZE);
            Label value = new Label(rows.get(row)[1]);
            value.setWrapText(true);
            grid.add(key, 0, row);
            grid.add(value, 1, row);
        }
        return grid;
    }

    private static String role(X509Certificate cert) {
        int pathLength = cert.getBasicConstraints();
        if (pathLength < 0) {
            return "end entity (no CA:TRUE)";
        }
        String self = cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) ? ", self-issued" : "";
        return "CA" + (pathLength == Integer.MAX_VALUE ? "" : ", path length " + pathLength) + self;
    }

    private static String key(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        if (key instanceof ECKey ec) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve";
        }
        return key.getAlgorithm();
    }

    private static String subjectAltNames(X509Certificate cert) {
        try {
            var names = cert.getSubjectAlternativeNames();
            if (names == null || names.isEmpty()) {
                return "none";
            }
            List<String> shown = new ArrayList<>();
            for (List<?> name : names) {
                String prefix = switch ((Integer) name.get(0)) {
                    case 1 -> "email:";
                    case 2 -> "DNS:";
                    case 6 -> "URI:";
                    case 7 -> "IP:";
                    default -> "other:";
                };
                shown.add(prefix + name.get(1));
            }
            return String.join(", ", shown);
        } catch (CertificateParsingException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String keyUsage(X509Certificate cert) {
        boolean[] bits = cert.getKeyUsage();
        if (bits == null) {
            return "not restricted";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < bits.length && i < KEY_USAGES.length; i++) {
            if (bits[i]) {
                names.add(KEY_USAGES[i]);
            }
        }
        return String.join(", ", names);
    }

    private static String extendedKeyUsage(X509Certificate cert) {
        try {
            List<String> purposes = cert.getExtendedKeyUsage();
            if (purposes == null) {
                return "not restricted";
            }
            return String.join(", ", purposes.stream().map(oid -> KEY_PURPOSES.getOrDefault(oid, oid)).toList());
        } catch (CertificateParsingException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "unavailable: " + e.getMessage();
        }
    }
}
