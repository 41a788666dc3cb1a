/**
 * Cadence server configuration: layering, TLS blocks and their findings.
 *
 * <p>Entry points for the window and the command line:
 * <ul>
 *   <li>{@link io.mtlsstudio.cadence.config.CadenceConfigLoader#load(ConfigRequest)} loads a config folder or
 *       file as the server would ({@code base.yaml}, {@code <env>.yaml}, {@code <env>_<zone>.yaml}) and returns a
 *       {@link io.mtlsstudio.cadence.config.CadenceConfig}; a YAML syntax error is a
 *       {@link io.mtlsstudio.cadence.config.CadenceConfigException} with file, line and column.</li>
 *   <li>{@link io.mtlsstudio.cadence.config.CadenceConfig#tlsBlocks()} lists every TLS block with every key
 *       ({@link io.mtlsstudio.cadence.config.TlsSetting}: value, whether a layer wrote it, and where), and
 *       {@link io.mtlsstudio.cadence.config.CadenceConfig#findings()} the checks' results with stable
 *       {@link io.mtlsstudio.cadence.config.ConfigCode}s.</li>
 *   <li>{@link io.mtlsstudio.cadence.config.ConfigFrontend#from(CadenceConfig)} turns the frontend block into
 *       embedded frontend settings ("Start embedded frontend from this config").</li>
 *   <li>{@link io.mtlsstudio.cadence.config.ConfigSummary} prints all of it as text.</li>
 * </ul>
 * Loading reads files and verifies signatures, so call it off the FX thread.
 */
package io.mtlsstudio.cadence.config;
