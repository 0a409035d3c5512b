package io.gossip.udp.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.MessageId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The non-blocking operations live runs and benchmarks use: asynchronous broadcasts and leaves. Waits are bounded. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopbackClusterAsyncTest {
    private static LoopbackCluster settled(int size, long seed) throws Exception {
        LoopbackCluster cluster = LoopbackCluster.start(new LoopbackCluster.Options(size, ProtocolConfig.defaults(),
                2, seed, null));
        cluster.joinAll(Duration.ofMillis(5));
        assertTrue(cluster.awaitSettled(Duration.ofSeconds(20)), "joins settle");
        return cluster;
    }

    @Test
    void asyncBroadcastsReachEveryNodeAndRecordWhenTheyWereSent() throws Exception {
        try (LoopbackCluster cluster = settled(20, 21)) {
            long before = cluster.elapsedNanos();
            List<CompletableFuture<MessageId>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(cluster.broadcastAsync(i, new byte[] {(byte) i}));
            }
            for (CompletableFuture<MessageId> f : sent) {
                MessageId id = f.get(30, TimeUnit.SECONDS);
                assertTrue(cluster.awaitCoverage(id, 1.0, Duration.ofSeconds(10)), "coverage " + cluster.coverage(id));
                long at = cluster.broadcastElapsedNanos(id);
                assertTrue(at >= before, "sending time recorded on the cluster clock: " + at);
            }
        }
    }

    @Test
    void anAsyncLeaveCountsTheNodeGoneAtOnceAndIsAcknowledged() throws Exception {
        try (LoopbackCluster cluster = settled(10, 22)) {
            CompletableFuture<Boolean> left = cluster.leaveAsync(4);
            assertFalse(cluster.isAlive(4));
            assertEquals(9, cluster.liveMetrics().size());
            assertTrue(left.get(30, TimeUnit.SECONDS), "every goodbye acknowledged");
            assertFalse(cluster.node(4).isClosed(), "the node keeps its socket until closed");
            MessageId id = cluster.broadcast(0, new byte[0]);
            assertTrue(cluster.awaitCoverage(id, 1.0, Duration.ofSeconds(10)), "the others still all get it");
        }
    }
}
