package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many nodes' metrics in one call, batched per event loop: answers in the order asked, for nodes on
 * shared loops and on their own, open or closed, each as its own metrics() would have it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsOfTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void answersInTheOrderGivenAcrossLoopsAndForClosedNodes() throws Exception {
        List<GossipNode> nodes = new ArrayList<>();
        try (EventLoop first = EventLoop.start("metrics-of-1"); EventLoop second = EventLoop.start("metrics-of-2")) {
            for (int i = 0; i < 6; i++) {
                GossipNodeBuilder builder = GossipNode.builder().bindEphemeral(LOOPBACK).seed(i).insecure();
                // Interleaved: 0, 2, 4 on the first loop, 1 and 3 on the second, 5 on a loop of its own.
                nodes.add((i == 5 ? builder : builder.eventLoop(i % 2 == 0 ? first : second)).start());
            }
            nodes.get(0).bootstrap();
            for (int i = 1; i < 6; i++) {
                nodes.get(i).join(nodes.get(0).address()).get(10, TimeUnit.SECONDS);
            }
            nodes.get(5).close(); // its own loop's thread ends: read on the caller's thread
            List<NodeMetrics> open = GossipNode.metricsOf(nodes).get(10, TimeUnit.SECONDS);
            assertEquals(6, open.size());
            for (int i = 0; i < 6; i++) {
                assertEquals(nodes.get(i).address(), open.get(i).address(), "node " + i);
                assertTrue(open.get(i).member(), "node " + i + " joined");
            }

            // Closed, the nodes' figures hold still: the batch must give each exactly its own.
            nodes.forEach(GossipNode::close);
            List<NodeMetrics> closed = GossipNode.metricsOf(nodes).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 6; i++) {
                NodeMetrics alone = nodes.get(i).metrics();
                assertEquals(Arrays.toString(alone.core().sentByType()),
                        Arrays.toString(closed.get(i).core().sentByType()), "node " + i);
                assertEquals(alone.partialView(), closed.get(i).partialView(), "node " + i);
                assertEquals(alone.datagramsReceived(), closed.get(i).datagramsReceived(), "node " + i);
            }
            assertEquals(List.of(), GossipNode.metricsOf(List.of()).get(1, TimeUnit.SECONDS));
            List<GossipNode> withNull = new ArrayList<>(nodes);
            withNull.add(null);
            assertThrows(NullPointerException.class, () -> GossipNode.metricsOf(withNull));
        } finally {
            nodes.forEach(GossipNode::close);
        }
    }
}
