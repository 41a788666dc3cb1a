package io.mtlsstudio.ui;

import javafx.scene.Node;

import java.util.List;

/**
 * Sets style classes that come in families, such as {@code state-passed} and
 * {@code state-failed}. A change to a node's style classes makes JavaFX apply CSS to the
 * whole subtree again, so these methods leave the list alone when it already matches. The
 * replay redraws rows many times a second.
 */
public final class StyleClasses {

    private StyleClasses() {
    }

    /** Makes {@code styleClasses} the only classes of {@code node} that start with {@code prefix}. */
    public static void replace(Node node, String prefix, String... styleClasses) {
        List<String> wanted = List.of(styleClasses);
        List<String> current = node.getStyleClass().stream().filter(name -> name.startsWith(prefix)).toList();
        if (current.size() == wanted.size() && current.containsAll(wanted)) {
            return;
        }
        node.getStyleClass().removeIf(name -> name.startsWith(prefix));
        node.getStyleClass().addAll(wanted);
    }
}
