package io.gossip.sim.results;

import java.util.List;

/**
 * Everything one run measured; the writers turn a plan's run results into the result files.
 *
 * @param key which run
 * @param fanout the global baseline's fanout, 0 for SCAMP runs
 * @param broadcasts per broadcast, in sending order
 * @param nodes every node slot at the end
 * @param timeline membership samples in time order
 * @param eventRows executed timeline actions in time order
 * @param sentByType messages sent by {@link io.gossip.protocol.message.MessageType} ordinal
 * @param networkDrops network drops by {@link io.gossip.sim.network.NetworkDropReason} ordinal
 * @param nodeDrops node-side drops by {@link io.gossip.protocol.DropReason} ordinal
 * @param lateMembershipCopies copies of acknowledged membership messages that travelled longer than
 *     a receiver remembers handling one (the retransmission horizon): each may have been handled twice;
 *     {@link #NOT_MEASURED} for a live run, whose latencies are not drawn
 * @param kernelReceiveDrops datagrams the kernel dropped at a live run's sockets, their receive
 *     buffers full; {@link #NOT_MEASURED} where its socket tables cannot be read (not Linux),
 *     {@link #NO_SOCKETS} for a simulated run
 * @param events count of messages delivered to nodes plus wakeups processed
 * @param endMicros virtual time the run stopped
 */
public record RunResult(RunKey key, int fanout, List<BroadcastResult> broadcasts, NodeTableSnapshot nodes,
        List<TimelineSample> timeline, List<EventRow> eventRows, long[] sentByType, long[] networkDrops,
        long[] nodeDrops, long lateMembershipCopies, long kernelReceiveDrops, long events, long endMicros) {

    /**
     * {@link #lateMembershipCopies} of a run that cannot tell (a live run: the network's latencies are
     * not drawn, so which copies outlived the horizon is not known). Written as null, not 0, which
     * would claim that none did.
     */
    public static final long NOT_MEASURED = -1;

    /**
     * {@link #kernelReceiveDrops} of a simulated run, whose nodes have no sockets: nothing is written,
     * where a live run writes its count or null.
     */
    public static final long NO_SOCKETS = -2;

    public RunResult {
        broadcasts = List.copyOf(broadcasts);
        timeline = List.copyOf(timeline);
        eventRows = List.copyOf(eventRows);
    }

    /** Total messages sent, every kind. */
    public long totalSent() {
        long total = 0;
        for (long n : sentByType) {
            total += n;
        }
        return total;
    }
}
