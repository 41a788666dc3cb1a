package io.mtlsstudio.scenario;

/** The two groups of the scenario table, in the order they run and print. */
public enum ScenarioGroup {
    /** The four rows of Cadence's mutual TLS testing table, with row 2 split in two. */
    CADENCE_TABLE("Cadence mutual TLS testing table"),
    /** Faults people often hit: broken client certificates, a wrong server name, a server without client authentication. */
    COMMON_FAULTS("Common faults");

    private final String title;

    ScenarioGroup(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
