package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.FailureCode;
import io.mtlsstudio.handshake.StepId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome a correct server and client produce for one scenario row.
 *
 * <p>An expected failure names the step where it must happen and the failure codes that
 * explain it; the first code is the one the embedded frontend produces, and the others are
 * codes that other correct servers may produce for the same fault. A failure at another step
 * or with another code does not match: a refused connection is not the rejection the row
 * tests.
 *
 * @param outcome SUCCESS or FAIL
 * @param step    the step where the expected failure happens; null for SUCCESS
 * @param codes   failure codes that match, most likely first; empty for SUCCESS
 */
public record Expectation(Outcome outcome, StepId step, List<FailureCode> codes) {

    public Expectation {
        Objects.requireNonNull(outcome, "outcome");
        codes = codes == null ? List.of() : List.copyOf(codes);
        if (outcome == Outcome.SUCCESS && (step != null || !codes.isEmpty())) {
            throw new IllegalArgumentException("An expected success has no failed step and no failure code.");
        }
        if (outcome == Outcome.FAIL && (step == null || codes.isEmpty())) {
            throw new IllegalArgumentException("An expected failure needs its step and at least one failure code.");
        }
    }

    public static Expectation success() {
        return new Expectation(Outcome.SUCCESS, null, List.of());
    }

    public static Expectation failure(StepId step, FailureCode code, FailureCode... alternatives) {
        List<FailureCode> all = new ArrayList<>();
        all.add(code);
        all.addAll(List.of(alternatives));
        return new Expectation(Outcome.FAIL, step, all);
    }

    /** Returns the failure code the embedded frontend produces, or null for SUCCESS. */
    public FailureCode primaryCode() {
        return codes.isEmpty() ? null : codes.get(0);
    }

    /** Returns "Success", or "Fail at STEP (CODE or CODE)". */
    public String describe() {
        if (outcome == Outcome.SUCCESS) {
            return outcome.label();
        }
        return outcome.label() + " at " + step + " (" + codes.stream().map(Enum::name).collect(Collectors.joining(" or ")) + ")";
    }

    /**
     * Compares an actual outcome with this expectation.
     *
     * @param actual     SUCCESS or FAIL
     * @param failedStep the step where the attempt failed, or null
     * @param code       the failure code, or null
     * @return null when they match, otherwise a sentence that names the difference
     */
    public String mismatch(Outcome actual, StepId failedStep, String code) {
        if (actual == Outcome.SUCCESS) {
            return outcome == Outcome.SUCCESS ? null
                    : "Expected " + describe() + ", but the connection succeeded and the Health call was answered.";
        }
        String failure = "the connection failed at " + failedStep + (code == null ? "" : " with " + code);
        if (outcome == Outcome.SUCCESS) {
            return "Expected Success, but " + failure + ".";
        }
        boolean sameCode = codes.stream().anyMatch(expected -> expected.name().equals(code));
        if (step == failedStep && sameCode) {
            return null;
        }
        return "Expected " + describe() + ", but " + failure + ": a different fault from the one this row tests.";
    }
}
