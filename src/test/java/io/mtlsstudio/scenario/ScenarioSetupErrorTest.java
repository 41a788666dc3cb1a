package io.mtlsstudio.scenario;

import io.mtlsstudio.pki.TestPki;
import io.mtlsstudio.testing.Credentials;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ScenarioSetupErrorTest {

    @Test
    void mismatchedServerKeyStopsTheRun() throws InterruptedException {
        Credentials pki = Credentials.shared();
        Instant now = Instant.now();
        TestPki.Issued rsaFrontend = TestPki.leaf(pki.ca, "cadence-frontend", TestPki.FRONTEND_NAMES,
                List.of(KeyPurposeId.id_kp_serverAuth), TestPki.KeyType.RSA_2048, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(1)));
        ScenarioCredentials mismatched = ScenarioCredentials.builder()
                .serverCertificate(List.of(rsaFrontend.certificate()), pki.frontend.key())
                .build();
        List<ScenarioEvent> events = Collections.synchronizedList(new ArrayList<>());

        ScenarioReport report = ScenarioRunner.run(ScenarioSettings.embedded(mismatched).build(), events::add);

        String expected = "The private key given for the embedded frontends does not belong to their certificate "
                + "CN=cadence-frontend. Give the key of that certificate, or leave both out to have a frontend certificate "
                + "issued in memory.";
        assertEquals(expected, report.setupError());
        assertFalse(report.allRunPassed());
        assertEquals(13, report.count(Verdict.NOT_RUN));
        for (ScenarioResult result : report.results()) {
            assertEquals("Not run: " + expected, result.reason(), result.scenario().id());
        }
        assertInstanceOf(ScenarioEvent.TableFinished.class, events.get(events.size() - 1));
        assertEquals(0, events.stream().filter(ScenarioEvent.RowStarted.class::isInstance).count());
    }
}
