package io.mtlsstudio.ui.generate;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.cadence.config.CadenceConfig;
import io.mtlsstudio.handshake.HandshakeProbe;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.TestPki;
import io.mtlsstudio.profile.RecentFiles;
import io.mtlsstudio.ui.TestUiThread;
import io.mtlsstudio.ui.export.ExportViewModel;
import io.mtlsstudio.ui.form.ConnectionViewModel;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator dialog's model without a JavaFX toolkit, writing real files into a temporary folder. */
class GeneratorViewModelTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    private final TestUiThread ui = new TestUiThread();
    private ConnectionViewModel connection;
    private ExportViewModel export;
    private GeneratorViewModel model;
    private Path out;

    @BeforeEach
    void create() {
        out = folder.resolve("pki");
        RecentFiles recent = new RecentFiles(folder.resolve("settings"));
        connection = ui.call(() -> new ConnectionViewModel(ui.work()));
        export = ui.call(() -> new ExportViewModel(ui.work(), connection, new SimpleObjectProperty<CadenceConfig>(), recent));
        model = ui.call(() -> new GeneratorViewModel(ui.work(), connection, export, recent));
        ui.run(() -> model.outDirectoryProperty().set(out.toString()));
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    private GeneratorViewModel.RunOutcome generate(boolean overwrite) throws Exception {
        CompletableFuture<GeneratorViewModel.RunOutcome> outcome = new CompletableFuture<>();
        ui.run(() -> model.generate(overwrite, outcome::complete));
        ui.awaitUntil("the run ends", LIMIT, () -> outcome.isDone() || model.messageProperty().get().contains("failed"));
        return outcome.get(1, TimeUnit.SECONDS);
    }

    @Test
    void defaultsMatchGenerateCommand() {
        assertEquals(TestPki.KeyType.EC_P256, ui.call(() -> model.keyTypeProperty().get()));
        assertEquals("365", ui.call(() -> model.validityDaysProperty().get()));
        assertEquals(List.of("cadence-frontend", "localhost", "127.0.0.1"), ui.call(() -> List.copyOf(model.frontendNames())));
        assertFalse(ui.call(() -> model.brokenVariantsProperty().get()));
    }

    @Test
    void planListsGoodSetOrVariants() {
        assertEquals(List.of("README.md", "ca.crt", "ca.key", "frontend.crt", "frontend.key", "client.crt", "client.key"),
                ui.call(() -> List.copyOf(model.plannedFiles())));

        ui.run(() -> model.brokenVariantsProperty().set(true));

        List<String> planned = ui.call(() -> List.copyOf(model.plannedFiles()));
        assertEquals(20, planned.size());
        assertTrue(planned.contains("broken/expired-frontend.crt"), planned.toString());
        assertTrue(planned.contains("broken/pkcs1-client.key"), planned.toString());
    }

    @Test
    void invalidValidityIsReported() {
        ui.run(() -> model.validityDaysProperty().set("ten"));

        assertEquals("Invalid validity \"ten\": enter whole days from 1 to 36500, for example 365.",
                ui.call(() -> model.problemProperty().get()));

        ui.run(() -> model.validityDaysProperty().set("0"));
        assertTrue(ui.call(() -> model.problemProperty().get()).startsWith("The validity 0 days is outside 1-36500."));

        ui.run(() -> model.validityDaysProperty().set("30"));
        assertEquals("", ui.call(() -> model.problemProperty().get()));
    }

    @Test
    void invalidNameIsRejected() {
        assertFalse(ui.call(() -> model.addName("bad name")));

        assertTrue(ui.call(() -> model.problemProperty().get()).startsWith("\"bad name\" is not a DNS name or IP address"),
                ui.call(() -> model.problemProperty().get()));
        assertEquals(3, ui.call(() -> model.frontendNames().size()));
        assertFalse(ui.call(() -> model.addName("LOCALHOST")));
        assertEquals("\"LOCALHOST\" is already listed.", ui.call(() -> model.problemProperty().get()));
        assertTrue(ui.call(() -> model.addName("frontend.example.test")));
        assertEquals(4, ui.call(() -> model.frontendNames().size()));
    }

    @Test
    void emptyNamesAreReported() {
        ui.run(() -> List.copyOf(model.frontendNames()).forEach(model::removeName));

        assertEquals("Add at least one frontend name, such as cadence-frontend or 127.0.0.1.", ui.call(() -> model.problemProperty().get()));
    }

    @Test
    void generateWritesSetWithOwnerOnlyKeys() throws Exception {
        ui.run(() -> model.addName("frontend.example.test"));

        GeneratorViewModel.RunOutcome outcome = generate(false);

        assertFalse(outcome.needsConfirmation());
        assertEquals(7, outcome.generated().files().size());
        for (String file : List.of("README.md", "ca.crt", "ca.key", "frontend.crt", "frontend.key", "client.crt", "client.key")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        for (String key : List.of("ca.key", "frontend.key", "client.key")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(key))), key);
        }
        assertTrue(ui.call(() -> model.messageProperty().get()).startsWith("Wrote 7 files to " + out + " (EC P-256, 365 days)."),
                ui.call(() -> model.messageProperty().get()));
        String names = CredentialFiles.readCertificates(out.resolve("frontend.crt")).get(0).getSubjectAlternativeNames().toString();
        assertTrue(names.contains("frontend.example.test"), names);
        assertEquals(List.of(out), new RecentFiles(folder.resolve("settings")).list(RecentFiles.GENERATOR_OUTPUT));
    }

    @Test
    void existingFilesStopRunWithoutOverwrite() throws Exception {
        generate(false);
        byte[] ca = Files.readAllBytes(out.resolve("ca.crt"));

        GeneratorViewModel.RunOutcome refused = generate(false);

        assertTrue(refused.needsConfirmation());
        assertEquals(7, refused.existing().size());
        assertTrue(refused.existing().contains(out.resolve("ca.crt")));
        assertArrayEquals(ca, Files.readAllBytes(out.resolve("ca.crt")), "nothing is replaced");
        assertNull(ui.call(() -> model.resultProperty().get()));
        assertEquals("Nothing written: 7 of the files exist in " + out + ".", ui.call(() -> model.messageProperty().get()));

        GeneratorViewModel.RunOutcome confirmed = generate(true);
        assertFalse(confirmed.needsConfirmation());
        assertFalse(java.util.Arrays.equals(ca, Files.readAllBytes(out.resolve("ca.crt"))), "a confirmed run replaces the files");
    }

    @Test
    void fileAsOutputFolderIsReported() throws Exception {
        Files.writeString(folder.resolve("a-file"), "x");
        ui.run(() -> model.outDirectoryProperty().set(folder.resolve("a-file").toString()));

        CompletableFuture<GeneratorViewModel.RunOutcome> outcome = new CompletableFuture<>();
        ui.run(() -> model.generate(false, outcome::complete));
        ui.awaitUntil("the run fails", LIMIT, () -> model.messageProperty().get().contains("failed"));

        assertEquals("Generating the test PKI failed: " + folder.resolve("a-file") + " is a file, not a folder. Choose a folder.",
                ui.call(() -> model.messageProperty().get()));
        assertFalse(outcome.isDone());
    }

    @Test
    void generatedSetFillsFormAndConnects() throws Exception {
        generate(false);

        ui.run(model::useInConnectionForm);

        assertEquals(out.resolve("client.crt").toString(), ui.call(() -> connection.clientCertificate().path()));
        assertEquals(out.resolve("client.key").toString(), ui.call(() -> connection.clientKey().path()));
        assertEquals(out.resolve("ca.crt").toString(), ui.call(() -> connection.ca().path()));
        assertEquals(out.resolve("frontend.crt").toString(), ui.call(() -> export.serverCertificateProperty().get()));
        assertEquals(out.resolve("ca.crt").toString(), ui.call(() -> export.serverCaFilesProperty().get()));

        FrontendSettings settings = FrontendSettings.mutualTls(0, CredentialFiles.readCertificates(out.resolve("frontend.crt")),
                CredentialFiles.readPrivateKey(out.resolve("frontend.key")), CredentialFiles.readCertificates(out.resolve("ca.crt")));
        try (EmbeddedFrontend frontend = EmbeddedFrontend.start(settings)) {
            ConnectionViewModel.Validation validation = ui.call(() -> {
                connection.targetProperty().set(frontend.target());
                return connection.validate();
            });
            assertTrue(validation.isValid(), validation.problems().toString());
            ProbeReport report = HandshakeProbe.run(validation.request().toOptions(Target.parse(frontend.target())));
            assertEquals(ProbeReport.Result.SUCCESS, report.result(), report.findings().toString());
        }
    }
}
