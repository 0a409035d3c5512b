package io.gossip.sim.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.KernelReceiveDrops;
import io.gossip.udp.SocketFlood;
import io.gossip.udp.cluster.LoopbackCluster;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A live run's count of the datagrams the kernel dropped: read per slot, and kept for a node that
 * crashed after the reading, whose socket has gone.
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
}
