package io.mtlsstudio.scenario;

import io.mtlsstudio.pki.TestPki;
import io.mtlsstudio.testing.Credentials;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioCredentialsTest {

    private final Credentials pki = Credentials.shared();

    @Test
    void matchIssuingCaFindsTheKeysCertificate() {
        Credentials other = Credentials.fresh();

        TestPki.Issued issuing = ScenarioCredentials.matchIssuingCa(List.of(other.ca.certificate(), pki.ca.certificate()), pki.ca.key());

        assertEquals(pki.ca.certificate(), issuing.certificate());
        assertSame(pki.ca.key(), issuing.key());
    }

    @Test
    void matchIssuingCaRejectsKeyOfOtherCa() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ScenarioCredentials.matchIssuingCa(List.of(pki.ca.certificate()), Credentials.fresh().ca.key()));

        assertTrue(error.getMessage().startsWith("The CA key belongs to none of the 1 CA certificates given."), error.getMessage());
    }

    @Test
    void matchIssuingCaIgnoresLeafCertificates() {
        assertThrows(IllegalArgumentException.class,
                () -> ScenarioCredentials.matchIssuingCa(List.of(pki.client.certificate()), pki.client.key()));
    }

    @Test
    void certificateNeedsItsKey() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ScenarioCredentials.builder().clientCertificate(List.of(pki.client.certificate()), null).build());

        assertEquals("A client certificate needs its private key, and a key needs its certificate.", error.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ScenarioCredentials.builder().serverCertificate(List.of(), pki.frontend.key()).build());
    }

    @Test
    void toStringNamesSubjectsNotKeys() {
        ScenarioCredentials credentials = ScenarioCredentials.builder()
                .clientCertificate(List.of(pki.client.certificate()), pki.client.key())
                .serverCertificate(List.of(pki.frontend.certificate()), pki.frontend.key())
                .issuingCa(pki.ca)
                .build();

        String text = credentials.toString();

        assertTrue(text.contains("client=CN=test-client"), text);
        assertTrue(text.contains("server=CN=cadence-frontend"), text);
        assertTrue(text.contains("issuingCa=CN=Example Test Root CA"), text);
        assertFalse(text.contains(pki.client.key().toString()), text);
        assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("private"), text);
    }

    @Test
    void sampleLoadsBothSides() throws Exception {
        ScenarioCredentials sample = ScenarioCredentials.sample();

        assertTrue(sample.hasClientCertificate());
        assertTrue(sample.hasServerCertificate());
        assertEquals("CN=mTLS Studio Sample Root CA", sample.trustedCas().get(0).getSubjectX500Principal().getName());
        assertEquals(sample.trustedCas(), sample.clientCas());
        assertTrue(sample.hostnameVerification());
    }
}
