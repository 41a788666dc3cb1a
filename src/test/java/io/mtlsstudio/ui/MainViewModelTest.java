package io.mtlsstudio.ui;

import io.mtlsstudio.handshake.ServerObservation;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.pki.SampleCredentials;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import io.mtlsstudio.ui.run.ResultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's commands without a JavaFX toolkit, against the real embedded frontend. */
class MainViewModelTest {

    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);

    private final TestUiThread ui = new TestUiThread();
    private MainViewModel model;

    @AfterEach
    void stop() {
        if (model != null) {
            model.close();
        }
        ui.close();
    }

    @Test
    void sampleDefaultsPassAllSteps() {
        model = ui.call(() -> new MainViewModel(ui.work(), SampleCredentials::locate));
        useSamples();

        ui.run(model::connect);
        awaitEnd();

        assertEquals(ResultKind.SUCCESS, ui.call(model::resultKind));
        for (StepId step : StepId.values()) {
            assertEquals(StepStatus.PASSED, ui.call(() -> model.run().timeline().step(step).status()), step.name());
        }
        assertEquals(List.of(ServerObservation.Kind.CLIENT_CERTIFICATE_ACCEPTED), ui.call(() -> model.run().timeline()
                .step(StepId.VERIFY_CLIENT).serverObservations().stream().map(ServerObservation::kind).toList()),
                "the embedded frontend is observed");
    }

    @Test
    void embeddedFrontendIsReusedAcrossConnects() {
        model = ui.call(() -> new MainViewModel(ui.work(), SampleCredentials::locate));
        useSamples();

        ui.run(model::connect);
        awaitEnd();
        String first = ui.call(() -> model.connection().embeddedAddressProperty().get());
        ui.run(model::connect);
        awaitEnd();
        String second = ui.call(() -> model.connection().embeddedAddressProperty().get());

        assertTrue(first.matches("127\\.0\\.0\\.1:\\d+"), first);
        assertEquals(first, second);
        assertEquals(ResultKind.SUCCESS, ui.call(model::resultKind));
    }

    @Test
    void failedStepBecomesSelected() {
        model = ui.call(() -> new MainViewModel(ui.work(), SampleCredentials::locate));
        useSamples();
        ui.run(() -> {
            model.connection().clientCertificate().clear();
            model.connection().clientKey().clear();
        });

        ui.run(model::connect);
        awaitEnd();

        assertEquals(ResultKind.FAILURE, ui.call(model::resultKind));
        assertEquals(StepId.VERIFY_CLIENT, ui.call(() -> model.selectedStepProperty().get()));
        assertEquals("CLIENT_CERT_REQUIRED", ui.call(() -> model.selectedStepModelProperty().get().failure().code()));
    }

    @Test
    void unparsableTargetIsInputError() {
        model = ui.call(() -> new MainViewModel(ui.work(), SampleCredentials::locate));
        ui.run(() -> model.connection().targetProperty().set("127.0.0.1:78x3"));

        ui.run(model::connect);

        assertEquals(ResultKind.INPUT_ERROR, ui.call(model::resultKind));
        String text = ui.call(() -> model.run().resultTextProperty().get());
        assertTrue(text.startsWith("Invalid target \"127.0.0.1:78x3\": the port \"78x3\" is not a number."), text);
        assertEquals("Correct the marked field and press Connect again.",
                ui.call(() -> model.run().resultFixProperty().get()));
    }

    @Test
    void cancelWhilePreparingEndsCancelled() throws InterruptedException {
        CountDownLatch locatorEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        model = ui.call(() -> new MainViewModel(ui.work(), () -> {
            locatorEntered.countDown();
            release.await();
            return SampleCredentials.locate();
        }));
        ui.run(() -> model.connection().embeddedFrontendProperty().set(true));

        ui.run(model::connect);
        assertTrue(locatorEntered.await(10, TimeUnit.SECONDS), "the embedded frontend is being prepared");
        assertEquals(ResultKind.PREPARING, ui.call(model::resultKind));
        ui.run(model::cancel);
        release.countDown();

        assertEquals(ResultKind.CANCELLED, ui.call(model::resultKind));
        Thread.sleep(300);
        assertEquals(ResultKind.CANCELLED, ui.call(model::resultKind), "the late preparation result is ignored");
        assertEquals(StepStatus.PENDING, ui.call(() -> model.run().timeline().step(StepId.CONNECT).status()));
    }

    @Test
    void unreadableKeyIsShownAtKeyField() {
        model = ui.call(() -> new MainViewModel(ui.work(), SampleCredentials::locate));
        useSamples();
        String certificate = ui.call(() -> model.connection().clientCertificate().path());
        ui.run(() -> model.connection().clientKey().pathProperty().set(certificate));

        ui.run(model::connect);
        ui.awaitUntil("the key is rejected", RUN_LIMIT, () -> !model.isBusy());

        assertEquals(ResultKind.INPUT_ERROR, ui.call(model::resultKind));
        assertEquals(CredentialFieldModel.State.INVALID, ui.call(() -> model.connection().clientKey().state()));
        String message = ui.call(() -> model.connection().clientKey().message());
        assertTrue(message.startsWith(certificate + " contains a certificate but no private key."), message);
    }

    private void useSamples() {
        ui.run(model::useSampleCredentials);
        ui.awaitUntil("the sample files are checked", RUN_LIMIT, () -> model.connection().files().stream()
                .allMatch(field -> field.state() == CredentialFieldModel.State.VALID));
    }

    private void awaitEnd() {
        ui.awaitUntil("the run ends", RUN_LIMIT, () -> !model.isBusy());
    }
}
