package io.gossip.sim.engine;

import io.gossip.sim.scenario.TimelineAction;

/**
 * Last-line checks of timeline actions against the run (node count, payload limit) before anything
 * is scheduled, so a bad scenario fails with a clear message instead of half-running.
 */
final class Validation {
    private Validation() {
    }

    static void check(TimelineAction action, int nodes, int maxPayloadBytes) {
        String at = action.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " at "
                + action.atMillis() + " ms: ";
        if (action instanceof TimelineAction.Join join) {
            require(join.count() >= -1 && join.count() != 0, at + "count must be >= 1 or -1 (all unused slots)");
            require(join.overMillis() >= 0 && Double.isFinite(join.overMillis()), at + "overMillis must be >= 0");
            require(join.contacts() != null, at + "contacts is required");
        } else if (action instanceof TimelineAction.Broadcast b) {
            require(b.count() >= 1, at + "count must be >= 1");
            require(b.intervalMillis() >= 0 && Double.isFinite(b.intervalMillis()), at + "intervalMillis must be >= 0");
            require(b.source() >= -1 && b.source() < nodes, at + "source must be -1 or a node index < " + nodes);
            require(b.payloadBytes() >= 0 && b.payloadBytes() <= maxPayloadBytes,
                    at + "payloadBytes must be in [0, maxPayloadBytes = " + maxPayloadBytes + "]");
        } else if (action instanceof TimelineAction.Crash crash) {
            checkSelection(crash.nodes(), nodes, at);
        } else if (action instanceof TimelineAction.Unsubscribe unsubscribe) {
            checkSelection(unsubscribe.nodes(), nodes, at);
        } else if (action instanceof TimelineAction.Partition p) {
            require(p.untilMillis() > p.atMillis(), at + "untilMillis must be after atMillis");
            require(!p.fractions().isEmpty(), at + "fractions must not be empty");
            for (double f : p.fractions()) {
                require(f > 0 && Double.isFinite(f), at + "fractions must be > 0");
            }
        } else if (action instanceof TimelineAction.Churn churn) {
            require(churn.untilMillis() > churn.atMillis(), at + "untilMillis must be after atMillis");
            require(churn.joinsPerSecond() >= 0 && Double.isFinite(churn.joinsPerSecond()),
                    at + "joinsPerSecond must be >= 0");
            require(churn.leavesPerSecond() >= 0 && Double.isFinite(churn.leavesPerSecond()),
                    at + "leavesPerSecond must be >= 0");
        }
    }

    private static void checkSelection(TimelineAction.NodeSelection selection, int nodes, String at) {
        require(selection != null, at + "nodes is required");
        if (selection.fraction() != null) {
            double f = selection.fraction();
            require(f >= 0 && f <= 1, at + "fraction must be in [0, 1]");
        } else {
            for (int node : selection.nodes()) {
                require(node >= 0 && node < nodes, at + "node " + node + " is not in [0, " + nodes + ")");
            }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
