package io.gossip.sim.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.message.MessageType;
import io.gossip.udp.KernelReceiveDrops;
import io.gossip.udp.MessageId;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.SocketFlood;
import io.gossip.udp.cluster.LoopbackCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A live run's counts: the gossip totals a broadcast step asks for without waiting, and the count of
 * the datagrams the kernel dropped, read per slot and kept for a node that crashed after the
 * reading, whose socket has gone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeCountersTest {
    @Test
    void aCrashedNodesKernelDropsStandAfterItsSocketCloses() throws Exception {
        assumeTrue(KernelReceiveDrops.read().available(), "needs Linux's /proc/net/udp");
        List<Integer> all = List.of(0, 1, 2);
        try (LoopbackCluster cluster = LoopbackCluster.start(
                new LoopbackCluster.Options(3, ProtocolConfig.defaults(), 1, 3, null))) {
            NodeCounters counters = new NodeCounters(3);
            counters.refreshKernelDrops(cluster, all);
            assertEquals(0, counters.kernelReceiveDrops());
            try (SocketFlood.HeldLoop held = SocketFlood.holdLoop(cluster.node(0))) { // one loop for all three
                SocketFlood.overflow(cluster.node(1));
                long settled = SocketFlood.awaitDrops(cluster.node(1));
                counters.refreshKernelDrops(cluster, all);
                assertEquals(settled, counters.kernelReceiveDrops(), "node 1's alone");
            }
            long dropped = counters.kernelReceiveDrops();
            assertTrue(dropped < SocketFlood.DATAGRAMS, "dropped " + dropped);

            cluster.crash(1);
            counters.refreshKernelDrops(cluster, all);
            assertEquals(dropped, counters.kernelReceiveDrops(), "the crashed node's reading stands");
        }
    }

    @Test
    void gossipTotalsAreAskedWithoutWaitingForABusyLoop() throws Exception {
        try (LoopbackCluster cluster = LoopbackCluster.start(
                new LoopbackCluster.Options(3, ProtocolConfig.defaults(), 1, 5, null))) {
            cluster.joinAll();
            assertTrue(cluster.awaitSettled(Duration.ofSeconds(20)), "joins settled");
            broadcastAndSettle(cluster, 0);
            NodeCounters counters = new NodeCounters(3);
            CompletableFuture<NodeCounters.GossipTotals> totals;
            try (SocketFlood.HeldLoop held = SocketFlood.holdLoop(cluster.node(0))) { // the one loop
                totals = counters.totalsAsync(cluster, List.of(0, 1, 2));
                assertFalse(totals.isDone(), "asked, not awaited: the loop is held");
            }
            counters.refresh(cluster, List.of(0, 1, 2));
            NodeCounters.GossipTotals read = counters.totals();
            assertTrue(read.gossip() >= 2, "the origin sent to its PartialView: " + read.gossip());
            assertEquals(read, totals.join());
        }
    }

    @Test
    void aCrashedNodeCountsWithItsLastSnapshotAndAnOpenOneWithAFreshOne() throws Exception {
        try (LoopbackCluster cluster = LoopbackCluster.start(
                new LoopbackCluster.Options(3, ProtocolConfig.defaults(), 1, 6, null))) {
            cluster.joinAll();
            assertTrue(cluster.awaitSettled(Duration.ofSeconds(20)), "joins settled");
            NodeCounters counters = new NodeCounters(3);
            broadcastAndSettle(cluster, 0);
            counters.refresh(cluster, List.of(0, 1, 2)); // stale for nodes 0 and 2 after the next broadcast
            broadcastAndSettle(cluster, 1);
            counters.refresh(cluster, List.of(1)); // as a crash step reads a node before closing it
            cluster.crash(1);

            NodeCounters.GossipTotals totals = counters.totalsAsync(cluster, List.of(0, 2)).join();
            long open = 0;
            long openDuplicates = 0;
            for (int slot : List.of(0, 2)) {
                NodeMetrics m = cluster.node(slot).metrics();
                open += m.core().sent(MessageType.GOSSIP);
                openDuplicates += m.core().duplicates();
            }
            NodeMetrics crashed = counters.get(1);
            assertTrue(crashed.core().sent(MessageType.GOSSIP) > 0, "node 1 broadcast before it crashed");
            assertEquals(new NodeCounters.GossipTotals(open + crashed.core().sent(MessageType.GOSSIP),
                    openDuplicates + crashed.core().duplicates()), totals, "fresh figures for 0 and 2, not stale ones");
        }
    }

    /** Node {@code origin} broadcasts; returns once every node has it and every copy has been handled. */
    private static void broadcastAndSettle(LoopbackCluster cluster, int origin) {
        MessageId id = cluster.broadcast(origin, new byte[8]);
        assertTrue(cluster.awaitCoverage(id, 1.0, Duration.ofSeconds(20)), "every node has it");
        assertTrue(LoopbackCluster.awaitCondition(() -> {
            long sent = 0;
            long received = 0;
            for (NodeMetrics m : cluster.liveMetrics()) {
                sent += m.core().sent(MessageType.GOSSIP);
                received += m.core().received(MessageType.GOSSIP);
            }
            return sent == received;
        }, Duration.ofSeconds(20)), "every copy handled (no loss on loopback)");
    }
}
