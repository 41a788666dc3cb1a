/**
 * The mutual TLS testing-scenario table and its runner.
 *
 * <p>{@link io.mtlsstudio.scenario.ScenarioTable} lists the rows: the four rows of Cadence's
 * mutual TLS testing table (server TLS off or on, client TLS off or on, with row 2 split into a
 * client with no TLS and a client with TLS but no client certificate), then the common faults.
 * Each {@link io.mtlsstudio.scenario.Scenario} states its server mode, client setup and
 * {@link io.mtlsstudio.scenario.Expectation}: the outcome, and for a failure the step and codes.
 *
 * <p>{@link io.mtlsstudio.scenario.ScenarioRunner#start} runs the rows described by
 * {@link io.mtlsstudio.scenario.ScenarioSettings}, either on embedded frontends that it starts on
 * free loopback ports and always stops, or against the user's servers. It returns a
 * {@link io.mtlsstudio.scenario.ScenarioRun} that can be cancelled at any moment, and sends
 * {@link io.mtlsstudio.scenario.ScenarioEvent}s (table started, row started, row finished, table
 * finished) to a {@link io.mtlsstudio.scenario.ScenarioListener} on its own threads, so a window
 * must move them to its UI thread.
 *
 * <p>Each {@link io.mtlsstudio.scenario.ScenarioResult} carries the verdict: PASS when the actual
 * outcome matches the expectation (for an expected failure, at the expected step with one of the
 * expected codes), FAIL when it does not, NOT_RUN with a reason otherwise. It also carries the
 * failure, the time taken and the complete {@link io.mtlsstudio.handshake.ProbeReport} for the
 * timeline. {@link io.mtlsstudio.scenario.ScenarioExport} writes a report as Markdown or CSV.
 *
 * <p>Broken client certificates (foreign CA, expired, serverAuth only) are issued in memory for
 * each run and never written to disk.
 */
package io.mtlsstudio.scenario;
