package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.FailureCode;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.testing.Credentials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs both groups on real embedded frontends on loopback and checks every row's outcome. */
class ScenarioEmbeddedTableTest {

    /** What each row produces on the embedded frontends: the failed step and code, or null for success. */
    private record Actual(StepId step, FailureCode code) {
        static final Actual SUCCESS = new Actual(null, null);
    }

    private static final Map<String, Actual> ACTUAL = Map.ofEntries(
            Map.entry("1", Actual.SUCCESS),
            Map.entry("2a", new Actual(StepId.ACCESS_GRANTED, FailureCode.SERVER_EXPECTS_TLS)),
            Map.entry("2b", new Actual(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REQUIRED)),
            Map.entry("3", new Actual(StepId.SERVER_CERTIFICATE, FailureCode.SERVER_PLAINTEXT)),
            Map.entry("4", Actual.SUCCESS),
            Map.entry("foreign-ca", new Actual(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REQUIRED)),
            Map.entry("expired-client", new Actual(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REJECTED)),
            Map.entry("name-mismatch", new Actual(StepId.VERIFY_SERVER, FailureCode.SERVER_NAME_MISMATCH)),
            Map.entry("no-client-auth-eku", new Actual(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REJECTED)),
            Map.entry("tls-only-with-cert", Actual.SUCCESS),
            Map.entry("tls-only-without-cert", Actual.SUCCESS),
            Map.entry("rejection-tls12", new Actual(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REQUIRED)),
            Map.entry("rejection-tls13", new Actual(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REQUIRED)));

    private static ScenarioReport report;
    private static final List<ScenarioEvent> EVENTS = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void runTable() throws InterruptedException {
        Credentials pki = Credentials.shared();
        ScenarioCredentials credentials = ScenarioCredentials.builder()
                .clientCertificate(List.of(pki.client.certificate()), pki.client.key())
                .trustedCas(List.of(pki.ca.certificate()))
                .serverCertificate(List.of(pki.frontend.certificate()), pki.frontend.key())
                .clientCas(List.of(pki.ca.certificate()))
                .issuingCa(pki.ca)
                .build();
        report = ScenarioRunner.run(ScenarioSettings.embedded(credentials).build(), EVENTS::add);
    }

    @Test
    void tableRunsEveryRowGreen() {
        assertEquals(ScenarioTable.all(), report.results().stream().map(ScenarioResult::scenario).toList());
        assertEquals(13, report.count(Verdict.PASS), report::summary);
        assertTrue(report.allRunPassed());
        assertFalse(report.cancelled());
        assertEquals("", report.setupError());
        assertEquals("embedded frontends on 127.0.0.1", report.servers());
    }

    @Test
    void tableRowsHaveExpectedStepAndCode() {
        for (ScenarioResult result : report.results()) {
            String id = result.scenario().id();
            Actual expected = ACTUAL.get(id);
            assertEquals(Verdict.PASS, result.verdict(), id + ": " + result.reason());
            assertEquals(expected.step() == null ? Outcome.SUCCESS : Outcome.FAIL, result.actual(), id);
            assertEquals(expected.step(), result.failedStep(), id);
            assertEquals(expected.code() == null ? null : expected.code().name(), result.failureCode(), id);
            assertEquals("", result.reason(), id);
        }
    }

    @Test
    void tableRowsCarryProbeReports() {
        for (ScenarioResult result : report.results()) {
            String id = result.scenario().id();
            ProbeReport probe = result.report();
            assertNotNull(probe, id);
            assertEquals(result.target(), probe.target(), id);
            assertTrue(result.target().startsWith("127.0.0.1:"), id + " dialled " + result.target());
            assertTrue(result.elapsed().toNanos() > 0, id);
            assertEquals(result.actual() == Outcome.SUCCESS ? ProbeReport.Result.SUCCESS : ProbeReport.Result.FAILURE,
                    probe.result(), id);
            assertEquals(result.failedStep(), probe.failedStep(), id);
        }
    }

    @Test
    void rowsOfOneServerModeShareOneFrontend() {
        Set<String> mutualTls = new TreeSet<>();
        for (ScenarioResult result : report.results()) {
            if (result.scenario().server() == ServerMode.MUTUAL_TLS) {
                mutualTls.add(result.target());
            }
        }
        assertEquals(1, mutualTls.size(), mutualTls::toString);
        assertFalse(result("1").target().equals(result("4").target()));
        assertFalse(result("4").target().equals(result("tls-only-with-cert").target()));
    }

    @Test
    void plaintextRowsUseNoTls() {
        assertFalse(result("1").report().tls());
        assertFalse(result("2a").report().tls());
        assertTrue(result("3").report().tls());
        assertTrue(hasFinding(result("1"), "PLAINTEXT_CHANNEL"));
    }

    @Test
    void noClientCertificateRejectionsNameTheAlert() {
        assertTrue(result("2b").failureMessage().contains("certificate_required"), result("2b").failureMessage());
        assertTrue(result("rejection-tls13").failureMessage().contains("certificate_required"),
                result("rejection-tls13").failureMessage());
        assertTrue(result("rejection-tls12").failureMessage().contains("handshake_failure"),
                result("rejection-tls12").failureMessage());
    }

    @Test
    void versionRowsNegotiateTheirVersion() {
        assertEquals("TLSv1.3", result("rejection-tls13").report().negotiated().protocol());
        assertEquals("TLSv1.3", result("4").report().negotiated().protocol());
        ProbeReport tls12 = result("rejection-tls12").report();
        assertTrue(tls12.negotiated() == null || "TLSv1.2".equals(tls12.negotiated().protocol()),
                String.valueOf(tls12.negotiated()));
    }

    @Test
    void foreignCaCertificateIsNeverSent() {
        String message = result("foreign-ca").failureMessage();

        assertTrue(message.contains("CN=mTLS Studio Foreign Test CA"), message);
        assertTrue(message.contains("not among the CA names the server accepts"), message);
        assertEquals("", result("foreign-ca").serverVerdict());
    }

    @Test
    void brokenCertificatesShowEmbeddedVerdict() {
        assertTrue(result("expired-client").serverVerdict().startsWith("rejected: "), result("expired-client").serverVerdict());
        assertTrue(result("expired-client").serverVerdict().contains("validity check failed"),
                result("expired-client").serverVerdict());
        assertEquals("rejected: Extended key usage does not permit use for TLS client authentication",
                result("no-client-auth-eku").serverVerdict());
        assertTrue(result("no-client-auth-eku").failureMessage().contains("CN=server-auth-only-client"),
                result("no-client-auth-eku").failureMessage());
    }

    @Test
    void serverVerdictNeedsSentCertificate() {
        assertEquals("accepted: the client certificate chains to a configured CA", result("4").serverVerdict());
        assertEquals("", result("name-mismatch").serverVerdict());
        assertEquals("", result("tls-only-with-cert").serverVerdict());
        assertEquals("", result("2b").serverVerdict());
    }

    @Test
    void nameMismatchNamesTheCheckedName() {
        String message = result("name-mismatch").failureMessage();

        assertTrue(message.contains("\"" + ScenarioTable.MISMATCHED_SERVER_NAME + "\""), message);
        assertTrue(message.contains("DNS:cadence-frontend"), message);
    }

    @Test
    void tlsOnlyServerNeverAsksForCertificate() {
        assertTrue(hasFinding(result("tls-only-with-cert"), "CLIENT_CERT_NOT_REQUESTED"));
        assertTrue(hasFinding(result("tls-only-without-cert"), "CLIENT_CERT_NOT_REQUESTED"));
    }

    @Test
    void eventsReportEveryRowInOrder() {
        List<ScenarioEvent> events = List.copyOf(EVENTS);

        ScenarioEvent.TableStarted started = assertInstanceOf(ScenarioEvent.TableStarted.class, events.get(0));
        assertEquals(ScenarioTable.all(), started.scenarios());
        ScenarioEvent.TableFinished finished = assertInstanceOf(ScenarioEvent.TableFinished.class, events.get(events.size() - 1));
        assertEquals(report, finished.report());

        for (int index = 0; index < 13; index++) {
            int rowStarted = indexOf(events, ScenarioEvent.RowStarted.class, index);
            int rowFinished = indexOf(events, ScenarioEvent.RowFinished.class, index);
            assertTrue(rowStarted > 0, "row " + index + " never started");
            assertTrue(rowFinished > rowStarted, "row " + index + " finished before it started");
        }
        assertEquals(2 + 13 + 13, events.size());
    }

    @Test
    void frontendsStopAfterTheRun() {
        Set<String> targets = new TreeSet<>();
        report.results().forEach(result -> targets.add(result.target()));

        assertEquals(3, targets.size(), targets::toString);
        for (String target : targets) {
            int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
            assertThrows(ConnectException.class, () -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.getInputStream();
                }
            }, target + " still accepts connections");
        }
    }

    @Test
    void inMemoryCredentialsRunGreen() throws InterruptedException {
        ScenarioReport generated = ScenarioRunner.run(ScenarioSettings.embedded(ScenarioCredentials.none()).build());

        assertEquals(13, generated.count(Verdict.PASS), () -> describe(generated));
    }

    @Test
    void sampleCredentialsRunGreen() throws Exception {
        ScenarioReport sample = ScenarioRunner.run(ScenarioSettings.embedded(ScenarioCredentials.sample()).build());

        assertEquals(13, sample.count(Verdict.PASS), () -> describe(sample));
    }

    @Test
    void serverNameJoinsGeneratedFrontend() throws InterruptedException {
        ScenarioCredentials named = ScenarioCredentials.builder().serverName("frontend.example.test").build();
        ScenarioReport result = ScenarioRunner.run(ScenarioSettings.embedded(named)
                .scenarios(List.of(ScenarioTable.byId("4"), ScenarioTable.byId("name-mismatch"))).build());

        assertEquals(2, result.count(Verdict.PASS), () -> describe(result));
    }

    /** The other CA has the same name but another key, so the client sends its certificate and the server rejects it. */
    @Test
    void clientFromLookalikeCaTurnsRowFourRed() throws InterruptedException {
        Credentials other = Credentials.fresh();
        ScenarioCredentials untrustedClient = ScenarioCredentials.builder()
                .clientCertificate(List.of(other.client.certificate()), other.client.key())
                .trustedCas(List.of(Credentials.shared().ca.certificate()))
                .serverCertificate(List.of(Credentials.shared().frontend.certificate()), Credentials.shared().frontend.key())
                .build();
        ScenarioReport result = ScenarioRunner.run(ScenarioSettings.embedded(untrustedClient)
                .scenarios(List.of(ScenarioTable.byId("4"))).build());

        ScenarioResult row = result.results().get(0);
        assertEquals(Verdict.FAIL, row.verdict());
        assertEquals(StepId.VERIFY_CLIENT, row.failedStep());
        assertEquals("CLIENT_CERT_REJECTED", row.failureCode());
        assertEquals("Expected Success, but the connection failed at VERIFY_CLIENT with CLIENT_CERT_REJECTED.", row.reason());
        assertTrue(row.serverVerdict().startsWith("rejected: "), row.serverVerdict());
        assertFalse(result.allRunPassed());
    }

    private static ScenarioResult result(String id) {
        return report.results().stream().filter(r -> r.scenario().id().equals(id)).findFirst().orElseThrow();
    }

    private static boolean hasFinding(ScenarioResult result, String code) {
        return result.report().findings().stream().map(Finding::code).anyMatch(code::equals);
    }

    private static int indexOf(List<ScenarioEvent> events, Class<? extends ScenarioEvent> type, int row) {
        for (int i = 0; i < events.size(); i++) {
            ScenarioEvent event = events.get(i);
            if (event instanceof ScenarioEvent.RowStarted started && type == ScenarioEvent.RowStarted.class && started.index() == row) {
                return i;
            }
            if (event instanceof ScenarioEvent.RowFinished done && type == ScenarioEvent.RowFinished.class && done.index() == row) {
                return i;
            }
        }
        return -1;
    }

    static String describe(ScenarioReport report) {
        StringBuilder text = new StringBuilder(report.summary());
        for (ScenarioResult result : report.results()) {
            text.append('\n').append(result.scenario().id()).append(' ').append(result.verdict()).append(' ')
                    .append(result.describeActual()).append(' ').append(result.reason());
        }
        if (!report.setupError().isEmpty()) {
            text.append("\nset-up error: ").append(report.setupError());
        }
        return text.toString();
    }
}
