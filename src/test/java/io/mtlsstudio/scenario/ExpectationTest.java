package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.FailureCode;
import io.mtlsstudio.handshake.StepId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpectationTest {

    private final Expectation rejection = Expectation.failure(StepId.VERIFY_CLIENT, FailureCode.CLIENT_CERT_REQUIRED,
            FailureCode.CLIENT_CERT_REJECTED);

    @Test
    void successMatchesSuccess() {
        assertNull(Expectation.success().mismatch(Outcome.SUCCESS, null, null));
    }

    @Test
    void successRejectsFailure() {
        String mismatch = Expectation.success().mismatch(Outcome.FAIL, StepId.CONNECT, "CONNECTION_REFUSED");

        assertEquals("Expected Success, but the connection failed at CONNECT with CONNECTION_REFUSED.", mismatch);
    }

    @Test
    void failureMatchesAnyListedCodeAtItsStep() {
        assertNull(rejection.mismatch(Outcome.FAIL, StepId.VERIFY_CLIENT, "CLIENT_CERT_REQUIRED"));
        assertNull(rejection.mismatch(Outcome.FAIL, StepId.VERIFY_CLIENT, "CLIENT_CERT_REJECTED"));
    }

    @Test
    void failureRejectsSuccess() {
        String mismatch = rejection.mismatch(Outcome.SUCCESS, null, null);

        assertEquals("Expected Fail at VERIFY_CLIENT (CLIENT_CERT_REQUIRED or CLIENT_CERT_REJECTED), but the connection "
                + "succeeded and the Health call was answered.", mismatch);
    }

    @Test
    void failureRejectsOtherStep() {
        String mismatch = rejection.mismatch(Outcome.FAIL, StepId.CONNECT, "CONNECTION_REFUSED");

        assertTrue(mismatch.startsWith("Expected Fail at VERIFY_CLIENT"), mismatch);
        assertTrue(mismatch.contains("failed at CONNECT with CONNECTION_REFUSED"), mismatch);
        assertTrue(mismatch.endsWith("a different fault from the one this row tests."), mismatch);
    }

    @Test
    void failureRejectsOtherCodeAtSameStep() {
        String mismatch = rejection.mismatch(Outcome.FAIL, StepId.VERIFY_CLIENT, "CANCELLED");

        assertTrue(mismatch.contains("failed at VERIFY_CLIENT with CANCELLED"), mismatch);
    }

    @Test
    void describeNamesStepAndCodes() {
        assertEquals("Success", Expectation.success().describe());
        assertEquals("Fail at VERIFY_CLIENT (CLIENT_CERT_REQUIRED or CLIENT_CERT_REJECTED)", rejection.describe());
        assertEquals(FailureCode.CLIENT_CERT_REQUIRED, rejection.primaryCode());
    }

    @Test
    void constructorRejectsInconsistentExpectations() {
        assertThrows(IllegalArgumentException.class,
                () -> new Expectation(Outcome.SUCCESS, StepId.CONNECT, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Expectation(Outcome.FAIL, null, List.of(FailureCode.CONNECT_FAILED)));
        assertThrows(IllegalArgumentException.class,
                () -> new Expectation(Outcome.FAIL, StepId.CONNECT, List.of()));
    }
}
