package io.gossip.udp.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.MessageType;
import io.gossip.udp.GossipNode;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.TransportDropReason;
import io.gossip.udp.cluster.LoopbackCluster;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.SplittableRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two live nodes with a keyring: they join and deliver; mismatched configurations never mix. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SealedNodesTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void nodesSharingAKeyJoinAndDeliverThroughSealedDatagrams() throws Exception {
        CompletableFuture<byte[]> delivered = new CompletableFuture<>();
        Keyring ring = Keyring.of(TestKeys.key(1));
        try (GossipNode a = GossipNode.builder().bindEphemeral(LOOPBACK).seed(1).keyring(ring).start();
                GossipNode b = GossipNode.builder().bindEphemeral(LOOPBACK).seed(2).keyring(ring)
                        .onDeliver((id, hops, payload) -> delivered.complete(payload)).start()) {
            a.bootstrap();
            b.join(a.address());
            assertTrue(LoopbackCluster.awaitCondition(() -> a.metrics().partialViewSize() == 1,
                    Duration.ofSeconds(10)));
            a.broadcast(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, delivered.get(10, TimeUnit.SECONDS));
            assertTrue(a.isSealing());
            NodeMetrics m = b.metrics();
            assertEquals(0, m.totalRejected());
            for (TransportDropReason reason : TransportDropReason.values()) {
                assertEquals(0, m.dropped(reason), reason.name());
            }
        }
    }

    @Test
    void aDifferentClusterLabelKeepsTwoClustersWithTheSameKeyApart() throws Exception {
        Keyring ring = Keyring.of(TestKeys.key(1));
        try (GossipNode a = GossipNode.builder().bindEphemeral(LOOPBACK).seed(1).keyring(ring).clusterLabel("blue")
                        .start();
                GossipNode b = GossipNode.builder().bindEphemeral(LOOPBACK).seed(2).keyring(ring).clusterLabel("green")
                        .start()) {
            a.bootstrap();
            b.join(a.address());
            assertTrue(LoopbackCluster.awaitCondition(
                    () -> a.metrics().dropped(TransportDropReason.AUTHENTICATION_FAILED) > 0, Duration.ofSeconds(10)));
            assertEquals(0, a.metrics().inViewSize());
            assertEquals(0, a.metrics().partialViewSize());
            assertEquals(0, a.metrics().core().received(MessageType.SUBSCRIBE), "the join never reached the protocol");
        }
    }

    @Test
    void aPlaintextNodeAndASealedNodeNeverMix() throws Exception {
        try (GossipNode sealed = GossipNode.builder().bindEphemeral(LOOPBACK).seed(1)
                .keyring(Keyring.of(TestKeys.key(1))).start();
                GossipNode plain = GossipNode.builder().bindEphemeral(LOOPBACK).seed(2).insecure().start()) {
            sealed.bootstrap();
            plain.join(sealed.address());
            assertTrue(LoopbackCluster.awaitCondition(
                    () -> sealed.metrics().dropped(TransportDropReason.NOT_SEALED) > 0, Duration.ofSeconds(10)));
            assertEquals(0, sealed.metrics().inViewSize());
            assertEquals(0, sealed.metrics().core().delivered());
        }
    }

    @Test
    void seededRandomDatagramsAtASealedNodeAreCountedByReasonAndNeverReachTheDecoder() throws Exception {
        SplittableRandom random = new SplittableRandom(2026);
        Keyring ring = Keyring.of(TestKeys.key(1));
        CompletableFuture<byte[]> delivered = new CompletableFuture<>();
        try (GossipNode a = GossipNode.builder().bindEphemeral(LOOPBACK).seed(1).keyring(ring).start();
                GossipNode b = GossipNode.builder().bindEphemeral(LOOPBACK).seed(2).keyring(ring)
                        .onDeliver((id, hops, payload) -> delivered.complete(payload)).start();
                DatagramChannel attacker = DatagramChannel.open()) {
            a.bootstrap();
            b.join(a.address());
            assertTrue(LoopbackCluster.awaitCondition(() -> a.metrics().partialViewSize() == 1,
                    Duration.ofSeconds(10)));
            attacker.bind(new InetSocketAddress(LOOPBACK, 0));
            long before = b.metrics().datagramsReceived();
            int total = 0;
            for (int burst = 0; burst < 10; burst++) {
                for (int i = 0; i < 100; i++) {
                    byte[] datagram = new byte[random.nextInt(1_500)];
                    random.nextBytes(datagram);
                    if (datagram.length >= 5 && random.nextBoolean()) { // looks sealed under the right key id
                        ByteBuffer.wrap(datagram).put(SealedFormat.VERSION).putInt(ring.primary().id());
                    }
                    attacker.send(ByteBuffer.wrap(datagram), b.address().toSocketAddress());
                    total++;
                }
                long expected = before + total;
                assertTrue(LoopbackCluster.awaitCondition(() -> b.metrics().datagramsReceived() >= expected,
                        Duration.ofSeconds(10)));
            }
            NodeMetrics m = b.metrics();
            long sealDrops = m.dropped(TransportDropReason.NOT_SEALED) + m.dropped(TransportDropReason.SEAL_MALFORMED)
                    + m.dropped(TransportDropReason.UNKNOWN_KEY) + m.dropped(TransportDropReason.AUTHENTICATION_FAILED);
            assertEquals(total, sealDrops, () -> "drops " + m.droppedMap());
            assertTrue(m.dropped(TransportDropReason.AUTHENTICATION_FAILED) > 0);
            assertEquals(0, m.totalRejected(), "nothing reached the decoder");
            assertEquals(0, m.dropped(TransportDropReason.INTERNAL_ERROR));
            a.broadcast(new byte[] {4});
            assertArrayEquals(new byte[] {4}, delivered.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void contradictoryOrIncompleteConfigurationsAreRefusedAtStart() {
        Keyring ring = Keyring.of(TestKeys.key(1));
        assertThrows(IllegalStateException.class,
                () -> GossipNode.builder().bindEphemeral(LOOPBACK).keyring(ring).insecure().start());
        assertThrows(IllegalStateException.class,
                () -> GossipNode.builder().bindEphemeral(LOOPBACK).clusterLabel("blue").start());
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> GossipNode.builder().bindEphemeral(LOOPBACK).keyring(ring).maxDatagramBytes(150).start());
        assertTrue(tooSmall.getMessage().contains("185"), tooSmall.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GossipNode.builder().clusterLabel("x".repeat(256)));
    }

    @Test
    void aClockSkewWithoutAKeyringIsRefusedRatherThanIgnored() {
        // Only sealed datagrams carry a timestamp: without a keyring the setting would do nothing.
        IllegalStateException plaintext = assertThrows(IllegalStateException.class, () -> GossipNode.builder()
                .bindEphemeral(LOOPBACK).insecure().maxClockSkew(Duration.ofSeconds(5)).start());
        assertTrue(plaintext.getMessage().contains("maxClockSkew(...) needs a keyring"), plaintext.getMessage());
        assertThrows(IllegalStateException.class,
                () -> GossipNode.builder().bindEphemeral(LOOPBACK).maxClockSkew(Duration.ofSeconds(5)).start());
    }
}
