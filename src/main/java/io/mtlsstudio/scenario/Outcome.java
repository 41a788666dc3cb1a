package io.mtlsstudio.scenario;

/** Whether a connection attempt ended with a healthy Health call, in the words of Cadence's table. */
public enum Outcome {
    SUCCESS("Success"),
    FAIL("Fail");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
