package io.mtlsstudio.ui.scenario;

import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.scenario.ScenarioExport;
import io.mtlsstudio.scenario.ScenarioReport;
import io.mtlsstudio.scenario.ScenarioResult;
import io.mtlsstudio.scenario.ScenarioTable;
import io.mtlsstudio.scenario.Verdict;
import io.mtlsstudio.ui.TestUiThread;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Scenarios tab's model against real embedded frontends and loopback sockets, without a JavaFX toolkit. */
class ScenarioViewModelTest {

    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);

    private final TestUiThread ui = new TestUiThread();
    private final List<ScenarioRow> opened = new CopyOnWriteArrayList<>();
    private final AtomicBoolean timelineFree = new AtomicBoolean(true);
    private ConnectionViewModel connection;
    private ScenarioViewModel scenarios;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (scenarios != null) {
            ui.run(scenarios::close);
        }
        ui.close();
    }

    @Test
    void embeddedRunWithFormFilesIsAllGreen() throws Exception {
        create();
        useSamples();

        ui.run(scenarios::run);
        awaitEnd();

        List<ScenarioResult> results = ui.call(() -> scenarios.rows().stream().map(ScenarioRow::result).toList());
        assertEquals(ScenarioTable.all().size(), results.size());
        for (ScenarioResult result : results) {
            assertEquals(Verdict.PASS, result.verdict(), () -> result.scenario().id() + ": " + result.reason());
        }
        ScenarioReport report = ui.call(scenarios::reportProperty).get();
        assertEquals(report.summary(), ui.call(() -> scenarios.statusProperty().get()));
        assertEquals("", ui.call(() -> scenarios.problemProperty().get()));
        assertEquals(1.0, ui.call(() -> scenarios.progressProperty().get()));
    }

    @Test
    void cadenceTableOnlyRunsFiveRows() throws Exception {
        create();
        useSamples();
        ui.run(() -> {
            scenarios.commonFaultsProperty().set(false);
            scenarios.credentialsProperty().set(ScenarioViewModel.CredentialChoice.SAMPLES);
        });

        ui.run(scenarios::run);
        awaitEnd();

        assertEquals(List.of("1", "2a", "2b", "3", "4"), ui.call(() -> scenarios.rows().stream()
                .map(row -> row.scenario().id()).toList()));
        assertTrue(ui.call(() -> scenarios.rows().stream().allMatch(row -> row.result().verdict() == Verdict.PASS)));
    }

    @Test
    void userServersNeedOneTarget() throws Exception {
        create();
        ui.run(() -> scenarios.serversProperty().set(ScenarioViewModel.Servers.USER_SERVERS));

        ui.run(scenarios::run);

        assertFalse(ui.call(scenarios::isRunning));
        assertTrue(ui.call(() -> scenarios.problemProperty().get()).startsWith("Enter at least one server as host:port"),
                ui.call(() -> scenarios.problemProperty().get()));
    }

    @Test
    void invalidTargetIsNamed() throws Exception {
        create();
        ui.run(() -> {
            scenarios.serversProperty().set(ScenarioViewModel.Servers.USER_SERVERS);
            scenarios.securedProperty().set("127.0.0.1:99999");
        });

        ui.run(scenarios::run);

        assertFalse(ui.call(scenarios::isRunning));
        assertTrue(ui.call(() -> scenarios.problemProperty().get()).startsWith("Secured server: "),
                ui.call(() -> scenarios.problemProperty().get()));
    }

    @Test
    void unusableFormFileStopsRun() throws Exception {
        create();
        Path missing = dir.resolve("missing.crt");
        ui.run(() -> {
            connection.clientCertificate().pathProperty().set(missing.toString());
            connection.clientCertificate().inspect();
        });
        ui.awaitUntil("the missing file is checked", RUN_LIMIT,
                () -> connection.clientCertificate().state() == CredentialFieldModel.State.INVALID);

        ui.run(scenarios::run);
        ui.awaitUntil("the run gives up", RUN_LIMIT, () -> !scenarios.isRunning());

        assertEquals("The client certificate in the form cannot be used: " + missing + " was not found. Check the path, "
                + "or choose the file again. Correct it in the form, or run with the sample credentials.",
                ui.call(() -> scenarios.problemProperty().get()));
        assertNull(ui.call(() -> scenarios.reportProperty().get()));
    }

    @Test
    void cancelEndsRowsAsNotRun() throws Exception {
        create();
        useSamples();
        try (SilentServer silent = new SilentServer()) {
            ui.run(() -> {
                scenarios.serversProperty().set(ScenarioViewModel.Servers.USER_SERVERS);
                scenarios.securedProperty().set(silent.target());
                scenarios.unsecuredProperty().set(silent.target());
            });

            ui.run(scenarios::run);
            ui.awaitUntil("a row waits for the silent server", RUN_LIMIT, () -> scenarios.rows().stream()
                    .anyMatch(row -> row.state() == ScenarioRow.State.RUNNING));
            long cancelledAt = System.nanoTime();
            ui.run(scenarios::cancel);
            awaitEnd();
            System.out.println("Scenario cancel to end of run: " + (System.nanoTime() - cancelledAt) / 1_000_000 + " ms");
        }

        assertTrue(ui.call(() -> scenarios.statusProperty().get()).endsWith("(cancelled)"),
                ui.call(() -> scenarios.statusProperty().get()));
        List<ScenarioResult> results = ui.call(() -> scenarios.rows().stream().map(ScenarioRow::result).toList());
        for (ScenarioResult result : results) {
            assertEquals(Verdict.NOT_RUN, result.verdict(), result.scenario().id());
        }
        assertTrue(results.stream().anyMatch(result -> result.reason().equals("Cancelled while running.")));
    }

    @Test
    void exportWritesMarkdownAndCsv() throws Exception {
        create();
        useSamples();
        ui.run(() -> scenarios.commonFaultsProperty().set(false));
        ui.run(scenarios::run);
        awaitEnd();
        ScenarioReport report = ui.call(() -> scenarios.reportProperty().get());
        Path markdown = dir.resolve("table.md");
        Path csv = dir.resolve("table.csv");

        ui.run(() -> scenarios.export(markdown, ScenarioViewModel.ExportFormat.MARKDOWN));
        ui.awaitUntil("the Markdown file is written", RUN_LIMIT, () -> scenarios.statusProperty().get().contains(markdown.toString()));
        ui.run(() -> scenarios.export(csv, ScenarioViewModel.ExportFormat.CSV));
        ui.awaitUntil("the CSV file is written", RUN_LIMIT, () -> scenarios.statusProperty().get().contains(csv.toString()));

        assertEquals(ScenarioExport.markdown(report), Files.readString(markdown, StandardCharsets.UTF_8));
        assertEquals(ScenarioExport.csv(report), Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals(report.summary() + ". Exported 5 rows to " + csv + ".", ui.call(() -> scenarios.statusProperty().get()));
    }

    @Test
    void openInTimelineWaitsForFreeTimeline() throws Exception {
        create();
        useSamples();
        ui.run(() -> scenarios.commonFaultsProperty().set(false));
        ui.run(scenarios::run);
        awaitEnd();
        ScenarioRow row = ui.call(() -> scenarios.rows().get(2));

        assertTrue(ui.call(() -> scenarios.openInTimeline(row)));
        assertEquals(List.of(row), opened);

        timelineFree.set(false);
        assertFalse(ui.call(() -> scenarios.openInTimeline(row)));
        assertTrue(ui.call(() -> scenarios.problemProperty().get()).startsWith("A connection is running in the timeline."));
    }

    private void create() {
        connection = ui.call(() -> new ConnectionViewModel(ui.work()));
        scenarios = ui.call(() -> new ScenarioViewModel(connection, ui.work(), row -> {
            if (!timelineFree.get()) {
                return false;
            }
            opened.add(row);
            return true;
        }));
    }

    private void useSamples() throws Exception {
        SampleCredentials samples = SampleCredentials.locate();
        ui.run(() -> connection.useSampleCredentials(samples));
        ui.awaitUntil("the sample files are checked", RUN_LIMIT, () -> connection.files().stream()
                .allMatch(field -> field.state() == CredentialFieldModel.State.VALID));
    }

    private void awaitEnd() {
        ui.awaitUntil("the scenario run ends", RUN_LIMIT, () -> !scenarios.isRunning());
    }
}
