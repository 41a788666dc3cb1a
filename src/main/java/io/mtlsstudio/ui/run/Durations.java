package io.mtlsstudio.ui.run;

import java.util.Locale;

/** Formats measured times for people: microseconds below 1 ms, milliseconds below 1 s, else seconds. */
public final class Durations {

    private Durations() {
    }

    public static String formatMicros(long micros) {
        if (micros < 0) {
            return "";
        }
        if (micros < 1_000) {
            return micros + " µs";
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }

    /** Formats an offset from the start of a run, for log lines: always milliseconds with three decimals. */
    public static String formatOffset(long micros) {
        return String.format(Locale.ROOT, "+%9.3f ms", micros / 1_000.0);
    }
}
