package io.mtlsstudio.scenario;

/** The verdict of one scenario row. */
public enum Verdict {
    /** The row ran and its actual outcome matches the expected one (green). */
    PASS("PASS"),
    /** The row ran and its actual outcome differs from the expected one (red). */
    FAIL("FAIL"),
    /** The row did not run, or was cancelled while running; the result's reason says why. */
    NOT_RUN("NOT RUN");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The text shown next to the colour, so that the verdict reads without it. */
    public String label() {
        return label;
    }
}
