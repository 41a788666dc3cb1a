package io.mtlsstudio.scenario;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.testing.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the table against servers the test starts itself, as a user would with their own frontends. */
class ScenarioUserServersTest {

    private static final Credentials PKI = Credentials.shared();

    private static EmbeddedFrontend mutualTls;
    private static EmbeddedFrontend plaintext;
    private static EmbeddedFrontend tlsOnly;

    @BeforeAll
    static void startServers() throws IOException {
        var chain = List.of(PKI.frontend.certificate());
        mutualTls = EmbeddedFrontend.start(FrontendSettings.mutualTls(0, chain, PKI.frontend.key(), List.of(PKI.ca.certificate())));
        plaintext = EmbeddedFrontend.start(FrontendSettings.plaintext(0));
        tlsOnly = EmbeddedFrontend.start(FrontendSettings.tls(0, chain, PKI.frontend.key()));
    }

    @AfterAll
    static void stopServers() {
        mutualTls.close();
        plaintext.close();
        tlsOnly.close();
    }

    private static ScenarioCredentials.Builder clientCredentials() {
        return ScenarioCredentials.builder()
                .clientCertificate(List.of(PKI.client.certificate()), PKI.client.key())
                .trustedCas(List.of(PKI.ca.certificate()))
                .issuingCa(PKI.ca);
    }

    private static ScenarioReport run(Target secured, Target unsecured, Target tls, ScenarioCredentials credentials)
            throws InterruptedException {
        return ScenarioRunner.run(ScenarioSettings.userServers(new ScenarioServers.UserServers(secured, unsecured, tls), credentials)
                .build());
    }

    private static Target target(EmbeddedFrontend frontend) {
        return Target.parse(frontend.target());
    }

    @Test
    void correctServersRunGreen() throws InterruptedException {
        ScenarioReport report = run(target(mutualTls), target(plaintext), target(tlsOnly), clientCredentials().build());

        assertEquals(13, report.count(Verdict.PASS), () -> ScenarioEmbeddedTableTest.describe(report));
        assertEquals("user servers: secured " + mutualTls.target() + ", unsecured " + plaintext.target() + ", TLS-only "
                + tlsOnly.target(), report.servers());
        assertEquals(mutualTls.target(), result(report, "4").target());
        assertEquals(plaintext.target(), result(report, "1").target());
        assertEquals(tlsOnly.target(), result(report, "tls-only-with-cert").target());
    }

    @Test
    void plaintextSecuredServerTurnsRowsRed() throws InterruptedException {
        ScenarioReport report = run(target(plaintext), target(plaintext), target(tlsOnly), clientCredentials().build());

        ScenarioResult noTls = result(report, "2a");
        assertEquals(Verdict.FAIL, noTls.verdict());
        assertEquals(Outcome.SUCCESS, noTls.actual());
        assertEquals("Expected Fail at ACCESS_GRANTED (SERVER_EXPECTS_TLS or PEER_CLOSED or PEER_RESET), but the connection "
                + "succeeded and the Health call was answered.", noTls.reason());

        ScenarioResult noCertificate = result(report, "2b");
        assertEquals(Verdict.FAIL, noCertificate.verdict());
        assertEquals(Outcome.FAIL, noCertificate.actual());
        assertEquals(StepId.SERVER_CERTIFICATE, noCertificate.failedStep());
        assertEquals("SERVER_PLAINTEXT", noCertificate.failureCode());
        assertTrue(noCertificate.reason().endsWith("but the connection failed at SERVER_CERTIFICATE with SERVER_PLAINTEXT: "
                + "a different fault from the one this row tests."), noCertificate.reason());

        ScenarioResult mutual = result(report, "4");
        assertEquals(Verdict.FAIL, mutual.verdict());
        assertEquals("SERVER_PLAINTEXT", mutual.failureCode());

        assertEquals(Verdict.PASS, result(report, "1").verdict());
        assertEquals(Verdict.PASS, result(report, "3").verdict());
        assertFalse(report.allRunPassed());
    }

    @Test
    void securedServerWithoutClientAuthTurnsRowsRed() throws InterruptedException {
        ScenarioReport report = run(target(tlsOnly), target(plaintext), target(tlsOnly), clientCredentials().build());

        for (String id : List.of("2b", "foreign-ca", "expired-client", "no-client-auth-eku", "rejection-tls12", "rejection-tls13")) {
            ScenarioResult row = result(report, id);
            assertEquals(Verdict.FAIL, row.verdict(), id);
            assertEquals(Outcome.SUCCESS, row.actual(), id);
            assertTrue(row.reason().endsWith("but the connection succeeded and the Health call was answered."), id + ": " + row.reason());
        }
        for (String id : List.of("1", "2a", "3", "4", "name-mismatch", "tls-only-with-cert", "tls-only-without-cert")) {
            assertEquals(Verdict.PASS, result(report, id).verdict(), id + ": " + result(report, id).reason());
        }
    }

    @Test
    void unreachableSecuredServerIsNotTheExpectedFailure() throws Exception {
        Target closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = new Target("127.0.0.1", socket.getLocalPort());
        }
        ScenarioReport report = ScenarioRunner.run(ScenarioSettings.userServers(
                        new ScenarioServers.UserServers(closed, null, null), clientCredentials().build())
                .scenarios(List.of(ScenarioTable.byId("2b"))).build());

        ScenarioResult row = report.results().get(0);
        assertEquals(Verdict.FAIL, row.verdict());
        assertEquals(StepId.CONNECT, row.failedStep());
        assertEquals("CONNECTION_REFUSED", row.failureCode());
        assertEquals("Expected Fail at VERIFY_CLIENT (CLIENT_CERT_REQUIRED), but the connection failed at CONNECT with "
                + "CONNECTION_REFUSED: a different fault from the one this row tests.", row.reason());
    }

    @Test
    void missingServersAreNotRun() throws InterruptedException {
        ScenarioReport report = run(target(mutualTls), null, null, clientCredentials().build());

        for (String id : List.of("1", "3")) {
            ScenarioResult row = result(report, id);
            assertEquals(Verdict.NOT_RUN, row.verdict(), id);
            assertEquals("This row needs an unsecured server (TLS off), and none was given.", row.reason(), id);
            assertNull(row.report(), id);
            assertNull(row.actual(), id);
            assertEquals("Not run", row.describeActual(), id);
        }
        for (String id : List.of("tls-only-with-cert", "tls-only-without-cert")) {
            assertEquals("This row needs a TLS-only server (no client authentication), and none was given.",
                    result(report, id).reason(), id);
        }
        assertEquals(9, report.count(Verdict.PASS), () -> ScenarioEmbeddedTableTest.describe(report));
        assertEquals(4, report.count(Verdict.NOT_RUN));
        assertTrue(report.allRunPassed());
    }

    @Test
    void missingSecuredServerIsNamed() throws InterruptedException {
        ScenarioReport report = run(null, target(plaintext), null, clientCredentials().build());

        assertEquals("This row needs a secured server (mutual TLS), and none was given.", result(report, "4").reason());
        assertEquals(Verdict.PASS, result(report, "1").verdict());
        assertEquals(Verdict.PASS, result(report, "3").verdict());
    }

    @Test
    void missingCredentialsSkipRows() throws InterruptedException {
        ScenarioCredentials trustOnly = ScenarioCredentials.builder().trustedCas(List.of(PKI.ca.certificate())).build();
        ScenarioReport report = run(target(mutualTls), target(plaintext), target(tlsOnly), trustOnly);

        for (String id : List.of("3", "4", "name-mismatch", "tls-only-with-cert")) {
            assertEquals(Verdict.NOT_RUN, result(report, id).verdict(), id);
            assertEquals("This row needs a client certificate and its key, and none was given.", result(report, id).reason(), id);
        }
        for (String id : List.of("expired-client", "no-client-auth-eku")) {
            assertEquals(Verdict.NOT_RUN, result(report, id).verdict(), id);
            assertTrue(result(report, id).reason().contains("the private key of such a CA was not given"), id);
        }
        for (String id : List.of("1", "2a", "2b", "foreign-ca", "tls-only-without-cert", "rejection-tls12", "rejection-tls13")) {
            assertEquals(Verdict.PASS, result(report, id).verdict(), id + ": " + result(report, id).reason());
        }
    }

    @Test
    void hostnameVerificationOffSkipsNameRow() throws InterruptedException {
        ScenarioReport report = ScenarioRunner.run(ScenarioSettings.userServers(
                        new ScenarioServers.UserServers(target(mutualTls), null, null),
                        clientCredentials().hostnameVerification(false).build())
                .scenarios(List.of(ScenarioTable.byId("4"), ScenarioTable.byId("name-mismatch"))).build());

        assertEquals(Verdict.PASS, report.results().get(0).verdict());
        assertEquals(Verdict.NOT_RUN, report.results().get(1).verdict());
        assertEquals("This row tests the host name check, and host name verification is turned off.",
                report.results().get(1).reason());
    }

    @Test
    void groupsNarrowTheRows() throws InterruptedException {
        ScenarioReport report = ScenarioRunner.run(ScenarioSettings.userServers(
                        new ScenarioServers.UserServers(target(mutualTls), target(plaintext), null), clientCredentials().build())
                .groups(Set.of(ScenarioGroup.CADENCE_TABLE)).build());

        assertEquals(List.of("1", "2a", "2b", "3", "4"), report.results().stream().map(r -> r.scenario().id()).toList());
        assertEquals(5, report.count(Verdict.PASS));
    }

    private static ScenarioResult result(ScenarioReport report, String id) {
        return report.results().stream().filter(r -> r.scenario().id().equals(id)).findFirst().orElseThrow();
    }
}
