package io.mtlsstudio.handshake;

import java.util.Objects;

/**
 * One verification made inside a step, such as "chain to a trust anchor" or "host name".
 *
 * @param name    short standard name of the check
 * @param outcome whether it passed, failed, only warned, or was not made
 * @param message what was found, in plain words
 */
public record Check(String name, Outcome outcome, String message) {

    public enum Outcome { PASSED, FAILED, WARNING, SKIPPED }

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }

    public static Check passed(String name, String message) {
        return new Check(name, Outcome.PASSED, message);
    }

    public static Check failed(String name, String message) {
        return new Check(name, Outcome.FAILED, message);
    }

    public static Check warning(String name, String message) {
        return new Check(name, Outcome.WARNING, message);
    }

    public static Check skipped(String name, String message) {
        return new Check(name, Outcome.SKIPPED, message);
    }
}
