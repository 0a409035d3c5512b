package io.gossip.sim.results;

import java.util.Locale;

/**
 * The delay statistics of one broadcast computed from its members' first-receipt delays: the same
 * definitions for simulated and live runs, so {@code sim compare} puts like beside like.
 *
 * <p>The delays need not be sorted. The coverage curve is a count per grid step and each quantile
 * is selected among the delays of its step, so a broadcast costs a few passes over its delays
 * instead of a sort of them (a million delays: 8 ms against 55 ms with the sort, time that counts
 * in the run's). The step of the median can still hold a fifth of them, where a gossip wave is at
 * its widest: they are selected from, not sorted (at 100,000 nodes, ten broadcasts' statistics
 * took 23 ms with a sort of each step, 2.7 % of the broadcast phase).
 */
public final class ReceiptDelays {
    /**
     * Most points one broadcast's coverage curve may have: 400 MB as ints, and as many rows of
     * coverage.csv. A longer one comes from a latency far above the grid step (a day's latency on a
     * millisecond grid), and would fail as a heap exhausted or an int overflowed, not as what it is.
     */
    static final long MAX_CURVE_POINTS = 100_000_000;

    private ReceiptDelays() {
    }

    /**
     * The broadcast's result from {@code delays[0, reached)}, delays (µs, non-negative, in any order)
     * of the members of the reference set that received it.
     *
     * @throws IllegalArgumentException if a delay is negative
     */
    public static BroadcastResult result(int index, int origin, long sentMicros, int liveNodes, long[] delays,
            int reached, int maxHops, long messages, long duplicates, long redelivered, long coverageStepMicros) {
        int[] curve = curve(delays, reached, coverageStepMicros);
        return new BroadcastResult(index, origin, sentMicros, liveNodes, reached,
                quantile(delays, reached, liveNodes, 0.5, curve, coverageStepMicros),
                quantile(delays, reached, liveNodes, 0.99, curve, coverageStepMicros),
                quantile(delays, reached, liveNodes, 1.0, curve, coverageStepMicros), maxHops, messages, duplicates,
                redelivered, curve);
    }

    /**
     * Members reached at {@code k × stepMicros} after sending, k = 0, 1, ... until the last receipt:
     * the running sum of how many delays fall in each step, {@code (k-1)·step < d <= k·step}.
     *
     * @throws IllegalArgumentException if the curve would have more than {@link #MAX_CURVE_POINTS}
     */
    static int[] curve(long[] delays, int reached, long stepMicros) {
        if (reached == 0) {
            return new int[] {0};
        }
        long last = 0;
        for (int i = 0; i < reached; i++) {
            if (delays[i] < 0) {
                throw new IllegalArgumentException("negative receipt delay " + delays[i] + " µs");
            }
            last = Math.max(last, delays[i]);
        }
        long points = stepOf(last, stepMicros) + 1;
        if (points > MAX_CURVE_POINTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a broadcast's last first receipt came "
                    + "%s ms after it was sent: its coverage curve would have %,d points of output.coverageStepMillis "
                    + "%s, more than the %,d a curve may have; set output.coverageStepMillis to %s or more",
                    Decimal.millis(last), points, Decimal.millis(stepMicros), MAX_CURVE_POINTS,
                    Decimal.millis((last + MAX_CURVE_POINTS - 2) / (MAX_CURVE_POINTS - 1))));
        }
        int[] curve = new int[(int) points];
        for (int i = 0; i < reached; i++) {
            curve[(int) stepOf(delays[i], stepMicros)]++;
        }
        for (int k = 1; k < curve.length; k++) {
            curve[k] += curve[k - 1];
        }
        return curve;
    }

    /** The first grid step at or after {@code delay}. */
    private static long stepOf(long delay, long stepMicros) {
        return (delay + stepMicros - 1) / stepMicros;
    }

    /**
     * Delay until {@code ceil(q·live)} members had it, or -1 if fewer ever did: the
     * {@code ceil(q·live)}-th smallest delay, looked for among the delays of the step where the
     * {@code curve} reaches that count.
     */
    static long quantile(long[] delays, int reached, int live, double q, int[] curve, long stepMicros) {
        int needed = Math.max(1, (int) Math.ceil(q * live - 1e-9));
        if (live == 0 || needed > reached) {
            return -1;
        }
        int step = 0;
        while (curve[step] < needed) {
            step++;
        }
        int before = step == 0 ? 0 : curve[step - 1];
        long[] inStep = new long[curve[step] - before];
        // The step's delays are those in (above, atMost], as stepOf says, without a division each.
        long above = step == 0 ? -1 : (step - 1) * stepMicros;
        long atMost = step * stepMicros;
        int n = 0;
        for (int i = 0; i < reached; i++) {
            if (delays[i] > above && delays[i] <= atMost) {
                inStep[n++] = delays[i];
            }
        }
        return select(inStep, n, needed - before - 1);
    }

    /**
     * The {@code k}-th smallest (from 0) of {@code a[0, n)}, which it reorders: a quickselect with a
     * median-of-three pivot and a three-way partition, so that runs of equal delays (common on a
     * microsecond clock) end it at once.
     */
    static long select(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            long x = a[lo];
            long y = a[(lo + hi) >>> 1];
            long z = a[hi];
            long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            // a[lo, lt) < pivot, a[lt, i) == pivot, a(gt, hi] > pivot
            int lt = lo;
            int i = lo;
            int gt = hi;
            while (i <= gt) {
                long v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[lo];
    }
}
