package io.mtlsstudio.ui.replay;

import java.util.Locale;

/**
 * Measures the gaps between JavaFX pulses while a replay plays. The replay view feeds it the
 * timestamp of every animation frame; a long gap means the FX thread was busy and the
 * animation stuttered.
 */
public final class FramePacingProbe {

    /** Largest pulse gap, in milliseconds, that the animation aims to stay under. */
    public static final double TARGET_MAX_GAP_MILLIS = 50;

    private long lastNanos = -1;
    private long frames;
    private long gaps;
    private long totalGapNanos;
    private long maxGapNanos;
    private long gapsOverTarget;

    /** Frame statistics of one replay. */
    public record Report(long frames, double maxGapMillis, double meanGapMillis, long gapsOverTarget) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d frames, largest pulse gap %.1f ms, mean gap %.1f ms, "
                    + "%d gap(s) over %.0f ms", frames, maxGapMillis, meanGapMillis, gapsOverTarget, TARGET_MAX_GAP_MILLIS);
        }
    }

    /** Forgets earlier frames; the next frame starts a new measurement. */
    public void reset() {
        lastNanos = -1;
        frames = 0;
        gaps = 0;
        totalGapNanos = 0;
        maxGapNanos = 0;
        gapsOverTarget = 0;
    }

    /** Records a frame at {@code nanos}, the pulse time that JavaFX passes to an AnimationTimer. */
    public void frame(long nanos) {
        if (lastNanos >= 0) {
            long gap = nanos - lastNanos;
            gaps++;
            totalGapNanos += gap;
            maxGapNanos = Math.max(maxGapNanos, gap);
            if (gap > TARGET_MAX_GAP_MILLIS * 1_000_000) {
                gapsOverTarget++;
            }
        }
        lastNanos = nanos;
        frames++;
    }

    /** Ends the current run of frames, for example when the replay pauses, so that the pause is no gap. */
    public void pause() {
        lastNanos = -1;
    }

    public Report report() {
        return new Report(frames, maxGapNanos / 1e6, gaps == 0 ? 0 : totalGapNanos / 1e6 / gaps, gapsOverTarget);
    }
}
