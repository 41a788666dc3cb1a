package io.mtlsstudio;

/**
 * Entry point of {@code mtls-studio.jar}: with no arguments it opens the window, with a
 * subcommand it runs headless. This class must not extend {@code Application}, so that the
 * JavaFX runtime loads from the class path of a plain jar.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("mTLS Studio: window and command line are being assembled");
    }
}
