package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.cluster.LoopbackCluster;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** close() leaves no loop thread running and no socket bound. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResourceLeakTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void closingANodeWithItsOwnLoopStopsTheThreadAndFreesThePort() throws Exception {
        GossipNode node = GossipNode.builder().bindEphemeral(LOOPBACK).seed(1).start();
        String thread = node.eventLoop().threadName();
        node.bootstrap();
        assertTrue(threadAlive(thread));
        PeerAddress address = node.address();
        node.close();
        assertFalse(threadAlive(thread), thread + " still running");
        assertRebindable(address);
    }

    @Test
    void closingAClusterStopsEveryLoopAndFreesEveryPort() throws Exception {
        List<PeerAddress> addresses = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        try (LoopbackCluster cluster = LoopbackCluster.start(
                new LoopbackCluster.Options(10, ProtocolConfig.defaults(), 3, 5, null))) {
            cluster.joinAll();
            assertTrue(cluster.awaitSettled(Duration.ofSeconds(10)));
            assertTrue(cluster.leave(4, Duration.ofSeconds(10)), "every goodbye acknowledged");
            cluster.crash(3);
            for (int i = 0; i < cluster.size(); i++) {
                addresses.add(cluster.address(i));
                threads.add(cluster.node(i).eventLoop().threadName());
            }
        }
        for (String thread : threads) {
            assertFalse(threadAlive(thread), thread + " still running");
        }
        for (PeerAddress address : addresses) {
            assertRebindable(address);
        }
    }

    @Test
    void closingOneNodeOfASharedLoopLeavesTheLoopRunningForTheOthers() throws Exception {
        try (EventLoop loop = EventLoop.start("shared")) {
            GossipNode first = GossipNode.builder().bindEphemeral(LOOPBACK).eventLoop(loop).seed(1).start();
            GossipNode second = GossipNode.builder().bindEphemeral(LOOPBACK).eventLoop(loop).seed(2).start();
            PeerAddress firstAddress = first.address();
            first.close();
            assertRebindable(firstAddress);
            assertTrue(threadAlive(loop.threadName()));
            second.bootstrap();
            assertTrue(second.metrics().member());
            second.close();
        }
    }

    @Test
    void closingASharedLoopClosesItsNodesAndTheySaySo() throws Exception {
        EventLoop loop = EventLoop.start("shared");
        GossipNode node = GossipNode.builder().bindEphemeral(LOOPBACK).eventLoop(loop).seed(1).start();
        PeerAddress address = node.address();
        node.bootstrap();
        loop.close();
        assertRebindable(address);
        assertTrue(node.isClosed(), "EventLoop.close() closed the node: isClosed() must say so");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> node.broadcast(new byte[1]));
        assertTrue(refused.getMessage().contains("node " + address + " is closed"), refused.getMessage());
        node.close(); // still idempotent
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static void assertRebindable(PeerAddress address) throws Exception {
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress(address.ip(), address.port()));
        }
    }
}
