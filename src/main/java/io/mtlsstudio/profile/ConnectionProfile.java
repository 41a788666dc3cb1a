package io.mtlsstudio.profile;

import io.mtlsstudio.cadence.export.ClientSettings;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.handshake.TlsVersion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A saved connection: where to connect and with which files and TLS options. It has no field for
 * a password, so none is ever saved; an encrypted key's password is asked for on each connect.
 *
 * @param name                 the name shown in the profile picker, unique in the store
 * @param target               frontend {@code host:port}
 * @param serverName           name to send as SNI and to check the certificate against; null for the target host
 * @param tls                  false for a plaintext connection
 * @param clientCertificate    client certificate file; null for none
 * @param clientKey            its private key file; null for none
 * @param caFiles              CA files to trust; empty for the JDK's default trust store
 * @param tlsVersion           TLS versions to offer
 * @param hostnameVerification whether the certificate must match the server name
 * @param timeout              limit for one connection attempt
 * @param caller               the {@code rpc-caller} value
 */
public record ConnectionProfile(String name, String target, String serverName, boolean tls, Path clientCertificate,
                                Path clientKey, List<Path> caFiles, TlsVersion tlsVersion, boolean hostnameVerification,
                                Duration timeout, String caller) {

    public static final int MAX_NAME_LENGTH = 100;

    public ConnectionProfile {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A profile name must have 1 to " + MAX_NAME_LENGTH + " characters, not \"" + name + "\".");
        }
        Objects.requireNonNull(target, "target");
        Target.parse(target);
        serverName = serverName == null || serverName.isBlank() ? null : serverName.strip();
        caFiles = caFiles == null ? List.of() : List.copyOf(caFiles);
        tlsVersion = tlsVersion == null ? TlsVersion.AUTO : tlsVersion;
        timeout = timeout == null ? ProbeOptions.DEFAULT_TIMEOUT : timeout;
        caller = caller == null || caller.isBlank() ? null : caller.strip();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout of profile \"" + name + "\" must be positive, not " + timeout + ".");
        }
    }

    /** Returns a profile for {@code target} with the connection form's defaults: TLS, host name verification, 10 s. */
    public static ConnectionProfile of(String name, String target) {
        return new ConnectionProfile(name, target, null, true, null, null, List.of(), TlsVersion.AUTO, true,
                ProbeOptions.DEFAULT_TIMEOUT, null);
    }

    public ConnectionProfile withName(String value) {
        return new ConnectionProfile(value, target, serverName, tls, clientCertificate, clientKey, caFiles, tlsVersion,
                hostnameVerification, timeout, caller);
    }

    public ConnectionProfile withClientCertificate(Path certificate, Path key) {
        return new ConnectionProfile(name, target, serverName, tls, certificate, key, caFiles, tlsVersion, hostnameVerification,
                timeout, caller);
    }

    public ConnectionProfile withCaFiles(List<Path> files) {
        return new ConnectionProfile(name, target, serverName, tls, clientCertificate, clientKey, files, tlsVersion,
                hostnameVerification, timeout, caller);
    }

    /** Returns the export settings of this connection, for the export tab. */
    public ClientSettings toClientSettings() {
        ClientSettings.Builder builder = ClientSettings.builder(Target.parse(target))
                .serverName(serverName)
                .tls(tls)
                .caFiles(caFiles)
                .tlsVersion(tlsVersion)
                .hostnameVerification(hostnameVerification)
                .caller(caller)
                .timeout(timeout);
        if (clientCertificate != null && clientKey != null) {
            builder.clientCertificate(clientCertificate, clientKey);
        }
        return builder.build();
    }
}
