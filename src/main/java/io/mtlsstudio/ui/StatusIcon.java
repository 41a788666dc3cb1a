package io.mtlsstudio.ui;

import javafx.scene.layout.Region;

import java.util.Locale;

/**
 * A small shape that marks a state. The shapes and colours live in the stylesheet, under the
 * style classes {@code icon-passed}, {@code icon-failed}, {@code icon-running},
 * {@code icon-pending}, {@code icon-skipped}, {@code icon-warning}, {@code icon-info} and
 * {@code icon-checking}; every use also shows the state as text, because colour alone is no signal.
 */
public final class StatusIcon extends Region {

    private static final String PREFIX = "icon-";

    public StatusIcon() {
        getStyleClass().add("status-icon");
        setFocusTraversable(false);
    }

    public StatusIcon(String kind) {
        this();
        show(kind);
    }

    /** Switches to the shape of {@code kind}, for example "passed" or a StepStatus name. */
    public void show(String kind) {
        if (kind == null || kind.isBlank()) {
            StyleClasses.replace(this, PREFIX);
        } else {
            StyleClasses.replace(this, PREFIX, PREFIX + kind.toLowerCase(Locale.ROOT));
        }
    }
}
