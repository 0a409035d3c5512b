package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.message.MessageType;
import io.gossip.udp.cluster.LoopbackCluster;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ImpairmentTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void validatesItsParameters() {
        assertThrows(IllegalArgumentException.class, () -> Impairment.forTesting(-0.1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Impairment.forTesting(1.1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Impairment.forTesting(Double.NaN, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Impairment.forTesting(0, 10, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> Impairment.forTesting(0, -1, 5, 1));
    }

    @Test
    void totalLossDropsAndCountsEveryOutgoingDatagram() throws Exception {
        ProtocolConfig quiet =
                ProtocolConfig.builder().noHeartbeats().maxAttempts(3).retransmitTimeoutMillis(20).build();
        try (GossipNode contact = GossipNode.builder().bindEphemeral(LOOPBACK).protocol(quiet).seed(1).start();
             GossipNode cutOff = GossipNode.builder().bindEphemeral(LOOPBACK).protocol(quiet).seed(2)
                     .impairment(Impairment.forTesting(1.0, 0, 0, 3)).start()) {
            contact.bootstrap();
            cutOff.join(contact.address());
            assertTrue(LoopbackCluster.awaitCondition(() -> cutOff.metrics().unacknowledged() == 0,
                    Duration.ofSeconds(10)));
            NodeMetrics m = cutOff.metrics();
            assertEquals(3, m.core().sent(MessageType.SUBSCRIBE), "three attempts");
            assertEquals(3, m.dropped(TransportDropReason.IMPAIRMENT_LOSS));
            assertEquals(0, m.datagramsSent());
            assertEquals(0, contact.metrics().datagramsReceived());
        }
    }

    @Test
    void latencyHoldsEachDatagramBackAtLeastTheMinimum() throws Exception {
        CompletableFuture<Long> deliveredAtNanos = new CompletableFuture<>();
        try (GossipNode slow = GossipNode.builder().bindEphemeral(LOOPBACK).seed(1)
                     .impairment(Impairment.forTesting(0.0, 150, 200, 4)).start();
             GossipNode receiver = GossipNode.builder().bindEphemeral(LOOPBACK).seed(2)
                     .onDeliver((id, hops, payload) -> deliveredAtNanos.complete(System.nanoTime())).start()) {
            slow.bootstrap();
            receiver.join(slow.address());
            assertTrue(LoopbackCluster.awaitCondition(() -> slow.metrics().partialViewSize() == 1,
                    Duration.ofSeconds(10)));
            long sentAtNanos = System.nanoTime();
            slow.broadcast(new byte[] {1});
            long elapsedMillis = (deliveredAtNanos.get(10, TimeUnit.SECONDS) - sentAtNanos) / 1_000_000;
            assertTrue(elapsedMillis >= 150, "delivered after " + elapsedMillis + " ms");
        }
    }
}
