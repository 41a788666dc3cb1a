package io.mtlsstudio.handshake;

/** Lifecycle of one step during a probe run. */
public enum StepStatus {
    PENDING, RUNNING, PASSED, FAILED, SKIPPED;

    public boolean isFinal() {
        return this == PASSED || this == FAILED || this == SKIPPED;
    }
}
