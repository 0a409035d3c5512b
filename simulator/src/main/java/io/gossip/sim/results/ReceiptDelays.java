package io.gossip.sim.results;

/**
 * The delay statistics of one broadcast computed from its members' first-receipt delays, sorted:
 * the same definitions for simulated and live runs, so {@code sim compare} puts like beside like.
 */
public final class ReceiptDelays {
    private ReceiptDelays() {
    }

    /**
     * The broadcast's result from {@code sortedDelays[0, reached)}, delays (µs) of the members of
     * the reference set that received it, in increasing order.
     */
    public static BroadcastResult result(int index, int origin, long sentMicros, int liveNodes, long[] sortedDelays,
            int reached, int maxHops, long messages, long duplicates, long coverageStepMicros) {
        return new BroadcastResult(index, origin, sentMicros, liveNodes, reached,
                quantile(sortedDelays, reached, liveNodes, 0.5), quantile(sortedDelays, reached, liveNodes, 0.99),
                quantile(sortedDelays, reached, liveNodes, 1.0), maxHops, messages, duplicates,
                curve(sortedDelays, reached, coverageStepMicros));
    }

    /** Delay until {@code ceil(q·live)} members had it, or -1 if fewer ever did. */
    static long quantile(long[] sorted, int reached, int live, double q) {
        int needed = Math.max(1, (int) Math.ceil(q * live - 1e-9));
        return live == 0 || needed > reached ? -1 : sorted[needed - 1];
    }

    /** Members reached at {@code k × stepMicros} after sending, k = 0, 1, ... until the last receipt. */
    static int[] curve(long[] sorted, int reached, long stepMicros) {
        if (reached == 0) {
            return new int[] {0};
        }
        long last = sorted[reached - 1];
        int steps = (int) ((last + stepMicros - 1) / stepMicros) + 1;
        int[] curve = new int[steps];
        int at = 0;
        for (int k = 0; k < steps; k++) {
            long t = k * stepMicros;
            while (at < reached && sorted[at] <= t) {
                at++;
            }
            curve[k] = at;
        }
        return curve;
    }
}
