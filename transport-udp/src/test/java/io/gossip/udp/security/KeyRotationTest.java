package io.gossip.udp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.GossipNode;
import io.gossip.udp.MessageId;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.TransportDropReason;
import io.gossip.udp.cluster.LoopbackCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The documented rotation, done on a live cluster while it broadcasts, loses nothing. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KeyRotationTest {
    private static final int NODES = 16;

    @Test
    void rotatingTheKeyOnEveryNodeWhileBroadcastingDeliversEveryBroadcastToEveryNode() throws Exception {
        ClusterKey oldKey = TestKeys.key(1);
        ClusterKey newKey = TestKeys.key(2);
        // c = 2: views of about 3 ln n make every broadcast reach all 16 nodes, so a miss means a lost datagram
        ProtocolConfig redundant = ProtocolConfig.builder().c(2).build();
        try (SealedCluster cluster = SealedCluster.start(NODES, 6,
                b -> b.keyring(Keyring.of(oldKey)).protocol(redundant))) {
            assertTrue(cluster.joinAllAndSettle(), () -> "not settled; " + cluster.dropSummary());
            for (int i = 0; i < NODES; i++) { // the overlay reaches everyone before the rotation starts
                MessageId control = cluster.node(i).broadcast(new byte[] {-1});
                assertTrue(LoopbackCluster.awaitCondition(() -> cluster.deliveredEverywhere(control),
                        Duration.ofSeconds(10)),
                        "before any rotation, a broadcast of node " + i + " did not reach everyone");
            }
            List<MessageId> sent = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread broadcaster = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        sent.add(cluster.node(i % NODES).broadcast(new byte[] {(byte) i}));
                        Thread.sleep(2); // pacing, so broadcasts overlap every step of the rotation
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "broadcaster");
            broadcaster.start();
            List<Integer> sentAtStep = new ArrayList<>();
            waitForBroadcasts(sent, sentAtStep);
            for (GossipNode node : cluster.nodes()) {
                node.installKey(newKey);
            }
            waitForBroadcasts(sent, sentAtStep);
            for (GossipNode node : cluster.nodes()) {
                node.makePrimary(newKey.id());
            }
            waitForBroadcasts(sent, sentAtStep);
            for (GossipNode node : cluster.nodes()) {
                node.removeKey(oldKey.id());
            }
            waitForBroadcasts(sent, sentAtStep);
            stop.set(true);
            broadcaster.join();
            assertEquals(null, failure.get());

            List<MessageId> all = List.copyOf(sent);
            assertTrue(LoopbackCluster.awaitCondition(() -> all.stream().allMatch(cluster::deliveredEverywhere),
                    Duration.ofSeconds(20)),
                    () -> "missing: " + all.stream().filter(id -> !cluster.deliveredEverywhere(id)).count() + " of "
                            + all.size() + " broadcasts; " + cluster.dropSummary());
            for (NodeMetrics m : cluster.metrics()) {
                for (TransportDropReason reason : List.of(TransportDropReason.UNKNOWN_KEY,
                        TransportDropReason.AUTHENTICATION_FAILED, TransportDropReason.REPLAYED,
                        TransportDropReason.STALE)) {
                    assertEquals(0, m.dropped(reason), m.address() + " " + reason);
                }
            }
            for (GossipNode node : cluster.nodes()) {
                assertEquals(List.of(newKey), node.keyring().keys());
            }
            for (int step = 1; step < sentAtStep.size(); step++) {
                assertTrue(sentAtStep.get(step) > sentAtStep.get(step - 1),
                        "broadcasts during every phase: " + sentAtStep);
            }
        }
    }

    @Test
    void removingTheOldKeyBeforeEveryNodeSealsWithTheNewOneDropsTheLaggardsDatagrams() throws Exception {
        ClusterKey oldKey = TestKeys.key(1);
        ClusterKey newKey = TestKeys.key(2);
        try (SealedCluster cluster = SealedCluster.start(2, 7, b -> b.keyring(Keyring.of(oldKey)))) {
            assertTrue(cluster.joinAllAndSettle(), cluster::dropSummary);
            GossipNode early = cluster.node(0);
            GossipNode laggard = cluster.node(1);
            early.installKey(newKey);
            laggard.installKey(newKey);
            early.makePrimary(newKey.id());
            early.removeKey(oldKey.id()); // too early: the laggard still seals with the old key
            MessageId id = laggard.broadcast(new byte[] {1});
            assertTrue(LoopbackCluster.awaitCondition(
                    () -> early.metrics().dropped(TransportDropReason.UNKNOWN_KEY) > 0, Duration.ofSeconds(10)),
                    cluster::dropSummary);
            assertTrue(!cluster.delivered(0).contains(id));
            laggard.makePrimary(newKey.id());
            MessageId after = laggard.broadcast(new byte[] {2});
            assertTrue(LoopbackCluster.awaitCondition(() -> cluster.delivered(0).contains(after),
                    Duration.ofSeconds(10)), "once the laggard switches, its datagrams open again");
        }
    }

    /** Lets at least 50 more broadcasts go out, so each phase of the rotation carries traffic. */
    private static void waitForBroadcasts(List<MessageId> sent, List<Integer> marks) {
        int target = sent.size() + 50;
        assertTrue(LoopbackCluster.awaitCondition(() -> sent.size() >= target, Duration.ofSeconds(10)));
        marks.add(sent.size());
    }
}
