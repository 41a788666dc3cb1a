package io.mtlsstudio;

import io.mtlsstudio.cli.MtlsStudioCommand;

/**
 * Entry point of {@code mtls-studio.jar}: with no arguments it opens the window, with a
 * subcommand it runs headless. This class must not extend {@code Application}, so that the
 * JavaFX runtime loads from the class path of a plain jar; the window class is looked up by
 * name so that headless runs never load JavaFX.
 */
public final class Main {

    static final String WINDOW_CLASS = "io.mtlsstudio.ui.MtlsStudioApp";

    private Main() {
    }

    public static void main(String[] args) {
        routeJavaUtilLogging();
        if (args.length == 0) {
            openWindow(args);
            return;
        }
        int status = MtlsStudioCommand.commandLine().execute(args);
        System.exit(status);
    }

    /** Sends gRPC's and Netty's java.util.logging records through SLF4J, so one configuration governs all logs. */
    static void routeJavaUtilLogging() {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    private static void openWindow(String[] args) {
        try {
            Class<?> window = Class.forName(WINDOW_CLASS);
            javafx.application.Application.launch(window.asSubclass(javafx.application.Application.class), args);
        } catch (ClassNotFoundException e) {
            System.err.println("error: this build has no window; run with --help for the headless commands.");
            System.exit(MtlsStudioCommand.EXIT_USAGE);
        }
    }
}
