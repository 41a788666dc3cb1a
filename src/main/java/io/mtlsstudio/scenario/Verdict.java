package io.mtlsstudio.scenario;

/** The verdict of one scenario row. */
public enum Verdict {
    /** The row ran and its actual outcome matches the expected one (green). */
    PASS("PASS"),
    /** The row ran and its actual outcome differs from the expected one (red). */
    FAIL("FAIL"),
    /** The row did not run, or was cancelled while running; the result's reason gives the cause. */
    NOT_RUN("NOT RUN");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** Returns the text shown next to the colour, so that the verdict reads without it. */
    public String label() {
        return label;
    }
}
