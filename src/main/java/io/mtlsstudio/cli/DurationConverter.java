package io.mtlsstudio.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations such as {@code 10s}, {@code 500ms}, {@code 2m}, {@code 10} (seconds) or {@code PT10S}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Duration duration;
        if (text.startsWith("pt")) {
            try {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw invalid(value);
            }
        } else {
            Matcher matcher = SIMPLE.matcher(text);
            if (!matcher.matches()) {
                throw invalid(value);
            }
            double amount = Double.parseDouble(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "m" -> amount * 60_000;
                default -> amount * 1_000;
            };
            duration = Duration.ofMillis(Math.round(millis));
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new CommandLine.TypeConversionException("The duration \"" + value + "\" must be positive.");
        }
        return duration;
    }

    private static CommandLine.TypeConversionException invalid(String value) {
        return new CommandLine.TypeConversionException("Invalid duration \"" + value
                + "\". Use a number with a unit: 500ms, 10s or 2m (a bare number means seconds).");
    }
}
