package io.gossip.sim.live;

import io.gossip.sim.results.BroadcastResult;
import io.gossip.sim.results.ReceiptDelays;
import io.gossip.udp.MessageId;
import io.gossip.udp.cluster.DeliveryLog;
import io.gossip.udp.cluster.LoopbackCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The broadcasts of one live run and, at its end, what each achieved, in the simulator's terms
 * ({@link BroadcastResult}): the reference set is the slots that were live members when it was
 * sent and still are at the end; delays are first-receipt times measured on the cluster's clock,
 * converted to scenario time with {@link LiveTiming}.
 *
 * <p>Live nodes count gossip transmissions and duplicates per node, not per message, so a
 * broadcast's {@code messages} and {@code duplicates} are the totals counted between its sending
 * and the next broadcast's (or the end of the run): exact when broadcasts do not spread at the same
 * time, attributed to the earlier window otherwise. The totals before a broadcast are asked of the
 * event loops just before it is handed to its origin's loop, and neither is waited for
 * ({@link NodeCounters#totalsAsync}): each loop reads its nodes before it runs anything handed to
 * it later, so the origin's own transmissions of it are never counted early, but a loop busy
 * reading its sockets may handle a few of the broadcast's first copies before it answers, and
 * count them in the window before. Deliveries again ({@code redelivered}) are logged per message,
 * and counted at the nodes of the reference set.
 */
final class LiveBroadcasts {
    /** A broadcast as handed to its origin's loop; both futures are read once the run is over. */
    private record Sent(int origin, CompletableFuture<MessageId> id, int joinsAtSend,
            CompletableFuture<NodeCounters.GossipTotals> before) {
    }

    /** A broadcast's id, when it was sent and the totals before it, once known. */
    private record Known(MessageId id, long elapsedNanos, NodeCounters.GossipTotals before) {
    }

    private final List<Sent> sent = new ArrayList<>();

    /**
     * Records a broadcast just handed to its origin's loop.
     *
     * @param id completes with its id ({@code LoopbackCluster.broadcastAsync}), which also records
     *     when it was handed over
     * @param before the gossip totals over every slot just before it was handed over
     */
    void add(int origin, CompletableFuture<MessageId> id, int joinsAtSend,
            CompletableFuture<NodeCounters.GossipTotals> before) {
        sent.add(new Sent(origin, id, joinsAtSend, before));
    }

    int count() {
        return sent.size();
    }

    /**
     * Every broadcast's result, once each has been handed to its loop and its totals before it read.
     *
     * @param startNanos the cluster-clock time at which the timeline started (scenario time 0)
     * @param atEnd gossip transmissions and duplicate receipts counted by all nodes at the end of the run
     * @throws RuntimeException what a node threw when handed a broadcast it could not send
     */
    List<BroadcastResult> results(LoopbackCluster cluster, SlotTable slots, LiveTiming timing, long startNanos,
            long coverageStepMicros, NodeCounters.GossipTotals atEnd) {
        List<Known> known = new ArrayList<>(sent.size());
        for (Sent s : sent) {
            MessageId id = await(s.id());
            known.add(new Known(id, cluster.broadcastElapsedNanos(id), await(s.before())));
        }
        List<BroadcastResult> out = new ArrayList<>(sent.size());
        long[] delays = new long[slots.size()];
        for (int b = 0; b < sent.size(); b++) {
            Sent s = sent.get(b);
            Known k = known.get(b);
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
                redelivered += cluster.deliveries(slot).redelivered(k.id());
                if (slot == s.origin()) {
                    delays[reached++] = 0;
                    continue;
                }
                DeliveryLog.Receipt receipt = cluster.deliveries(slot).receipt(k.id());
                if (receipt != null) {
                    delays[reached++] = Math.max(0, timing.scenarioMicros(receipt.elapsedNanos() - k.elapsedNanos()));
                    maxHops = Math.max(maxHops, receipt.hops());
                }
            }
            NodeCounters.GossipTotals after = b + 1 < sent.size() ? known.get(b + 1).before() : atEnd;
            long sentAt = timing.scenarioMicros(k.elapsedNanos() - startNanos);
            out.add(ReceiptDelays.result(b, s.origin(), sentAt, live, delays, reached, maxHops,
                    after.gossip() - k.before().gossip(), after.duplicates() - k.before().duplicates(), redelivered,
                    coverageStepMicros));
        }
        return out;
    }

    /** The future's value; what made it fail is thrown as it was (a broadcast refused by its node). */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
