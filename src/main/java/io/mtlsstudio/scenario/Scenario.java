package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.TlsVersion;

import java.util.Objects;

/**
 * One row of the scenario table: a server mode, a client setup and what should happen.
 *
 * @param id          stable short identifier, for example {@code 2b} or {@code expired-client}
 * @param group       the group the row belongs to
 * @param title       one line that says what the row tests
 * @param server      how the server runs
 * @param client      which TLS settings and client certificate the client uses
 * @param tlsVersion  the TLS versions the client offers
 * @param serverName  a server name override that replaces the configured one, or null to keep it
 * @param expected    what a correct server and client produce
 * @param note        why the row expects what it expects, and where servers differ; may be empty
 */
public record Scenario(String id, ScenarioGroup group, String title, ServerMode server, ClientSetup client,
                       TlsVersion tlsVersion, String serverName, Expectation expected, String note) {

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(expected, "expected");
        tlsVersion = tlsVersion == null ? TlsVersion.AUTO : tlsVersion;
        note = note == null ? "" : note;
    }

    /** The label of the table's Client column: the client setup, plus a pinned TLS version or server name. */
    public String clientMode() {
        StringBuilder text = new StringBuilder(client.title());
        if (tlsVersion == TlsVersion.TLS_1_2) {
            text.append(", TLS 1.2 only");
        } else if (tlsVersion == TlsVersion.TLS_1_3) {
            text.append(", TLS 1.3 only");
        }
        if (serverName != null) {
            text.append(", server name ").append(serverName);
        }
        return text.toString();
    }
}
