package io.mtlsstudio.ui;

/** Colour theme of the window; each names the stylesheet that defines the colour variables. */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public String stylesheet() {
        return stylesheet;
    }

    /** Returns the style class set on the root node, which presenter mode uses for its high-contrast colours. */
    public String styleClass() {
        return "theme-" + name().toLowerCase();
    }
}
