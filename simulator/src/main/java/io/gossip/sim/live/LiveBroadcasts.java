package io.gossip.sim.live;

import io.gossip.sim.results.BroadcastResult;
import io.gossip.sim.results.ReceiptDelays;
import io.gossip.udp.MessageId;
import io.gossip.udp.cluster.DeliveryLog;
import io.gossip.udp.cluster.LoopbackCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * The broadcasts of one live run and, at its end, what each achieved, in the simulator's terms
 * ({@link BroadcastResult}): the reference set is the slots that were live members when it was
 * sent and still are at the end; delays are first-receipt times measured on the cluster's clock,
 * converted to scenario time with {@link LiveTiming}.
 *
 * <p>Live nodes count gossip transmissions and duplicates per node, not per message, so a
 * broadcast's {@code messages} and {@code duplicates} are the totals counted between its sending
 * and the next broadcast's (or the end of the run): exact when broadcasts do not spread at the same
 * time, attributed to the earlier window otherwise. Deliveries again ({@code redelivered}) are
 * logged per message, and counted at the nodes of the reference set.
 */
final class LiveBroadcasts {
    private record Sent(int origin, MessageId id, long scenarioMicros, long elapsedNanos, int joinsAtSend,
            long gossipBefore, long duplicatesBefore) {
    }

    private final List<Sent> sent = new ArrayList<>();

    /** Records a broadcast just sent. */
    void add(int origin, MessageId id, long scenarioMicros, long elapsedNanos, int joinsAtSend, long gossipBefore,
            long duplicatesBefore) {
        sent.add(new Sent(origin, id, scenarioMicros, elapsedNanos, joinsAtSend, gossipBefore, duplicatesBefore));
    }

    int count() {
        return sent.size();
    }

    /**
     * Every broadcast's result.
     *
     * @param gossipAtEnd gossip transmissions counted by all nodes at the end of the run
     * @param duplicatesAtEnd duplicate receipts counted by all nodes at the end of the run
     */
    List<BroadcastResult> results(LoopbackCluster cluster, SlotTable slots, LiveTiming timing,
            long coverageStepMicros, long gossipAtEnd, long duplicatesAtEnd) {
        List<BroadcastResult> out = new ArrayList<>(sent.size());
        long[] delays = new long[slots.size()];
        for (int b = 0; b < sent.size(); b++) {
            Sent s = sent.get(b);
            int live = 0;
            int reached = 0;
            int maxHops = 0;
            long redelivered = 0;
            for (int slot = 0; slot < slots.size(); slot++) {
                int tick = slots.joinTick(slot);
                if (!slots.isLive(slot) || tick == 0 || tick > s.joinsAtSend()) {
                    continue;
                }
                live++;
                redelivered += cluster.deliveries(slot).redelivered(s.id());
                if (slot == s.origin()) {
                    delays[reached++] = 0;
                    continue;
                }
                DeliveryLog.Receipt receipt = cluster.deliveries(slot).receipt(s.id());
                if (receipt != null) {
                    delays[reached++] = Math.max(0, timing.scenarioMicros(receipt.elapsedNanos() - s.elapsedNanos()));
                    maxHops = Math.max(maxHops, receipt.hops());
                }
            }
            long gossipAfter = b + 1 < sent.size() ? sent.get(b + 1).gossipBefore() : gossipAtEnd;
            long duplicatesAfter = b + 1 < sent.size() ? sent.get(b + 1).duplicatesBefore() : duplicatesAtEnd;
            out.add(ReceiptDelays.result(b, s.origin(), s.scenarioMicros(), live, delays, reached, maxHops,
                    gossipAfter - s.gossipBefore(), duplicatesAfter - s.duplicatesBefore(), redelivered,
                    coverageStepMicros));
        }
        return out;
    }
}
