package io.mtlsstudio.handshake;

/** Receives probe events; called on probe threads, never on a UI thread. */
@FunctionalInterface
public interface ProbeListener {

    void onEvent(ProbeEvent event);

    ProbeListener NONE = event -> { };
}
