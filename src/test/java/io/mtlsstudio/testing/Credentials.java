package io.mtlsstudio.testing;

import io.mtlsstudio.pki.TestPki;
import org.bouncycastle.asn1.x509.KeyPurposeId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A good test PKI made in memory: a root CA, a frontend leaf and a client leaf. */
public final class Credentials {

    public final TestPki.Issued ca;
    public final TestPki.Issued frontend;
    public final TestPki.Issued client;

    private Credentials() {
        Instant now = Instant.now().minus(Duration.ofMinutes(1));
        Instant until = now.plus(Duration.ofDays(30));
        ca = TestPki.rootCa("Example Test Root CA", TestPki.KeyType.EC_P256, now, until);
        frontend = TestPki.leaf(ca, "cadence-frontend", TestPki.FRONTEND_NAMES, List.of(KeyPurposeId.id_kp_serverAuth),
                TestPki.KeyType.EC_P256, now, until);
        client = TestPki.leaf(ca, "test-client", List.of(), List.of(KeyPurposeId.id_kp_clientAuth),
                TestPki.KeyType.EC_P256, now, until);
    }

    private static final Credentials SHARED = new Credentials();

    /** One set per test JVM: issuing keys is the slowest part of a test. */
    public static Credentials shared() {
        return SHARED;
    }

    public static Credentials fresh() {
        return new Credentials();
    }
}
