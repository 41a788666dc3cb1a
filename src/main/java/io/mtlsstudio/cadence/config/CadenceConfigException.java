package io.mtlsstudio.cadence.config;

import java.io.IOException;

/**
 * A Cadence configuration that cannot be read at all: a YAML syntax error, with the file, line
 * and column, or a folder without any of the files the server would load.
 */
public class CadenceConfigException extends IOException {

    private final ConfigCode code;
    private final transient YamlLocation location;

    public CadenceConfigException(ConfigCode code, YamlLocation location, String message) {
        super(message);
        this.code = code;
        this.location = location;
    }

    public CadenceConfigException(ConfigCode code, YamlLocation location, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.location = location;
    }

    public ConfigCode code() {
        return code;
    }

    /** Returns the location of the problem, or null when it concerns no single position. */
    public YamlLocation location() {
        return location;
    }
}
