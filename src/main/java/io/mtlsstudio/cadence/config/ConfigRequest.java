package io.mtlsstudio.cadence.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to load: a config folder (or one YAML file), the environment and zone the server would be
 * started with, and how to resolve relative paths.
 *
 * @param path             a config folder, such as a Cadence checkout's {@code config/}, or one YAML file
 * @param env              the server's {@code --env}; blank means {@code development}, as for the server
 * @param zone             the server's {@code --zone}, such as {@code tls}; blank for none
 * @param workingDirectory the server's working directory; null for the folder that contains the config folder
 * @param environment      variables for {@code ${VAR}} expansion; null turns expansion off
 * @param dialNames        extra host names or addresses clients dial to reach the frontend
 */
public record ConfigRequest(Path path, String env, String zone, Path workingDirectory,
                            Map<String, String> environment, List<String> dialNames) {

    public static final String DEFAULT_ENV = "development";

    public ConfigRequest {
        Objects.requireNonNull(path, "path");
        env = env == null || env.isBlank() ? DEFAULT_ENV : env.strip();
        zone = zone == null ? "" : zone.strip();
        environment = environment == null ? null : Map.copyOf(environment);
        dialNames = dialNames == null ? List.of() : List.copyOf(dialNames);
    }

    /** Loads {@code path} with env {@code development}, no zone, and the process environment. */
    public static ConfigRequest of(Path path) {
        return new ConfigRequest(path, DEFAULT_ENV, "", null, System.getenv(), List.of());
    }

    public ConfigRequest withEnv(String value) {
        return new ConfigRequest(path, value, zone, workingDirectory, environment, dialNames);
    }

    public ConfigRequest withZone(String value) {
        return new ConfigRequest(path, env, value, workingDirectory, environment, dialNames);
    }

    public ConfigRequest withWorkingDirectory(Path value) {
        return new ConfigRequest(path, env, zone, value, environment, dialNames);
    }

    public ConfigRequest withEnvironment(Map<String, String> value) {
        return new ConfigRequest(path, env, zone, workingDirectory, value, dialNames);
    }

    public ConfigRequest withDialNames(List<String> value) {
        return new ConfigRequest(path, env, zone, workingDirectory, environment, value);
    }
}
