package io.mtlsstudio.ui.replay;

import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.StepId;
import io.mtlsstudio.handshake.TlsVersion;
import io.mtlsstudio.ui.run.TimelineModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * Replays a recorded probe run at a pace a person can follow. The replay applies the recorded
 * events, in their recorded order, to its own {@link TimelineModel}, which the diagram draws.
 * It never invents an event: a live run is replayed while it is recorded, and the replay waits
 * when it catches up with the probe.
 *
 * <p>Time moves only through {@link #advance(long)}, which the view calls on every animation
 * frame, so tests drive the replay without a clock. Confined to the UI thread.
 */
public final class ReplayViewModel {

    /** Progress shown for a running step whose end is not recorded yet; the arrow stops short of the lane. */
    private static final double OPEN_STEP_PROGRESS_LIMIT = 0.9;

    private final ObservableList<ProbeEvent> recording;
    private final TimelineModel shown = new TimelineModel();
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", 0);
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(this, "length", 0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished", false);
    private final ObjectProperty<ReplaySpeed> speed = new SimpleObjectProperty<>(this, "speed", ReplaySpeed.NORMAL);
    private final BooleanProperty autoPlay = new SimpleBooleanProperty(this, "autoPlay", true);
    private final BooleanProperty narrationShown = new SimpleBooleanProperty(this, "narrationShown", true);
    private final ObjectProperty<TlsVersion> offeredVersion = new SimpleObjectProperty<>(this, "offeredVersion", TlsVersion.AUTO);
    private final ReadOnlyObjectWrapper<StepId> activeStep = new ReadOnlyObjectWrapper<>(this, "activeStep");
    private final ReadOnlyDoubleWrapper activeProgress = new ReadOnlyDoubleWrapper(this, "activeProgress", 0);
    private final ReadOnlyObjectWrapper<DrawnProtocol.Choice> protocol = new ReadOnlyObjectWrapper<>(this, "protocol",
            DrawnProtocol.choose(List.of(), TlsVersion.AUTO));

    /** Teaching-pace time gathered towards the next event, in nanoseconds at 1x. */
    private long pendingNanos;
    /** Teaching-pace time since the active step started running, and the time its run takes, at 1x. */
    private long activeElapsedNanos;
    private long activeSpanNanos;

    public ReplayViewModel(ObservableList<ProbeEvent> recording) {
        this.recording = recording;
        recording.addListener((ListChangeListener<ProbeEvent>) change -> recordingChanged());
        offeredVersion.addListener((observable, before, after) -> chooseProtocol());
        autoPlay.addListener((observable, before, on) -> {
            if (!on && position.get() == 0) {
                // The replay was only waiting for the next run to auto-play it.
                pause();
            }
        });
        speed.addListener((observable, before, after) -> {
            if (after == ReplaySpeed.INSTANT && playing.get()) {
                advance(0);
            }
        });
        recordingChanged();
    }

    /** Returns the steps as far as the replay has got. */
    public TimelineModel shown() {
        return shown;
    }

    /** Returns the number of recorded events the replay has applied. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public int position() {
        return position.get();
    }

    /** Returns the number of events recorded so far. */
    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Returns whether the replay has shown the end of a finished run. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ObjectProperty<ReplaySpeed> speedProperty() {
        return speed;
    }

    /** Returns whether a new run starts playing as soon as it is recorded. */
    public BooleanProperty autoPlayProperty() {
        return autoPlay;
    }

    public BooleanProperty narrationShownProperty() {
        return narrationShown;
    }

    /** Returns the TLS version the client offered, which decides the drawing until one is negotiated. */
    public ObjectProperty<TlsVersion> offeredVersionProperty() {
        return offeredVersion;
    }

    /** Returns the step whose state the replay changed last, or null before the first step starts. */
    public ReadOnlyObjectProperty<StepId> activeStepProperty() {
        return activeStep.getReadOnlyProperty();
    }

    public StepId activeStep() {
        return activeStep.get();
    }

    /**
     * Returns how far the active step has got, from 0 when it starts running to 1 when its
     * final state is shown. The diagram draws its message arrow this far.
     */
    public ReadOnlyDoubleProperty activeProgressProperty() {
        return activeProgress.getReadOnlyProperty();
    }

    public double activeProgress() {
        return activeProgress.get();
    }

    public ReadOnlyObjectProperty<DrawnProtocol.Choice> protocolProperty() {
        return protocol.getReadOnlyProperty();
    }

    /** Starts or resumes playing; at the end of a finished run, starts again from the beginning. */
    public void play() {
        if (finished.get()) {
            seek(0);
        }
        playing.set(true);
        advance(0);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Pauses and shows the run up to the end of the next step. */
    public void stepForward() {
        pause();
        seek(nextBoundary(position.get()));
    }

    /** Pauses and shows the run up to the end of the previous step. */
    public void stepBack() {
        pause();
        seek(previousBoundary(position.get()));
    }

    /** Goes back to the start of the run and plays it. */
    /** Stops playing and shows the whole recording at once, as the instant speed would. */
    public void showAll() {
        playing.set(false);
        seek(recording.size());
    }

    public void restart() {
        seek(0);
        playing.set(true);
        advance(0);
    }

    public void faster() {
        speed.set(speed.get().faster());
    }

    public void slower() {
        speed.set(speed.get().slower());
    }

    /**
     * Moves the replay on by {@code elapsedNanos} of real time, scaled by the speed; called on
     * every animation frame while playing. Instant speed shows every recorded event at once.
     */
    public void advance(long elapsedNanos) {
        if (!playing.get()) {
            return;
        }
        if (speed.get() == ReplaySpeed.INSTANT) {
            while (position.get() < recording.size()) {
                applyNext();
            }
            pendingNanos = 0;
            activeProgress.set(1);
        } else {
            long scaled = (long) (elapsedNanos * speed.get().factor());
            pendingNanos += scaled;
            boolean stepChanged = false;
            long sinceStepChange = 0;
            while (position.get() < recording.size() && pendingNanos >= Pace.beforeNanos(recording.get(position.get()))) {
                long beat = Pace.beforeNanos(recording.get(position.get()));
                pendingNanos -= beat;
                if (applyNext() instanceof ProbeEvent.StepChanged) {
                    stepChanged = true;
                    sinceStepChange = 0;
                } else {
                    sinceStepChange += beat;
                }
            }
            // The active step has run for the beats shown since its change plus the time left over.
            activeElapsedNanos = stepChanged ? sinceStepChange + pendingNanos : activeElapsedNanos + scaled;
            if (position.get() == recording.size()) {
                // Caught up with a live run: the next event gets its full beat once it arrives.
                pendingNanos = 0;
            }
            updateProgress();
        }
        if (finished.get()) {
            playing.set(false);
        }
    }

    private void recordingChanged() {
        int previousLength = length.get();
        length.set(recording.size());
        chooseProtocol();
        if (recording.isEmpty() || recording.size() < position.get()) {
            // A new run begins: start from nothing, and wait for its events if auto-play is on.
            seek(0);
            playing.set(autoPlay.get() && recording.isEmpty());
            return;
        }
        if (previousLength == 0 && position.get() == 0 && autoPlay.get()) {
            playing.set(true);
        }
        if (playing.get() && speed.get() == ReplaySpeed.INSTANT) {
            advance(0);
        }
        updateFinished();
    }

    private void chooseProtocol() {
        protocol.set(DrawnProtocol.choose(List.copyOf(recording), offeredVersion.get()));
    }

    private ProbeEvent applyNext() {
        int index = position.get();
        ProbeEvent event = recording.get(index);
        shown.apply(event);
        position.set(index + 1);
        if (event instanceof ProbeEvent.StepChanged changed) {
            activeStep.set(changed.step());
            activeElapsedNanos = 0;
            activeSpanNanos = changed.status().isFinal() ? 0 : spanUntilFinal(index, changed.step());
        }
        updateFinished();
        return event;
    }

    /** Shows the run up to {@code target} events by applying them again from the start. */
    private void seek(int target) {
        shown.reset();
        position.set(0);
        activeStep.set(null);
        pendingNanos = 0;
        activeElapsedNanos = 0;
        activeSpanNanos = 0;
        int end = Math.min(target, recording.size());
        for (int i = 0; i < end; i++) {
            applyNext();
        }
        if (activeStep.get() == null || activeSpanNanos != 0) {
            activeProgress.set(0);
        } else {
            activeProgress.set(1);
        }
        updateFinished();
    }

    /** Returns the teaching-pace time from the event after {@code runningIndex} to the step's final state, or -1. */
    private long spanUntilFinal(int runningIndex, StepId step) {
        long span = 0;
        for (int i = runningIndex + 1; i < recording.size(); i++) {
            ProbeEvent event = recording.get(i);
            span += Pace.beforeNanos(event);
            if (event instanceof ProbeEvent.StepChanged changed && changed.step() == step && changed.status().isFinal()) {
                return span;
            }
        }
        return -1;
    }

    private void updateProgress() {
        if (activeStep.get() == null) {
            activeProgress.set(0);
        } else if (activeSpanNanos == 0) {
            activeProgress.set(1);
        } else if (activeSpanNanos < 0) {
            activeSpanNanos = spanUntilFinal(lastRunningIndex(), activeStep.get());
            double nominal = (double) activeElapsedNanos / (Pace.STEP_FINISHED_MILLIS * 1_000_000);
            activeProgress.set(Math.min(OPEN_STEP_PROGRESS_LIMIT, nominal));
        } else {
            activeProgress.set(Math.min(1, (double) activeElapsedNanos / activeSpanNanos));
        }
    }

    private int lastRunningIndex() {
        for (int i = position.get() - 1; i >= 0; i--) {
            if (recording.get(i) instanceof ProbeEvent.StepChanged changed && changed.step() == activeStep.get()) {
                return i;
            }
        }
        return position.get() - 1;
    }

    /** Marks the replay finished once it has shown the RunFinished event, even if an event follows it. */
    private void updateFinished() {
        finished.set(shown.report() != null);
    }

    /** Returns the first event count after {@code from} at which a step has just reached its final state. */
    private int nextBoundary(int from) {
        for (int i = from; i < recording.size(); i++) {
            if (isBoundary(recording.get(i))) {
                return i + 1;
            }
        }
        return recording.size();
    }

    /** Returns the last event count before {@code from} at which a step had just reached its final state, or 0. */
    private int previousBoundary(int from) {
        for (int i = from - 2; i >= 0; i--) {
            if (isBoundary(recording.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean isBoundary(ProbeEvent event) {
        return event instanceof ProbeEvent.StepChanged changed && changed.status().isFinal();
    }
}
