package io.mtlsstudio.scenario;

import io.mtlsstudio.handshake.FailureCode;
import io.mtlsstudio.handshake.StepId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioTableTest {

    @Test
    void cadenceTableSplitsRowTwo() {
        List<Scenario> rows = ScenarioTable.of(EnumSet.of(ScenarioGroup.CADENCE_TABLE));

        assertEquals(List.of("1", "2a", "2b", "3", "4"), rows.stream().map(Scenario::id).toList());
        assertEquals(List.of(Outcome.SUCCESS, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.SUCCESS),
                rows.stream().map(row -> row.expected().outcome()).toList());
        assertEquals(List.of(ServerMode.UNSECURED, ServerMode.MUTUAL_TLS, ServerMode.MUTUAL_TLS, ServerMode.UNSECURED,
                ServerMode.MUTUAL_TLS), rows.stream().map(Scenario::server).toList());
        assertEquals(List.of(ClientSetup.NO_TLS, ClientSetup.NO_TLS, ClientSetup.TLS_WITHOUT_CERTIFICATE,
                ClientSetup.CLIENT_CERTIFICATE, ClientSetup.CLIENT_CERTIFICATE), rows.stream().map(Scenario::client).toList());
    }

    @Test
    void commonFaultsFollowTheCadenceTable() {
        List<String> ids = ScenarioTable.all().stream().map(Scenario::id).toList();

        assertEquals(List.of("1", "2a", "2b", "3", "4", "foreign-ca", "expired-client", "name-mismatch", "no-client-auth-eku",
                "tls-only-with-cert", "tls-only-without-cert", "rejection-tls12", "rejection-tls13"), ids);
    }

    @Test
    void everyRowHasANote() {
        for (Scenario scenario : ScenarioTable.all()) {
            assertFalse(scenario.note().isBlank(), scenario.id());
        }
    }

    @Test
    void byIdFindsRowOrNamesKnownIds() {
        assertEquals(StepId.VERIFY_SERVER, ScenarioTable.byId("name-mismatch").expected().step());
        assertEquals(FailureCode.SERVER_NAME_MISMATCH, ScenarioTable.byId("name-mismatch").expected().primaryCode());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ScenarioTable.byId("5"));
        assertTrue(error.getMessage().startsWith("Unknown scenario \"5\". Known scenarios: 1, 2a, 2b"), error.getMessage());
    }

    @Test
    void clientModeNamesPinnedVersionAndServerName() {
        assertEquals("TLS without a client certificate, TLS 1.2 only", ScenarioTable.byId("rejection-tls12").clientMode());
        assertEquals("Secured (TLS with client certificate), server name wrong-name.invalid",
                ScenarioTable.byId("name-mismatch").clientMode());
    }

    @Test
    void scenarioPackageImportsNoJavafx() throws IOException {
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/mtlsstudio/scenario"))) {
            List<Path> files = sources.filter(path -> path.toString().endsWith(".java")).toList();

            assertFalse(files.isEmpty());
            for (Path file : files) {
                assertFalse(Files.readString(file).contains("javafx."), file + " refers to JavaFX");
            }
        }
    }
}
