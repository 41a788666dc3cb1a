package io.mtlsstudio.scenario;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a scenario run does.
 *
 * @param servers     where the rows run
 * @param credentials the certificates and keys to use
 * @param scenarios   the rows to run, in table order
 * @param timeout     limit for each row's connection attempt: connect, handshake and Health call
 * @param parallelism how many rows run at the same time, at least 1; the results keep table order
 */
public record ScenarioSettings(ScenarioServers servers, ScenarioCredentials credentials, List<Scenario> scenarios,
                               Duration timeout, int parallelism) {

    /** Per-row limit on embedded frontends, which respond within milliseconds. */
    public static final Duration EMBEDDED_TIMEOUT = Duration.ofSeconds(5);
    /** Per-row limit against the user's servers, the same as a single check. */
    public static final Duration USER_SERVER_TIMEOUT = Duration.ofSeconds(10);
    /** Rows in flight at once: enough to overlap the waits of one row with the work of another. */
    public static final int DEFAULT_PARALLELISM = 4;

    public ScenarioSettings {
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(credentials, "credentials");
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, not " + timeout + ".");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, not " + parallelism + ".");
        }
        if (scenarios.stream().map(Scenario::id).distinct().count() != scenarios.size()) {
            throw new IllegalArgumentException("Each scenario may appear only once in a run.");
        }
    }

    /** Both groups on embedded frontends, with the per-row timeout for embedded runs. */
    public static Builder embedded(ScenarioCredentials credentials) {
        return new Builder(ScenarioServers.embedded(), credentials, EMBEDDED_TIMEOUT);
    }

    /** Both groups against the user's servers, with the per-row timeout of a single check. */
    public static Builder userServers(ScenarioServers.UserServers servers, ScenarioCredentials credentials) {
        return new Builder(servers, credentials, USER_SERVER_TIMEOUT);
    }

    /** Fluent construction; both groups run unless {@link #groups} narrows them. */
    public static final class Builder {
        private final ScenarioServers servers;
        private final ScenarioCredentials credentials;
        private List<Scenario> scenarios = ScenarioTable.all();
        private Duration timeout;
        private int parallelism = DEFAULT_PARALLELISM;

        private Builder(ScenarioServers servers, ScenarioCredentials credentials, Duration timeout) {
            this.servers = servers;
            this.credentials = credentials;
            this.timeout = timeout;
        }

        /** Runs the rows of these groups only. */
        public Builder groups(Set<ScenarioGroup> groups) {
            scenarios = ScenarioTable.of(groups.isEmpty() ? EnumSet.noneOf(ScenarioGroup.class) : EnumSet.copyOf(groups));
            return this;
        }

        /** Runs exactly these rows, in this order. */
        public Builder scenarios(List<Scenario> rows) {
            scenarios = rows;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder parallelism(int value) {
            parallelism = value;
            return this;
        }

        public ScenarioSettings build() {
            return new ScenarioSettings(servers, credentials, scenarios, timeout, parallelism);
        }
    }
}
