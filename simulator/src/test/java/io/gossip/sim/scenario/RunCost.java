package io.gossip.sim.scenario;

import io.gossip.protocol.ProtocolConfig;

/**
 * A rough upper estimate of the events a plan takes, to run only small mutants: timers per node
 * and virtual second (heartbeats, lease renewals to each view member), subscription copies (c + 1
 * per join), broadcast copies, samples. A mutant above the budget is legitimately heavy (c copies
 * per join for c = 2^31 - 1, a sample every microsecond), not a defect, and is only read.
 */
final class RunCost {
    /** A generous view size for the estimate. */
    private static final double VIEW = 20;

    private RunCost() {
    }

    static double events(RunPlan plan) {
        double total = 0;
        for (RunPlan.Point point : plan.points()) {
            Scenario s = point.scenario();
            ProtocolConfig p = s.protocol();
            double seconds = s.durationMillis() / 1000;
            double perNodeSecond = 5;
            if (p.heartbeatPeriodMillis() > 0) {
                perNodeSecond += VIEW * 1000.0 / p.heartbeatPeriodMillis();
            }
            if (p.leaseDurationMillis() > 0) {
                perNodeSecond += VIEW * (p.c() + 1.0) * p.maxAttempts() * 1000.0 / p.leaseDurationMillis();
            }
            double broadcasts = 0;
            for (TimelineAction action : s.timeline()) {
                if (action instanceof TimelineAction.Broadcast b) {
                    broadcasts += b.count();
                } else if (action instanceof TimelineAction.Churn churn) {
                    perNodeSecond += (churn.joinsPerSecond() + churn.leavesPerSecond()) * VIEW / s.nodes();
                }
            }
            double samples = s.output().timelineSampleMillis() > 0 ? s.durationMillis()
                    / s.output().timelineSampleMillis() : 0;
            double coverage = broadcasts * Math.min(s.durationMillis(), 60_000) / s.output().coverageStepMillis();
            double memberships = s.baseline() == null ? 1 : 2;
            total += s.repetitions() * memberships * (s.nodes() * seconds * perNodeSecond
                    + broadcasts * s.nodes() * VIEW * (p.c() + 2.0) + samples * s.nodes() + coverage
                    + s.nodes() * VIEW * p.maxAttempts() * 10
                    // each join sends c + 1 copies, which may travel up to forwardLimit hops once views are full
                    + s.nodes() * (p.c() + 1.0) * p.maxAttempts() * Math.min(p.forwardLimit(), 50));
        }
        return total;
    }
}
