package io.mtlsstudio.ui.replay;

/** Playback speed of the replay, from a quarter of the teaching pace to instant. */
public enum ReplaySpeed {
    QUARTER(0.25, "0.25x"),
    HALF(0.5, "0.5x"),
    NORMAL(1, "1x"),
    DOUBLE(2, "2x"),
    QUADRUPLE(4, "4x"),
    INSTANT(Double.POSITIVE_INFINITY, "Instant");

    private final double factor;
    private final String label;

    ReplaySpeed(double factor, String label) {
        this.factor = factor;
        this.label = label;
    }

    /** Multiplier of the teaching pace; infinite for INSTANT. */
    public double factor() {
        return factor;
    }

    public String label() {
        return label;
    }

    public ReplaySpeed faster() {
        return this == INSTANT ? INSTANT : values()[ordinal() + 1];
    }

    public ReplaySpeed slower() {
        return this == QUARTER ? QUARTER : values()[ordinal() - 1];
    }

    @Override
    public String toString() {
        return label;
    }
}
