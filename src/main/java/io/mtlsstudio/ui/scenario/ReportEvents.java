package io.mtlsstudio.ui.scenario;

import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Evidence;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeEvent;
import io.mtlsstudio.handshake.ProbeReport;
import io.mtlsstudio.handshake.ServerObservation;
import io.mtlsstudio.handshake.StepStatus;
import io.mtlsstudio.handshake.WireRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rebuilds the event stream of a finished probe run from its report, so that the timeline can show
 * a run it did not watch live, such as a scenario row's. The report keeps each step's start and
 * duration, its checks and evidence, the findings, the TLS records and the server's observations.
 * The rebuilt stream puts them in time order, and the checks and evidence of one step keep their order.
 */
public final class ReportEvents {

    private ReportEvents() {
    }

    /** Returns the events of {@code report}, from RunStarted to RunFinished. */
    public static List<ProbeEvent> of(ProbeReport report) {
        List<ProbeEvent> events = new ArrayList<>();
        long end = 0;
        for (ProbeReport.StepReport step : report.steps()) {
            if (step.startedMicros() < 0) {
                continue;
            }
            long started = step.startedMicros();
            long finished = started + step.durationMicros();
            end = Math.max(end, finished);
            events.add(new ProbeEvent.StepChanged(started, step.id(), StepStatus.RUNNING, 0));
            for (Check check : step.checks()) {
                events.add(new ProbeEvent.CheckRecorded(started, step.id(), check));
            }
            for (Evidence evidence : step.evidence()) {
                events.add(new ProbeEvent.EvidenceRecorded(started, step.id(), evidence));
            }
            events.add(new ProbeEvent.StepChanged(finished, step.id(), step.status(), step.durationMicros()));
        }
        for (WireRecord record : report.records()) {
            events.add(new ProbeEvent.RecordObserved(record.atMicros(), record));
            end = Math.max(end, record.atMicros());
        }
        for (ServerObservation observation : report.serverLane()) {
            events.add(new ProbeEvent.ServerObserved(observation.atMicros(), observation));
            end = Math.max(end, observation.atMicros());
        }
        // A stable sort keeps each step's RUNNING, checks, evidence and final status in that order.
        events.sort(Comparator.comparingLong(ProbeEvent::atMicros));

        for (ProbeReport.StepReport step : report.steps()) {
            if (step.startedMicros() < 0 && step.status() != StepStatus.PENDING) {
                for (Check check : step.checks()) {
                    events.add(new ProbeEvent.CheckRecorded(end, step.id(), check));
                }
                for (Evidence evidence : step.evidence()) {
                    events.add(new ProbeEvent.EvidenceRecorded(end, step.id(), evidence));
                }
                events.add(new ProbeEvent.StepChanged(end, step.id(), step.status(), 0));
            }
        }
        for (Finding finding : report.findings()) {
            events.add(new ProbeEvent.FindingRecorded(end, finding));
        }
        events.add(0, new ProbeEvent.RunStarted(0, report.target(), report.tls()));
        events.add(new ProbeEvent.RunFinished(end, report));
        return events;
    }
}
