package io.mtlsstudio.ui.run;

/** Kind of outcome that the result line reports. */
public enum ResultKind {
    IDLE, PREPARING, RUNNING, SUCCESS, FAILURE, CANCELLED, INPUT_ERROR;

    /** True while a connection is being prepared or probed. */
    public boolean isBusy() {
        return this == PREPARING || this == RUNNING;
    }
}
