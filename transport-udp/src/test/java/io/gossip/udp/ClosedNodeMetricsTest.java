package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.udp.cluster.LoopbackCluster;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A program that closes its nodes and then prints their figures gets the figures they closed with,
 * whether each node had its own loop (whose thread close() ends) or shared one that goes on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClosedNodeMetricsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void nodesWithTheirOwnLoopsAnswerMetricsAfterClose() throws Exception {
        checkFiguresSurviveClose(null);
    }

    @Test
    void nodesOnASharedLoopAnswerMetricsAfterClose() throws Exception {
        try (EventLoop loop = EventLoop.start("closed-metrics")) {
            checkFiguresSurviveClose(loop);
        }
    }

    private static void checkFiguresSurviveClose(EventLoop sharedOrNull) throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        GossipNode first = builder(sharedOrNull, 1).onDeliver((id, hops, payload) -> delivered.incrementAndGet())
                .start();
        GossipNode second = builder(sharedOrNull, 2).start();
        try {
            first.bootstrap();
            second.join(first.address()).get(10, TimeUnit.SECONDS);
            first.reachable().get(10, TimeUnit.SECONDS);
            second.broadcast(new byte[] {1});
            assertTrue(LoopbackCluster.awaitCondition(() -> delivered.get() == 1, Duration.ofSeconds(10)));
        } finally {
            first.close();
        }
        NodeMetrics afterClose = first.metrics();
        assertTrue(first.isClosed());
        assertEquals(1, afterClose.core().delivered());
        assertTrue(afterClose.member(), "closing is not leaving: the node was a member when it closed");
        assertEquals(1, afterClose.partialViewSize());
        assertTrue(afterClose.partialView().contains(second.address()), afterClose.partialView()::toString);
        assertEquals(afterClose.core().delivered(), first.metrics().core().delivered(), "a second read agrees");
        assertFalse(second.isClosed());
        second.close();
        assertTrue(second.metrics().core().sentByType().length > 0);
    }

    private static GossipNodeBuilder builder(EventLoop sharedOrNull, long seed) {
        GossipNodeBuilder builder = GossipNode.builder().bindEphemeral(LOOPBACK).seed(seed).insecure();
        return sharedOrNull == null ? builder : builder.eventLoop(sharedOrNull);
    }
}
