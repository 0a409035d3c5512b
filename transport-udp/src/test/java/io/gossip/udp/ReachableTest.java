package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link GossipNode#reachable()}: when broadcasts can reach a node, which an acknowledged join does
 * not yet tell (the contact acknowledges before any member keeps the subscription). On loopback.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReachableTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static GossipNode start(long seed, DeliveryListener listener) throws IOException {
        return GossipNode.builder().bindEphemeral(LOOPBACK).seed(seed).onDeliver(listener).insecure().start();
    }

    private static IllegalStateException failure(CompletableFuture<Void> reachable) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> reachable.get(20, TimeUnit.SECONDS));
        return assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void theBootstrapNodeIsReachableOnceTheFirstNodeJoinsThroughIt() throws Exception {
        try (GossipNode first = start(1, (id, hops, payload) -> { });
             GossipNode second = start(2, (id, hops, payload) -> { })) {
            first.bootstrap();
            CompletableFuture<Void> reachable = first.reachable();
            assertEquals(0, first.metrics().inView().size());
            assertFalse(reachable.isDone(), "a group of one: nobody holds the node");
            second.join(first.address()).get(20, TimeUnit.SECONDS);
            reachable.get(20, TimeUnit.SECONDS);
            second.reachable().get(20, TimeUnit.SECONDS);
            assertFalse(second.metrics().inView().isEmpty());
            first.reachable().get(20, TimeUnit.SECONDS); // once reachable, a later call completes at once
        }
    }

    /**
     * Nodes join one after another through the first, each waits until it is reachable, and a
     * broadcast from the first then reaches every other node: each keeper was itself held by then.
     */
    @Test
    void aBroadcastAfterEveryNodeIsReachableReachesEveryNode() throws Exception {
        for (long seed = 10; seed < 15; seed++) {
            int n = 8;
            List<Set<MessageId>> delivered = new ArrayList<>();
            List<GossipNode> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    Set<MessageId> log = ConcurrentHashMap.newKeySet();
                    delivered.add(log);
                    nodes.add(start(seed * 100 + i, (id, hops, payload) -> log.add(id)));
                }
                nodes.get(0).bootstrap();
                for (int i = 1; i < n; i++) {
                    nodes.get(i).join(nodes.get(0).address()).get(20, TimeUnit.SECONDS);
                }
                for (GossipNode node : nodes) {
                    node.reachable().get(20, TimeUnit.SECONDS);
                }
                MessageId id = nodes.get(0).broadcast("hello".getBytes(StandardCharsets.UTF_8));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                for (int i = 1; i < n; i++) {
                    while (!delivered.get(i).contains(id) && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    assertTrue(delivered.get(i).contains(id), "seed " + seed + ": node " + i + " missed the broadcast");
                }
            } finally {
                nodes.forEach(GossipNode::close);
            }
        }
    }

    @Test
    void leavingBeforeAnyMemberHoldsTheNodeFailsTheWait() throws Exception {
        try (DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
             GossipNode node = start(3, (id, hops, payload) -> { })) {
            node.join(PeerAddress.of((InetSocketAddress) silent.getLocalAddress()));
            CompletableFuture<Void> reachable = node.reachable();
            node.leave(Duration.ofMillis(1));
            assertEquals("the node left before any member held it in its PartialView",
                    failure(reachable).getMessage());
        }
    }

    @Test
    void closingBeforeAnyMemberHoldsTheNodeFailsTheWait() throws Exception {
        GossipNode node = start(4, (id, hops, payload) -> { });
        node.bootstrap();
        CompletableFuture<Void> reachable = node.reachable();
        node.close();
        assertEquals("the node was closed before any member held it in its PartialView",
                failure(reachable).getMessage());
        assertThrows(IllegalStateException.class, node::reachable);
    }

    @Test
    void leaveAsyncIsOneFutureThatFailsForANodeThatIsNotAMember() throws Exception {
        try (GossipNode node = start(5, (id, hops, payload) -> { })) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> node.leaveAsync().get(20, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            node.bootstrap();
            assertTrue(node.leaveAsync().get(20, TimeUnit.SECONDS), "a group of one has no goodbye to wait for");
        }
    }
}
