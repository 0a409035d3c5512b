package io.gossip.udp.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.MessageId;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.PeerAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Live clusters on 127.0.0.1, ephemeral ports, a few loop threads. Every wait is bounded. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopbackClusterTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);
    /** Joins a few milliseconds apart grow views as SCAMP intends (see LoopbackCluster.joinAll). */
    private static final Duration JOIN_SPACING = Duration.ofMillis(5);

    private static LoopbackCluster start(int size, ProtocolConfig config, long seed) throws Exception {
        return LoopbackCluster.start(new LoopbackCluster.Options(size, config, 2, seed, null));
    }

    @Test
    void fiftyNodesJoinAndEveryNodeReceivesABroadcast() throws Exception {
        try (LoopbackCluster cluster = start(50, ProtocolConfig.defaults(), 11)) {
            cluster.joinAll(JOIN_SPACING);
            assertTrue(cluster.awaitSettled(SETTLE), "joins settle");
            MessageId id = cluster.broadcast(17, "fifty".getBytes(StandardCharsets.UTF_8));
            assertTrue(cluster.awaitCoverage(id, 1.0, Duration.ofSeconds(10)),
                    "coverage " + cluster.coverage(id));
            assertFalse(cluster.deliveries(17).delivered(id), "the origin does not deliver its own message");
            long sentAt = cluster.broadcastElapsedNanos(id);
            assertTrue(sentAt >= 0);
            for (int i = 0; i < cluster.size(); i++) {
                if (i != 17) {
                    assertTrue(cluster.deliveries(i).receipt(id).hops() >= 1);
                    assertTrue(cluster.deliveries(i).receipt(id).elapsedNanos() >= sentAt, "received after sent");
                }
            }
            double meanView = cluster.liveMetrics().stream().mapToInt(NodeMetrics::partialViewSize).average().orElse(0);
            assertTrue(meanView >= 2, "views grew beyond the contact: mean " + meanView);
            for (int i = 0; i < cluster.size(); i++) {
                assertEquals(0, cluster.node(i).eventLoop().errorCount(), "no exception escaped into the loop");
                assertEquals(0, cluster.node(i).metrics().totalRejected(), "well-formed traffic only");
            }
            assertEquals(0, cluster.loopErrors(), "the loops' errors added up");
        }
    }

    @Test
    void aGracefulLeaveRemovesTheLeaverFromEveryView() throws Exception {
        try (LoopbackCluster cluster = start(20, ProtocolConfig.defaults(), 12)) {
            cluster.joinAll(JOIN_SPACING);
            assertTrue(cluster.awaitSettled(SETTLE));
            PeerAddress leaver = cluster.address(7);
            assertTrue(holders(cluster, leaver) > 0, "someone holds node 7 before it leaves");
            assertTrue(cluster.leave(7, Duration.ofSeconds(10)), "every goodbye acknowledged");
            assertTrue(LoopbackCluster.awaitCondition(() -> holders(cluster, leaver) == 0
                    && inViewsNaming(cluster, leaver) == 0, Duration.ofSeconds(10)), "views forget the leaver");
            MessageId id = cluster.broadcast(3, new byte[] {1});
            assertTrue(cluster.awaitCoverage(id, 1.0, Duration.ofSeconds(10)), "coverage " + cluster.coverage(id));
        }
    }

    @Test
    void leasesPurgeACrashedNodeFromEveryPartialViewAndTheGroupReachesEveryoneAgain() throws Exception {
        // Short retransmission backoff: the crashed node stays in the InViews of the nodes it held
        // (nobody can tell them otherwise), so walks that step onto it wait for the retransmissions
        // to run out before going elsewhere; with the default backoff (250 ms doubling, 6 attempts:
        // 15.75 s) that detour is far longer than the 2 s lease and renewals keep missing their
        // deadline. 50 ms x 3 attempts gives up after 350 ms.
        ProtocolConfig config = ProtocolConfig.builder().leaseDurationMillis(2_000)
                .heartbeatPeriodMillis(250).isolationTimeoutMillis(2_000)
                .retransmitTimeoutMillis(50).maxAttempts(3).build();
        try (LoopbackCluster cluster = start(20, config, 13)) {
            cluster.joinAll(JOIN_SPACING);
            assertTrue(cluster.awaitSettled(SETTLE));
            PeerAddress crashed = cluster.address(5);
            assertTrue(holders(cluster, crashed) > 0);
            cluster.crash(5);
            assertTrue(LoopbackCluster.awaitCondition(() -> holders(cluster, crashed) == 0, Duration.ofSeconds(15)),
                    "no PartialView still holds the crashed node");
            assertTrue(eventuallyABroadcastReachesEveryone(cluster, 9, Duration.ofSeconds(20)));
        }
    }

    @Test
    void withoutLeasesANodeWhoseInNeighboursAllCrashedRecoversThroughIsolationDetection() throws Exception {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(200).isolationTimeoutMillis(1_000)
                .retransmitTimeoutMillis(50).maxAttempts(3).build();
        try (LoopbackCluster cluster = start(20, config, 15)) {
            cluster.joinAll(JOIN_SPACING);
            assertTrue(cluster.awaitSettled(SETTLE));
            int orphan = 11;
            PeerAddress orphanAddress = cluster.address(orphan);
            List<Integer> inNeighbours = holderIndices(cluster, orphanAddress);
            assertFalse(inNeighbours.isEmpty());
            assertTrue(inNeighbours.size() < cluster.size() - 2, "some nodes survive: " + inNeighbours);
            long recoveriesBefore = cluster.node(orphan).metrics().core().isolationRecoveries();
            inNeighbours.forEach(cluster::crash);
            assertTrue(holderIndices(cluster, orphanAddress).isEmpty(), "no survivor holds the orphan");

            assertTrue(LoopbackCluster.awaitCondition(() -> !holderIndices(cluster, orphanAddress).isEmpty(),
                    Duration.ofSeconds(20)), "a survivor holds the orphan again");
            assertTrue(cluster.node(orphan).metrics().core().isolationRecoveries() > recoveriesBefore,
                    "the orphan re-subscribed because its heartbeats stopped");
            int holder = holderIndices(cluster, orphanAddress).get(0);
            MessageId id = cluster.broadcast(holder, new byte[] {4});
            assertTrue(LoopbackCluster.awaitCondition(() -> cluster.deliveries(orphan).delivered(id),
                    Duration.ofSeconds(10)), "the orphan receives gossip again");
        }
    }

    /** Indices of the live nodes whose PartialView holds {@code address}. */
    private static List<Integer> holderIndices(LoopbackCluster cluster, PeerAddress address) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            if (cluster.isAlive(i) && cluster.node(i).metrics().partialView().contains(address)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Broadcasts from {@code origin} until one message reaches every live node, or time runs out. */
    private static boolean eventuallyABroadcastReachesEveryone(LoopbackCluster cluster, int origin, Duration timeout) {
        byte[] counter = {0};
        return LoopbackCluster.awaitCondition(() -> {
            MessageId id = cluster.broadcast(origin, new byte[] {counter[0]++});
            return cluster.awaitCoverage(id, 1.0, Duration.ofMillis(1_500));
        }, timeout);
    }


    @Test
    void leasesAreRenewedOverTheWireAndKeepTheGroupConnected() throws Exception {
        ProtocolConfig config =
                ProtocolConfig.builder().leaseDurationMillis(2_000).retransmitTimeoutMillis(100).build();
        try (LoopbackCluster cluster = start(16, config, 14)) {
            cluster.joinAll(JOIN_SPACING);
            assertTrue(cluster.awaitSettled(SETTLE));
            // Every node renews within its first lease (at most 2 s) and keepers expire old entries.
            assertTrue(LoopbackCluster.awaitCondition(() -> {
                List<NodeMetrics> metrics = cluster.liveMetrics();
                return metrics.stream().allMatch(m -> m.core().leaseRenewals() >= 2)
                        && metrics.stream().mapToLong(m -> m.core().leaseExpiries()).sum() > 0;
            }, Duration.ofSeconds(15)), "two renewals per node and some expiries");
            assertTrue(cluster.awaitSettled(SETTLE));
            // Views keep changing as 2 s leases expire and are renewed, and on a loaded machine one
            // broadcast can leave while its origin's entries are in between (a fresh clone's full
            // build once saw one reach only its origin): connected means a broadcast soon reaches all.
            assertTrue(eventuallyABroadcastReachesEveryone(cluster, 0, Duration.ofSeconds(20)),
                    "no broadcast from node 0 reached every live node within 20 s");
        }
    }

    private static long holders(LoopbackCluster cluster, PeerAddress address) {
        return cluster.liveMetrics().stream().filter(m -> m.partialView().contains(address)).count();
    }

    private static long inViewsNaming(LoopbackCluster cluster, PeerAddress address) {
        return cluster.liveMetrics().stream().filter(m -> m.inView().contains(address)).count();
    }

    @Test
    void deliveryLogsKeepTheFirstReceiptAndCountLaterOnes() {
        DeliveryLog log = new DeliveryLog();
        MessageId id = new MessageId(PeerAddress.parse("127.0.0.1:1"), 0);
        MessageId other = new MessageId(PeerAddress.parse("127.0.0.1:1"), 1);
        log.record(id, 10, 1);
        assertEquals(0, log.redelivered(id));
        log.record(id, 20, 2);
        log.record(id, 30, 3);
        log.record(other, 40, 1);
        assertEquals(new DeliveryLog.Receipt(10, 1), log.receipt(id));
        assertEquals(2, log.redelivered(id));
        assertEquals(0, log.redelivered(other));
        assertEquals(2, log.size());
    }
}
