package io.gossip.udp.security;

import io.gossip.udp.EventLoop;
import io.gossip.udp.GossipNode;
import io.gossip.udp.GossipNodeBuilder;
import io.gossip.udp.MessageId;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.PeerAddress;
import io.gossip.udp.cluster.LoopbackCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A few live loopback nodes on two shared loops, each built through a caller's customisation (a
 * keyring, or insecure()), each recording which messages it delivered. Test helper.
 */
final class SealedCluster implements AutoCloseable {
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<GossipNode> nodes = new ArrayList<>();
    private final List<Set<MessageId>> delivered = new ArrayList<>();

    static SealedCluster start(int size, long rootSeed, UnaryOperator<GossipNodeBuilder> configure) throws IOException {
        SealedCluster cluster = new SealedCluster();
        try {
            cluster.loops.add(EventLoop.start("sealed-0"));
            cluster.loops.add(EventLoop.start("sealed-1"));
            for (int i = 0; i < size; i++) {
                Set<MessageId> log = ConcurrentHashMap.newKeySet();
                GossipNodeBuilder builder = GossipNode.builder().bindEphemeral(InetAddress.getLoopbackAddress())
                        .seed(rootSeed * 1_000 + i).eventLoop(cluster.loops.get(i % 2))
                        .onDeliver((id, hops, payload) -> log.add(id));
                cluster.nodes.add(configure.apply(builder).start());
                cluster.delivered.add(log);
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Node 0 bootstraps, the others join through it 5 ms apart; true once all settled. */
    boolean joinAllAndSettle() throws InterruptedException {
        nodes.get(0).bootstrap();
        for (int i = 1; i < nodes.size(); i++) {
            Thread.sleep(5); // pacing joins, not waiting for a condition
            nodes.get(i).join(nodes.get(0).address());
        }
        return LoopbackCluster.awaitCondition(() -> nodes.stream().map(GossipNode::metrics).allMatch(m -> m.member()
                && m.unacknowledged() == 0 && m.partialViewSize() > 0 && m.inViewSize() > 0), Duration.ofSeconds(20));
    }

    GossipNode node(int i) {
        return nodes.get(i);
    }

    List<GossipNode> nodes() {
        return nodes;
    }

    PeerAddress address(int i) {
        return nodes.get(i).address();
    }

    Set<MessageId> delivered(int i) {
        return delivered.get(i);
    }

    /** Whether every node except the origin delivered {@code id}. */
    boolean deliveredEverywhere(MessageId id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (!address(i).equals(id.origin()) && !delivered.get(i).contains(id)) {
                return false;
            }
        }
        return true;
    }

    List<NodeMetrics> metrics() {
        return nodes.stream().map(GossipNode::metrics).toList();
    }

    /** Transport drops summed over all nodes, non-zero reasons only, for failure messages. */
    String dropSummary() {
        java.util.Map<io.gossip.udp.TransportDropReason, Long> sums =
                new java.util.EnumMap<>(io.gossip.udp.TransportDropReason.class);
        for (NodeMetrics m : metrics()) {
            m.droppedMap().forEach((reason, n) -> {
                if (n > 0) {
                    sums.merge(reason, n, Long::sum);
                }
            });
        }
        return "transport drops " + sums;
    }

    @Override
    public void close() {
        nodes.forEach(GossipNode::close);
        loops.forEach(EventLoop::close);
    }
}
