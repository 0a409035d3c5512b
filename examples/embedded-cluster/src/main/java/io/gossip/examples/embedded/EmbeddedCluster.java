package io.gossip.examples.embedded;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.EventLoop;
import io.gossip.udp.GossipNode;
import io.gossip.udp.MessageId;
import io.gossip.udp.NodeMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Five live gossip nodes embedded in one program, on loopback: the first bootstraps the group,
 * the others join through it, one broadcast goes out, every delivery is printed, then everything
 * closes. Run with {@code java io.gossip.examples.embedded.EmbeddedCluster [seed]}.
 */
public final class EmbeddedCluster {
    private static final int NODES = 5;

    private EmbeddedCluster() {
    }

    /**
     * Runs the demonstration on standard output.
     *
     * @throws IllegalStateException if some node did not deliver the broadcast within 20 s (the
     *     JVM then exits with a non-zero status)
     */
    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1L;
        int delivered = run(seed, System.out, Duration.ofSeconds(20));
        if (delivered != NODES - 1) {
            throw new IllegalStateException(
                    "only " + delivered + " of " + (NODES - 1) + " nodes delivered the broadcast");
        }
    }

    /**
     * Runs the demonstration and returns how many nodes delivered the broadcast (NODES - 1 when
     * all went well: the origin does not deliver its own message).
     *
     * @throws TimeoutException if some node was not reachable within {@code timeout}
     */
    public static int run(long seed, PrintStream out, Duration timeout)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        CountDownLatch deliveries = new CountDownLatch(NODES - 1);
        List<GossipNode> nodes = new ArrayList<>();
        // One shared event-loop thread runs all five nodes.
        try (EventLoop loop = EventLoop.start("example")) {
            for (int i = 0; i < NODES; i++) {
                int index = i;
                nodes.add(GossipNode.builder()
                        .bindEphemeral(InetAddress.getLoopbackAddress())
                        .protocol(ProtocolConfig.defaults())
                        .seed(seed + i)
                        .eventLoop(loop)
                        .onDeliver((id, hops, payload) -> {
                            out.printf("node %d delivered %s after %d hop(s): %s%n", index, id, hops,
                                    new String(payload, StandardCharsets.UTF_8));
                            deliveries.countDown();
                        })
                        .start());
            }
            nodes.get(0).bootstrap();
            for (int i = 1; i < NODES; i++) {
                nodes.get(i).join(nodes.get(0).address());
            }
            // A join is acknowledged before any member keeps the subscription: wait until every node
            // is held in some PartialView, else the broadcast may miss the latest joiners for good.
            for (GossipNode node : nodes) {
                node.reachable().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            MessageId id = nodes.get(0).broadcast("hello, group".getBytes(StandardCharsets.UTF_8));
            out.println("node 0 broadcast " + id);
            boolean all = deliveries.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (int i = 0; i < NODES; i++) {
                NodeMetrics m = nodes.get(i).metrics();
                out.printf("node %d at %s: partial view %s, in view %s%n", i, m.address(), m.partialView(), m.inView());
            }
            out.println(all ? "every node delivered the broadcast" : "some node did not deliver in time");
            nodes.forEach(GossipNode::close);
            return (int) (NODES - 1 - deliveries.getCount());
        }
    }
}
