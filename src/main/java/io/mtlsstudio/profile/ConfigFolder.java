package io.mtlsstudio.profile;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The folder where mTLS Studio keeps the user's profiles and recent files: the platform's place
 * for per-user configuration, or the folder named by the system property {@value #OVERRIDE_PROPERTY}.
 */
public final class ConfigFolder {

    /** System property that replaces the platform's folder, for tests and portable installs. */
    public static final String OVERRIDE_PROPERTY = "mtlsstudio.config.dir";
    static final String APP_FOLDER = "mtls-studio";

    private ConfigFolder() {
    }

    /** Returns the folder for this user and platform; it may not exist yet. */
    public static Path resolve() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", ""),
                System.getProperty(OVERRIDE_PROPERTY));
    }

    /**
     * Returns the folder by these rules: the override when given; on Windows {@code %APPDATA%\mtls-studio};
     * on macOS {@code ~/Library/Application Support/mtls-studio}; elsewhere {@code $XDG_CONFIG_HOME/mtls-studio},
     * or {@code ~/.config/mtls-studio} when XDG_CONFIG_HOME is unset, empty or relative, as the XDG Base
     * Directory Specification requires.
     */
    static Path resolve(String osName, Map<String, String> environment, String home, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(home, "AppData", "Roaming");
            return base.resolve(APP_FOLDER);
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", APP_FOLDER);
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, APP_FOLDER);
        }
        return Path.of(home, ".config", APP_FOLDER);
    }
}
