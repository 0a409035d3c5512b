package io.gossip.sim.results;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code sim run} and {@code sim live} say of a run's unmeasured broadcasts
 * ({@link BroadcastResult#measured}): one warning per run, naming the first and counting the others,
 * as a skipped broadcast is said once per run. A run whose every node crashes can have a broadcast a
 * second for hours; a line each would bury the rest of the output, and broadcasts.csv lists each.
 */
public final class UnmeasuredBroadcasts {
    private UnmeasuredBroadcasts() {
    }

    /** The warning about {@code run}'s unmeasured broadcasts; empty when every broadcast was measured. */
    public static Optional<String> warning(RunResult run) {
        List<BroadcastResult> unmeasured = run.broadcasts().stream().filter(b -> !b.measured()).toList();
        if (unmeasured.isEmpty()) {
            return Optional.empty();
        }
        BroadcastResult first = unmeasured.get(0);
        int others = unmeasured.size() - 1;
        String which = String.format(Locale.ROOT, "broadcast %d, sent at %s,", first.index(),
                seconds(first.sentMicros()));
        if (others == 0) {
            return Optional.of(which + " is unmeasured: every node live when it was sent crashed or left before"
                    + " the end of the run (at " + seconds(run.endMicros()) + "), so no node is left to measure it"
                    + " over. Its row of broadcasts.csv has coverage and complete empty, and it counts in no"
                    + " coverage, reliability or latency figure (summary.json counts it in unmeasuredBroadcasts).");
        }
        return Optional.of(String.format(Locale.ROOT, "%s and %,d later %s are unmeasured: every node live when"
                + " each was sent crashed or left before the end of the run (at %s), so no node is left to measure"
                + " them over. Their rows of broadcasts.csv have coverage and complete empty, and they count in no"
                + " coverage, reliability or latency figure (summary.json counts them in unmeasuredBroadcasts).",
                which, others, others == 1 ? "broadcast" : "broadcasts", seconds(run.endMicros())));
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }
}
