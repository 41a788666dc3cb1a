package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.FailureCode;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.TlsVersion;

import java.util.List;
import java.util.Set;

/**
 * The rows mTLS Studio runs, in table order. The expectations describe a correct server: the
 * embedded frontend, and a Cadence frontend (Go, crypto/tls) configured with the same TLS block.
 */
public final class ScenarioTable {

    /** The name the server-name row checks the server certificate against; the .invalid TLD never resolves. */
    public static final String MISMATCHED_SERVER_NAME = "wrong-name.invalid";

    private static final List<Scenario> ALL = List.of(
            new Scenario("1", ScenarioGroup.CADENCE_TABLE, "Unsecured server, unsecured client",
                    ServerMode.UNSECURED, ClientSetup.NO_TLS, TlsVersion.AUTO, null, Expectation.success(),
                    "Cadence's development setup. It works, but anyone on the network path can read the traffic."),
            new Scenario("2a", ScenarioGroup.CADENCE_TABLE, "Secured server, client with no TLS at all",
                    ServerMode.MUTUAL_TLS, ClientSetup.NO_TLS, TlsVersion.AUTO, null,
                    Expectation.failure(StepId.ACCESS_GRANTED, FailureCode.SERVER_EXPECTS_TLS,
                            FailureCode.PEER_CLOSED, FailureCode.PEER_RESET),
                    "The server reads the cleartext HTTP/2 preface as a broken TLS record and closes the connection. "
                            + "The probe then sends a ClientHello on a second connection to show that the server speaks TLS; "
                            + "when that second connection also fails, the code is PEER_CLOSED or PEER_RESET."),
            new Scenario("2b", ScenarioGroup.CADENCE_TABLE, "Secured server, client with TLS but no client certificate",
                    ServerMode.MUTUAL_TLS, ClientSetup.TLS_WITHOUT_CERTIFICATE, TlsVersion.AUTO, null,
                    Expectation.failure(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REQUIRED),
                    "The server sends a CertificateRequest, the client answers with an empty Certificate message, "
                            + "and the server ends the handshake with an alert (certificate_required under TLS 1.3)."),
            new Scenario("3", ScenarioGroup.CADENCE_TABLE, "Unsecured server, secured client",
                    ServerMode.UNSECURED, ClientSetup.CLIENT_CERTIFICATE, TlsVersion.AUTO, null,
                    Expectation.failure(StepId.SERVER_CERTIFICATE, FailureCode.SERVER_PLAINTEXT,
                            FailureCode.PEER_CLOSED, FailureCode.PEER_RESET),
                    "A plaintext gRPC server answers the ClientHello with its HTTP/2 SETTINGS frame, or closes the connection, "
                            + "so no server certificate ever arrives."),
            new Scenario("4", ScenarioGroup.CADENCE_TABLE, "Secured server, secured client (mutual TLS)",
                    ServerMode.MUTUAL_TLS, ClientSetup.CLIENT_CERTIFICATE, TlsVersion.AUTO, null, Expectation.success(),
                    "Both sides verify each other and the Health call goes through the encrypted channel."),

            new Scenario("foreign-ca", ScenarioGroup.COMMON_FAULTS, "Client certificate from a CA the server does not trust",
                    ServerMode.MUTUAL_TLS, ClientSetup.FOREIGN_CA_CERTIFICATE, TlsVersion.AUTO, null,
                    Expectation.failure(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REQUIRED, FailureCode.CLIENT_CERT_REJECTED),
                    "The server's CertificateRequest lists the CAs it accepts. The JDK and Go clients send no certificate "
                            + "whose issuer is missing from that list, so the server sees none (CLIENT_CERT_REQUIRED). "
                            + "A server that lists no CA names receives the certificate and rejects it with unknown_ca "
                            + "or bad_certificate (CLIENT_CERT_REJECTED)."),
            new Scenario("expired-client", ScenarioGroup.COMMON_FAULTS, "Expired client certificate",
                    ServerMode.MUTUAL_TLS, ClientSetup.EXPIRED_CERTIFICATE, TlsVersion.AUTO, null,
                    Expectation.failure(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REJECTED),
                    "The certificate chains to a CA the server trusts, but its notAfter is in the past. Clients send it anyway, "
                            + "and the server's chain validation rejects it. The embedded frontend's JDK trust manager answers with "
                            + "the alert certificate_unknown, which names no reason; the row's server verdict shows the trust "
                            + "manager's own message (validity check failed)."),
            new Scenario("name-mismatch", ScenarioGroup.COMMON_FAULTS, "Server name that matches no subjectAltName",
                    ServerMode.MUTUAL_TLS, ClientSetup.CLIENT_CERTIFICATE, TlsVersion.AUTO, MISMATCHED_SERVER_NAME,
                    Expectation.failure(StepId.VERIFY_SERVER, FailureCode.SERVER_NAME_MISMATCH),
                    "The client checks the server certificate against " + MISMATCHED_SERVER_NAME + ", which none of its "
                            + "subjectAltName entries contains. The check is the client's, so every server fails this row "
                            + "the same way."),
            new Scenario("no-client-auth-eku", ScenarioGroup.COMMON_FAULTS, "Client certificate without the clientAuth extended key usage",
                    ServerMode.MUTUAL_TLS, ClientSetup.SERVER_AUTH_ONLY_CERTIFICATE, TlsVersion.AUTO, null,
                    Expectation.failure(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REJECTED),
                    "The certificate's extended key usage is serverAuth only. On the server side the JDK's PKIX trust manager, "
                            + "which the embedded frontend uses, requires clientAuth when the extension is present and answers "
                            + "with certificate_unknown. A Go server, as in Cadence, verifies client chains with "
                            + "ExtKeyUsageClientAuth and rejects the certificate as well."),
            new Scenario("tls-only-with-cert", ScenarioGroup.COMMON_FAULTS, "TLS-only server, client with a client certificate",
                    ServerMode.TLS_ONLY, ClientSetup.CLIENT_CERTIFICATE, TlsVersion.AUTO, null, Expectation.success(),
                    "The server never sends a CertificateRequest, so the client certificate is never sent and the connection "
                            + "succeeds (finding CLIENT_CERT_NOT_REQUESTED). The row is green, but this is TLS, not mutual TLS."),
            new Scenario("tls-only-without-cert", ScenarioGroup.COMMON_FAULTS, "TLS-only server, client without a client certificate",
                    ServerMode.TLS_ONLY, ClientSetup.TLS_WITHOUT_CERTIFICATE, TlsVersion.AUTO, null, Expectation.success(),
                    "Any client that trusts the server's CA gets in: compare with row 2b, which a server with "
                            + "requireClientAuth: true rejects."),
            new Scenario("rejection-tls12", ScenarioGroup.COMMON_FAULTS, "No client certificate, rejected under TLS 1.2",
                    ServerMode.MUTUAL_TLS, ClientSetup.TLS_WITHOUT_CERTIFICATE, TlsVersion.TLS_1_2, null,
                    Expectation.failure(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REQUIRED),
                    "Under TLS 1.2 the server sends its alert before its Finished message, so the handshake itself fails."),
            new Scenario("rejection-tls13", ScenarioGroup.COMMON_FAULTS, "No client certificate, rejected under TLS 1.3",
                    ServerMode.MUTUAL_TLS, ClientSetup.TLS_WITHOUT_CERTIFICATE, TlsVersion.TLS_1_3, null,
                    Expectation.failure(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REQUIRED),
                    "Under TLS 1.3 the client finishes its side of the handshake before the server judges the certificate; "
                            + "the server's certificate_required alert arrives on the first read, and belongs to VERIFY_CLIENT."));

    private ScenarioTable() {
    }

    /** Returns every row of both groups, in table order. */
    public static List<Scenario> all() {
        return ALL;
    }

    /** Returns the rows of the given groups, in table order. */
    public static List<Scenario> of(Set<ScenarioGroup> groups) {
        return ALL.stream().filter(scenario -> groups.contains(scenario.group())).toList();
    }

    /** Returns the row with this id, or throws IllegalArgumentException naming the known ids. */
    public static Scenario byId(String id) {
        return ALL.stream().filter(scenario -> scenario.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scenario \"" + id + "\". Known scenarios: "
                        + String.join(", ", ALL.stream().map(Scenario::id).toList()) + "."));
    }
}
