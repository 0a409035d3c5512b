package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.udp.cluster.LoopbackCluster;
import io.gossip.udp.wire.MalformedDatagrams;
import io.gossip.udp.wire.RejectReason;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed and random datagrams thrown at a live node are counted and never stop it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileInputTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void countsEveryMalformedDatagramByReasonAndKeepsDelivering() throws Exception {
        try (Pair pair = Pair.start(); DatagramChannel attacker = DatagramChannel.open()) {
            attacker.bind(new InetSocketAddress(LOOPBACK, 0));
            InetSocketAddress target = pair.receiver().address().toSocketAddress();
            Map<RejectReason, byte[]> cases =
                    MalformedDatagrams.oneOfEach(((InetSocketAddress) attacker.getLocalAddress()).getPort());
            for (byte[] datagram : cases.values()) {
                attacker.send(ByteBuffer.wrap(datagram), target);
            }
            assertTrue(LoopbackCluster.awaitCondition(() -> {
                NodeMetrics m = pair.receiver().metrics();
                return cases.keySet().stream().allMatch(reason -> m.rejected(reason) == 1);
            }, Duration.ofSeconds(10)), () -> "rejections " + pair.receiver().metrics().rejectedMap());
            assertEquals(cases.size(), pair.receiver().metrics().totalRejected());
            pair.assertStillDelivers(new byte[] {42});
        }
    }

    @Test
    void survivesThousandsOfSeededRandomDatagrams() throws Exception {
        SplittableRandom random = new SplittableRandom(2024);
        try (Pair pair = Pair.start(); DatagramChannel attacker = DatagramChannel.open()) {
            attacker.bind(new InetSocketAddress(LOOPBACK, 0));
            InetSocketAddress target = pair.receiver().address().toSocketAddress();
            int total = 0;
            for (int burst = 0; burst < 30; burst++) {
                for (int i = 0; i < 100; i++) {
                    byte[] datagram = new byte[random.nextInt(1_600)];
                    random.nextBytes(datagram);
                    if (datagram.length >= 3 && random.nextBoolean()) { // a valid prefix, to get past the magic
                        datagram[0] = 0x47;
                        datagram[1] = 1;
                        datagram[2] = (byte) (1 + random.nextInt(10));
                    }
                    attacker.send(ByteBuffer.wrap(datagram), target);
                    total++;
                }
                // Let the node catch up so the kernel's receive buffer never overflows.
                int sentSoFar = total;
                assertTrue(LoopbackCluster.awaitCondition(
                        () -> pair.receiver().metrics().datagramsReceived() >= sentSoFar, Duration.ofSeconds(10)),
                        "received " + pair.receiver().metrics().datagramsReceived() + " of " + total);
            }
            NodeMetrics m = pair.receiver().metrics();
            assertTrue(m.totalRejected() > total * 0.99,
                    "nearly all random datagrams are rejected: " + m.rejectedMap());
            assertEquals(0, m.dropped(TransportDropReason.INTERNAL_ERROR));
            pair.assertStillDelivers(new byte[] {7});
        }
    }

    @Test
    void aPeerNamingAnIpv6AddressToAnIpv4NodeCostsOneCountedSendFailureNotTheNode() throws Exception {
        try (Pair pair = Pair.start(); DatagramChannel attacker = DatagramChannel.open()) {
            attacker.bind(new InetSocketAddress(LOOPBACK, 0));
            // A well-formed Subscribe whose advertised sender is an IPv6 address: the IPv4 node
            // must answer it (Ack, Keep...) but its socket cannot send there.
            ByteBuffer subscribe = ByteBuffer.allocate(32)
                    .put(new byte[] {0x47, 1, 1, 16, 0x20, 0x01, 0x0d, (byte) 0xb8})
                    .put(new byte[12]).putShort((short) 9).putInt(7).putInt(0).putShort((short) 0).flip();
            attacker.send(subscribe, pair.origin().address().toSocketAddress());
            assertTrue(LoopbackCluster.awaitCondition(
                    () -> pair.origin().metrics().dropped(TransportDropReason.SEND_FAILED) > 0, Duration.ofSeconds(10)),
                    () -> "drops " + pair.origin().metrics().droppedMap());
            assertEquals(0, pair.origin().metrics().totalRejected());
            pair.assertStillDelivers(new byte[] {9});
        }
    }

    /** A bootstrap node and a receiver that joined through it. */
    private record Pair(GossipNode origin, GossipNode receiver, CompletableFuture<byte[]> delivered)
            implements AutoCloseable {

        static Pair start() throws Exception {
            CompletableFuture<byte[]> delivered = new CompletableFuture<>();
            GossipNode origin = GossipNode.builder().bindEphemeral(LOOPBACK).seed(1).start();
            GossipNode receiver = GossipNode.builder().bindEphemeral(LOOPBACK).seed(2)
                    .onDeliver((id, hops, payload) -> delivered.complete(payload)).start();
            origin.bootstrap();
            receiver.join(origin.address());
            assertTrue(LoopbackCluster.awaitCondition(() -> origin.metrics().partialViewSize() == 1,
                    Duration.ofSeconds(10)));
            return new Pair(origin, receiver, delivered);
        }

        void assertStillDelivers(byte[] payload) throws Exception {
            origin.broadcast(payload);
            assertEquals(payload[0], delivered.get(10, TimeUnit.SECONDS)[0]);
        }

        @Override
        public void close() {
            receiver.close();
            origin.close();
        }
    }
}
