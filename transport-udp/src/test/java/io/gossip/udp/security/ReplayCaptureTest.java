package io.gossip.udp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.udp.GossipNode;
import io.gossip.udp.MessageId;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.PeerAddress;
import io.gossip.udp.TransportDropReason;
import io.gossip.udp.cluster.LoopbackCluster;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A wiretap between two members records every sealed datagram on its way to one of them, then
 * sends them all again: every copy is dropped as a replay and nothing reaches the protocol twice.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReplayCaptureTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void capturedSealedDatagramsSentAgainAreDroppedAsReplays() throws Exception {
        Keyring ring = Keyring.of(TestKeys.key(1));
        Set<MessageId> deliveredAtA = ConcurrentHashMap.newKeySet();
        try (Wiretap tap = Wiretap.open()) {
            try (GossipNode a = GossipNode.builder().bindEphemeral(LOOPBACK).advertise(tap.address()).keyring(ring)
                    .seed(1).onDeliver((id, hops, payload) -> deliveredAtA.add(id)).start();
                    GossipNode b = GossipNode.builder().bindEphemeral(LOOPBACK).keyring(ring).seed(2).start()) {
                PeerAddress realA = a.boundAddress();
                assertEquals(tap.address(), a.address());
                tap.forwardTo(realA);
                a.bootstrap();
                b.join(a.address()); // through the tap: everything sent to A passes it
                assertTrue(LoopbackCluster.awaitCondition(() -> a.metrics().inViewSize() == 1
                        && b.metrics().unacknowledged() == 0 && a.metrics().unacknowledged() == 0,
                        Duration.ofSeconds(10)));
                MessageId id = b.broadcast(new byte[] {5});
                assertTrue(LoopbackCluster.awaitCondition(() -> deliveredAtA.contains(id), Duration.ofSeconds(10)));

                List<byte[]> captured = List.copyOf(tap.captured());
                NodeMetrics before = a.metrics();
                try (DatagramChannel attacker = DatagramChannel.open()) {
                    attacker.bind(new InetSocketAddress(LOOPBACK, 0));
                    for (byte[] datagram : captured) {
                        attacker.send(ByteBuffer.wrap(datagram), realA.toSocketAddress());
                    }
                }
                assertTrue(LoopbackCluster.awaitCondition(
                        () -> a.metrics().dropped(TransportDropReason.REPLAYED) == captured.size(),
                        Duration.ofSeconds(10)),
                        () -> captured.size() + " sent again, drops " + a.metrics().droppedMap());
                NodeMetrics after = a.metrics();
                assertTrue(captured.size() >= 3,
                        "a join, its acknowledgements and a broadcast were captured: " + captured.size());
                assertEquals(Set.of(id), deliveredAtA);
                assertEquals(before.core().delivered(), after.core().delivered());
                assertEquals(0, after.dropped(TransportDropReason.STALE));
                assertEquals(0, after.totalRejected());
            }
        }
    }

    /** A UDP relay that records a copy of every datagram it forwards. */
    private static final class Wiretap implements AutoCloseable {
        private final DatagramChannel channel;
        private final List<byte[]> captured = new CopyOnWriteArrayList<>();
        private Thread thread;

        private Wiretap(DatagramChannel channel) {
            this.channel = channel;
        }

        static Wiretap open() throws Exception {
            DatagramChannel channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(LOOPBACK, 0));
            return new Wiretap(channel);
        }

        PeerAddress address() throws Exception {
            return PeerAddress.of((InetSocketAddress) channel.getLocalAddress());
        }

        void forwardTo(PeerAddress target) {
            thread = new Thread(() -> {
                ByteBuffer buffer = ByteBuffer.allocate(65_536);
                try {
                    while (true) {
                        buffer.clear();
                        channel.receive(buffer);
                        buffer.flip();
                        byte[] copy = new byte[buffer.remaining()];
                        buffer.duplicate().get(copy);
                        captured.add(copy);
                        channel.send(buffer, target.toSocketAddress());
                    }
                } catch (ClosedChannelException e) {
                    // closed by the test: done
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "wiretap");
            thread.setDaemon(true);
            thread.start();
        }

        List<byte[]> captured() {
            return captured;
        }

        @Override
        public void close() throws Exception {
            channel.close();
            if (thread != null) {
                thread.join(5_000);
            }
        }
    }
}
