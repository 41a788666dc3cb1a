/**
 * Ready-to-paste exports of a connection and its server settings.
 *
 * <p>Build {@link io.mtlsstudio.cadence.export.ClientSettings} from the connection form (or
 * {@code ConnectionProfile.toClientSettings()}) and {@link io.mtlsstudio.cadence.export.ServerSettings}
 * from the frontend's files or a loaded block ({@link io.mtlsstudio.cadence.export.ServerSettings#of}), then
 * {@link io.mtlsstudio.cadence.export.Exporter#export} renders one
 * {@link io.mtlsstudio.cadence.export.ExportFormat} as an {@link io.mtlsstudio.cadence.export.Export}: its text
 * for a copy button, and {@link io.mtlsstudio.cadence.export.Export#saveTo} for a save action, which refuses
 * to overwrite unless told to. Rendering reads no file and is fast enough for the FX thread.
 */
package io.mtlsstudio.cadence.export;
