package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.ui.RecordedRuns;
import io.mtlsstudio.ui.run.TimelineModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandshakeScriptTest {

    @Test
    void negotiatedTls13IsDrawnAsTls13() {
        DrawnProtocol.Choice choice = DrawnProtocol.choose(RecordedRuns.get(RecordedRuns.Kind.SUCCESS_TLS_1_3),
                TlsVersion.AUTO);

        assertEquals(DrawnProtocol.TLS_1_3, choice.protocol());
        assertEquals("TLS 1.3, negotiated", choice.note());
    }

    @Test
    void negotiatedTls12IsDrawnAsTls12() {
        DrawnProtocol.Choice choice = DrawnProtocol.choose(RecordedRuns.get(RecordedRuns.Kind.SUCCESS_TLS_1_2),
                TlsVersion.AUTO);

        assertEquals(DrawnProtocol.TLS_1_2, choice.protocol());
        assertEquals("TLS 1.2, negotiated", choice.note());
    }

    @Test
    void tls12RejectionIsInferredWithoutSession() {
        DrawnProtocol.Choice choice = DrawnProtocol.choose(
                RecordedRuns.get(RecordedRuns.Kind.NO_CLIENT_CERTIFICATE_TLS_1_2), TlsVersion.AUTO);

        assertEquals(DrawnProtocol.TLS_1_2, choice.protocol());
        assertTrue(choice.note().startsWith("TLS 1.2, inferred"), choice.note());
    }

    @Test
    void offeredVersionDecidesBeforeNegotiation() {
        List<ProbeEvent> started = RecordedRuns.get(RecordedRuns.Kind.SUCCESS_TLS_1_3).subList(0, 2);

        assertEquals(DrawnProtocol.TLS_1_2, DrawnProtocol.choose(started, TlsVersion.TLS_1_2).protocol());
        assertEquals(DrawnProtocol.TLS_1_3, DrawnProtocol.choose(started, TlsVersion.TLS_1_3).protocol());
        assertTrue(DrawnProtocol.choose(started, TlsVersion.AUTO).note().startsWith("Version not negotiated yet"));
    }

    @Test
    void plaintextRunIsDrawnWithoutHandshake() {
        DrawnProtocol.Choice choice = DrawnProtocol.choose(RecordedRuns.get(RecordedRuns.Kind.PLAINTEXT), TlsVersion.AUTO);

        assertEquals(DrawnProtocol.PLAINTEXT, choice.protocol());
    }

    @Test
    void tls13RejectionNamesCertificateRequiredAlert() {
        TimelineModel timeline = replayed(RecordedRuns.Kind.NO_CLIENT_CERTIFICATE_TLS_1_3);

        assertEquals("certificate_required", HandshakeScript.alert(timeline.step(StepId.VERIFY_CLIENT)));
        assertNull(HandshakeScript.alert(timeline.step(StepId.VERIFY_SERVER)));
    }

    @Test
    void tls12RejectionNamesHandshakeFailureAlert() {
        TimelineModel timeline = replayed(RecordedRuns.Kind.NO_CLIENT_CERTIFICATE_TLS_1_2);

        assertEquals("handshake_failure", HandshakeScript.alert(timeline.step(StepId.VERIFY_CLIENT)));
    }

    @Test
    void versionsDrawDifferentClientCertificateFlights() {
        String tls13 = HandshakeScript.messages(StepId.CLIENT_CERTIFICATE, DrawnProtocol.TLS_1_3);
        String tls12 = HandshakeScript.messages(StepId.CLIENT_CERTIFICATE, DrawnProtocol.TLS_1_2);

        assertTrue(tls13.contains("after the server's Finished"), tls13);
        assertTrue(tls12.contains("ClientKeyExchange"), tls12);
        assertFalse(tls13.contains("ClientKeyExchange"), tls13);
        assertTrue(HandshakeScript.messages(StepId.SERVER_CERTIFICATE, DrawnProtocol.TLS_1_2).contains("ServerHelloDone"));
    }

    @Test
    void failedStepNarrationSaysWhatWentWrong() {
        TimelineModel timeline = replayed(RecordedRuns.Kind.NO_CLIENT_CERTIFICATE_TLS_1_3);

        String narration = HandshakeScript.narration(timeline.step(StepId.VERIFY_CLIENT), DrawnProtocol.TLS_1_3,
                StepId.VERIFY_CLIENT);

        assertTrue(narration.contains("learns the verdict on its first read"), narration);
        assertTrue(narration.contains("\n\nWhat went wrong: The server requires a client certificate"), narration);
    }

    @Test
    void unreachedStepNarrationNamesFailedStep() {
        TimelineModel timeline = replayed(RecordedRuns.Kind.NO_CLIENT_CERTIFICATE_TLS_1_3);

        String narration = HandshakeScript.narration(timeline.step(StepId.ACCESS_GRANTED), DrawnProtocol.TLS_1_3,
                StepId.VERIFY_CLIENT);

        assertTrue(narration.endsWith("Not reached: the connection ended at verify client."), narration);
    }

    @Test
    void firstSentenceStopsAtFirstFullStop() {
        assertEquals("The server said no.", LaneArea.firstSentence("The server said no. Choose another file."));
        assertEquals("No full stop", LaneArea.firstSentence("No full stop"));
    }

    private static TimelineModel replayed(RecordedRuns.Kind kind) {
        TimelineModel timeline = new TimelineModel();
        timeline.applyAll(RecordedRuns.get(kind));
        return timeline;
    }
}
