package io.mtlsstudio.ui.scenario;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeOptions;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.ui.run.TimelineModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rebuilt event streams against the live streams of real probe runs. */
class ReportEventsTest {

    @Test
    void rebuiltStreamDrawsSameTimeline() throws Exception {
        List<ProbeEvent> live = new CopyOnWriteArrayList<>();
        ProbeReport report = probeWithoutClientCertificate(live::add);

        TimelineModel fromLive = new TimelineModel();
        fromLive.applyAll(live);
        TimelineModel rebuilt = new TimelineModel();
        rebuilt.applyAll(ReportEvents.of(report));

        for (StepId step : StepId.values()) {
            assertEquals(fromLive.step(step).status(), rebuilt.step(step).status(), step.name());
            assertEquals(fromLive.step(step).durationMicros(), rebuilt.step(step).durationMicros(), step.name());
            assertEquals(fromLive.step(step).checks(), rebuilt.step(step).checks(), step.name());
            assertEquals(fromLive.step(step).evidence(), rebuilt.step(step).evidence(), step.name());
        }
        assertEquals(List.copyOf(fromLive.findings()), List.copyOf(rebuilt.findings()));
        assertEquals("CLIENT_CERT_REQUIRED", rebuilt.step(StepId.VERIFY_CLIENT).failure().code());
        assertSame(report, rebuilt.report());
    }

    @Test
    void rebuiltStreamIsInTimeOrder() throws Exception {
        ProbeReport report = probeWithoutClientCertificate(event -> { });

        List<ProbeEvent> events = ReportEvents.of(report);

        assertInstanceOf(ProbeEvent.RunStarted.class, events.get(0));
        assertInstanceOf(ProbeEvent.RunFinished.class, events.get(events.size() - 1));
        List<Long> times = new ArrayList<>(events.stream().map(ProbeEvent::atMicros).toList());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i - 1) <= times.get(i), "event " + i + " goes back in time: " + events.get(i));
        }
        long findings = events.stream().filter(ProbeEvent.FindingRecorded.class::isInstance).count();
        assertEquals(report.findings().size(), findings);
        assertEquals(report.records().size(), events.stream().filter(ProbeEvent.RecordObserved.class::isInstance).count());
        assertTrue(report.findings().stream().map(Finding::code).anyMatch("CLIENT_CERT_REQUIRED"::equals));
    }

    private static ProbeReport probeWithoutClientCertificate(java.util.function.Consumer<ProbeEvent> listener) throws Exception {
        SampleCredentials samples = SampleCredentials.locate();
        FrontendSettings settings = FrontendSettings.mutualTls(0, samples.loadFrontendChain(), samples.loadFrontendKey(),
                samples.loadCa());
        try (EmbeddedFrontend frontend = EmbeddedFrontend.start(settings)) {
            ProbeOptions options = ProbeOptions.builder(Target.parse(frontend.target()))
                    .trustedCas(samples.loadCa())
                    .timeout(Duration.ofSeconds(20))
                    .observe(frontend)
                    .build();
            return HandshakeProbe.run(options, listener::accept);
        }
    }
}
