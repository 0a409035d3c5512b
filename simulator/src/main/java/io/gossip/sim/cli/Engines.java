package io.gossip.sim.cli;

import io.gossip.reports.RunReport;
import io.gossip.sim.run.RunOutcome;
import io.gossip.sim.run.SimulationRunner;

/** The real engine and report builder behind {@code sim run}. */
final class Engines {
    private Engines() {
    }

    /** {@link SimulationRunner}. */
    static Engine simulator() {
        return (plan, outDir, threads, appender, listener) -> {
            RunOutcome outcome = SimulationRunner.run(plan, outDir, threads, appender, listener);
            return new Engine.Outcome(outcome.summary(), outcome.events(), outcome.wallSeconds());
        };
    }

    /** {@link RunReport}: charts and index.html in the run folder. */
    static ReportBuilder reports() {
        return runDir -> RunReport.build(runDir).indexHtml().toString();
    }
}
