package io.gossip.sim.results;

/**
 * What one broadcast achieved. The reference set is the nodes that were live members when it was
 * sent and are still live at the end of the run ({@code liveNodes}); {@code reached} counts the
 * members of that set that got the message (the origin included).
 *
 * <p>A broadcast whose reference set is empty (every node live when it was sent crashed or left
 * before the end) is <em>unmeasured</em>: no node is left to measure it over, so it has no coverage
 * and is neither complete nor incomplete. It was still sent, and its message counts are real; the
 * figures over broadcasts (coverage, reliability, delays) leave it out.
 *
 * @param index 0-based broadcast number within the run
 * @param origin the node that broadcast it
 * @param sentMicros virtual time it was sent
 * @param liveNodes size of the reference set
 * @param reached members of the reference set that received it
 * @param t50Micros delay until half the reference set had it, -1 if never
 * @param t99Micros delay until 99 % had it, -1 if never
 * @param t100Micros delay until all had it, -1 if never
 * @param maxHops largest hop count at which a node first received it
 * @param messages gossip transmissions of this message (every hop, lost ones included)
 * @param duplicates copies that reached a live node that already had it
 * @param redelivered times a node that already had it was handed it again, as new: its duplicate
 *     memory had forgotten it while copies were still travelling (it forwards it again too); 0 in a
 *     run whose memories outlast the copies; such copies count among the {@code duplicates} too
 * @param coverageCurve reached count at {@code k × coverageStep} after sending, k = 0, 1, ... until
 *     the last receipt
 */
public record BroadcastResult(int index, int origin, long sentMicros, int liveNodes, int reached,
        long t50Micros, long t99Micros, long t100Micros, int maxHops, long messages, long duplicates,
        long redelivered, int[] coverageCurve) {

    /** Whether its reference set holds a node: whether coverage and completeness mean anything. */
    public boolean measured() {
        return liveNodes > 0;
    }

    /** {@code reached / liveNodes}; NaN when {@linkplain #measured unmeasured}, written as empty. */
    public double coverage() {
        return measured() ? (double) reached / liveNodes : Double.NaN;
    }

    /**
     * Whether every member of the reference set got it; false when {@linkplain #measured unmeasured},
     * which is not incomplete either: ask {@link #measured} first.
     */
    public boolean complete() {
        return measured() && reached == liveNodes;
    }
}
