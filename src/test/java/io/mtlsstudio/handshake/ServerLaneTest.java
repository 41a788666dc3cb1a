package io.mtlsstudio.handshake;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.testing.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the target is the embedded frontend, its side of the connection joins the report. */
class ServerLaneTest {

    private static final Credentials PKI = Credentials.shared();
    private static EmbeddedFrontend frontend;

    @BeforeAll
    static void start() throws IOException {
        frontend = EmbeddedFrontend.start(FrontendSettings.mutualTls(0, List.of(PKI.frontend.certificate()),
                PKI.frontend.key(), List.of(PKI.ca.certificate())));
    }

    @AfterAll
    static void stop() {
        frontend.close();
    }

    private static ProbeOptions.Builder observed() {
        return ProbeOptions.builder(Target.parse(frontend.target())).observe(frontend)
                .trustedCas(List.of(PKI.ca.certificate()));
    }

    private static List<ServerObservation.Kind> kinds(ProbeReport report) {
        return report.serverLane().stream().map(ServerObservation::kind).toList();
    }

    @Test
    void serverLaneShowsVerdictAndAccessOnSuccess() throws Exception {
        ProbeReport report = HandshakeProbe.run(observed().clientCertificate(List.of(PKI.client.certificate()), PKI.client.key()).build());

        assertEquals(ProbeReport.Result.SUCCESS, report.result());
        assertTrue(kinds(report).contains(ServerObservation.Kind.CLIENT_CERTIFICATE_ACCEPTED), kinds(report).toString());
        assertTrue(kinds(report).contains(ServerObservation.Kind.CONNECTION_READY), kinds(report).toString());
        assertTrue(kinds(report).contains(ServerObservation.Kind.CALL_COMPLETED), kinds(report).toString());
        ServerObservation verdict = report.serverLane().stream()
                .filter(o -> o.kind() == ServerObservation.Kind.CLIENT_CERTIFICATE_ACCEPTED).findFirst().orElseThrow();
        assertEquals(StepId.VERIFY_CLIENT, verdict.step());
        assertEquals(PKI.client.certificate(), verdict.clientChain().get(0));
        assertTrue(report.step(StepId.VERIFY_CLIENT).checks().stream()
                .anyMatch(c -> c.name().equals("Server verdict (embedded frontend)") && c.outcome() == Check.Outcome.PASSED));
    }

    @Test
    void serverLaneShowsEmptyChainFailureUnderTls13() throws Exception {
        ProbeReport report = HandshakeProbe.run(observed().tlsVersion(TlsVersion.TLS_1_3).build());

        assertEquals(StepId.VERIFY_CLIENT, report.failedStep());
        ServerObservation failed = report.serverLane().stream()
                .filter(o -> o.kind() == ServerObservation.Kind.HANDSHAKE_FAILED).findFirst()
                .orElseThrow(() -> new AssertionError(kinds(report).toString()));
        assertEquals(StepId.VERIFY_CLIENT, failed.step());
        assertTrue(failed.detail().contains("Empty client certificate chain"), failed.detail());
    }

    @Test
    void serverLaneRecordsServerSideTls12Messages() throws Exception {
        ProbeReport report = HandshakeProbe.run(observed().tlsVersion(TlsVersion.TLS_1_2)
                .clientCertificate(List.of(PKI.client.certificate()), PKI.client.key()).build());

        List<String> records = report.serverLane().stream().filter(o -> o.kind() == ServerObservation.Kind.RECORD)
                .map(ServerObservation::detail).toList();
        List<String> received = records.stream().filter(r -> r.startsWith("RECEIVED handshake TLS 1.2")).toList();
        List<String> sent = records.stream().filter(r -> r.startsWith("SENT handshake TLS 1.2")).toList();
        assertTrue(received.stream().anyMatch(r -> r.endsWith(": ClientHello")), records.toString());
        assertTrue(sent.stream().anyMatch(r -> r.endsWith("CertificateRequest, ServerHelloDone")), records.toString());
    }

    @Test
    void otherServersLeaveServerLaneEmpty() throws Exception {
        ProbeReport report = HandshakeProbe.run(ProbeOptions.builder(Target.parse(frontend.target()))
                .trustedCas(List.of(PKI.ca.certificate()))
                .clientCertificate(List.of(PKI.client.certificate()), PKI.client.key()).build());

        assertEquals(ProbeReport.Result.SUCCESS, report.result());
        assertEquals(List.of(), report.serverLane());
    }
}
