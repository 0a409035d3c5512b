package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.cluster.LoopbackCluster;
import io.gossip.udp.security.Keyring;
import io.gossip.udp.security.TestKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GossipNodeTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static GossipNodeBuilder loopbackNode(long seed) {
        return GossipNode.builder().bindEphemeral(LOOPBACK).seed(seed);
    }

    @Test
    void twoNodesJoinAndDeliverABroadcastWithItsOriginAndHops() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        try (GossipNode first = loopbackNode(1).start();
             GossipNode second = loopbackNode(2)
                     .onDeliver((id, hops, payload) -> received.complete(
                             id.origin() + " " + hops + " " + new String(payload, StandardCharsets.UTF_8)))
                     .start()) {
            assertEquals(1, first.seed());
            first.bootstrap();
            second.join(first.address());
            assertTrue(LoopbackCluster.awaitCondition(() -> first.metrics().partialViewSize() == 1,
                    Duration.ofSeconds(10)));
            MessageId id = first.broadcast("hello".getBytes(StandardCharsets.UTF_8));
            assertEquals(first.address(), id.origin());
            assertEquals(first.address() + " 1 hello", received.get(10, TimeUnit.SECONDS));
            NodeMetrics metrics = second.metrics();
            assertEquals(List.of(first.address()), metrics.partialView());
            assertEquals(List.of(first.address()), metrics.inView());
            assertEquals(1, metrics.core().delivered());
        }
    }

    @Test
    void worksOverIpv6Loopback() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        GossipNode first;
        try {
            first = GossipNode.builder().bindEphemeral(v6).seed(8).start();
        } catch (IOException e) {
            Assumptions.abort("no IPv6 loopback here: " + e);
            return;
        }
        CompletableFuture<MessageId> received = new CompletableFuture<>();
        try (first; GossipNode second = GossipNode.builder().bindEphemeral(v6).seed(9)
                .onDeliver((id, hops, payload) -> received.complete(id)).start()) {
            assertTrue(first.address().isIpv6());
            assertTrue(first.address().toString().startsWith("[::1]:"), first.address().toString());
            first.bootstrap();
            second.join(first.address());
            assertTrue(LoopbackCluster.awaitCondition(() -> first.metrics().partialViewSize() == 1,
                    Duration.ofSeconds(10)));
            MessageId id = first.broadcast(new byte[] {1});
            assertEquals(id, received.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void refusesAnOversizedPayloadAtTheApiWithAClearError() throws Exception {
        try (GossipNode node = loopbackNode(3).start()) {
            node.bootstrap();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> node.broadcast(new byte[node.maxPayloadBytes() + 1]));
            assertTrue(e.getMessage().contains("exceeds the limit of 1024 bytes"), e.getMessage());
            node.broadcast(new byte[node.maxPayloadBytes()]);
        }
    }

    @Test
    void refusesAPayloadLimitThatCannotFitTheDatagramLimit() {
        ProtocolConfig big = ProtocolConfig.builder().maxPayloadBytes(1_380).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loopbackNode(4).protocol(big).start());
        assertTrue(e.getMessage().contains("maxPayloadBytes 1380 does not fit: in plaintext, a datagram of 1400 bytes "
                + "carries at most 1349 payload bytes"), e.getMessage());
    }

    @Test
    void sealingLowersTheLargestPayloadAndTheRefusalSaysSo() {
        GossipNodeBuilder sealed = loopbackNode(4).keyring(Keyring.of(TestKeys.key(1)));
        assertEquals(1_349, loopbackNode(4).largestPayloadBytes());
        assertEquals(1_292, sealed.largestPayloadBytes());
        ProtocolConfig plaintextLimit = ProtocolConfig.builder().maxPayloadBytes(1_349).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sealed.protocol(plaintextLimit).start());
        assertTrue(e.getMessage().contains("maxPayloadBytes 1349 does not fit: sealed, a datagram of 1400 bytes "
                + "carries at most 1292 payload bytes (57 bytes of protection"), e.getMessage());
    }

    @Test
    void refusesToBroadcastBeforeJoiningAndToJoinThroughItselfAndAnythingAfterClose() throws Exception {
        GossipNode node = loopbackNode(5).start();
        try {
            assertThrows(IllegalStateException.class, () -> node.broadcast(new byte[1]));
            assertThrows(IllegalArgumentException.class, () -> node.join(node.address()));
            assertThrows(IllegalArgumentException.class, () -> node.join(PeerAddress.parse("0.0.0.0:7000")));
            node.bootstrap();
            assertThrows(IllegalStateException.class, node::bootstrap);
        } finally {
            node.close();
        }
        assertThrows(IllegalStateException.class, () -> node.broadcast(new byte[1]));
        assertThrows(IllegalStateException.class, () -> node.leave(Duration.ofSeconds(1)));
    }

    @Test
    void stateRefusalsNameTheNodeByItsAddressAndALeftNodeCannotJoinAgain() throws Exception {
        try (GossipNode first = loopbackNode(21).start(); GossipNode second = loopbackNode(22).start()) {
            IllegalStateException early = assertThrows(IllegalStateException.class,
                    () -> second.broadcast(new byte[1]));
            assertEquals("cannot broadcast: node " + second.address() + " is new (join or bootstrap first)",
                    early.getMessage());
            first.bootstrap();
            IllegalStateException twice = assertThrows(IllegalStateException.class, first::bootstrap);
            assertEquals("cannot bootstrap: node " + first.address() + " is already a member", twice.getMessage());
            second.join(first.address()).get(10, TimeUnit.SECONDS);
            second.leave(Duration.ofSeconds(5));
            IllegalStateException rejoin = assertThrows(IllegalStateException.class,
                    () -> second.join(first.address()));
            assertEquals("cannot join: node " + second.address() + " has left the group (a node that left cannot "
                    + "join again: start a new node)", rejoin.getMessage());
            IllegalStateException late = assertThrows(IllegalStateException.class, () -> second.broadcast(new byte[1]));
            assertEquals("cannot broadcast: node " + second.address() + " has left the group", late.getMessage());
        }
    }

    @Test
    void aWildcardBindNeedsAnAdvertisedAddress() throws IOException {
        GossipNodeBuilder builder = GossipNode.builder().bindEphemeral(InetAddress.getByName("0.0.0.0"));
        assertThrows(IllegalArgumentException.class, builder::start);
        try (GossipNode node = builder.advertise(PeerAddress.parse("127.0.0.1:7999")).start()) {
            assertEquals(PeerAddress.parse("127.0.0.1:7999"), node.address());
            PeerAddress bound = node.boundAddress();
            assertTrue(bound.isWildcard() && bound.port() > 0, "the wildcard with the port the OS picked: " + bound);
        }
        try (GossipNode plain = GossipNode.builder().bindEphemeral(InetAddress.getLoopbackAddress()).insecure()
                .start()) {
            assertEquals(plain.address(), plain.boundAddress());
        }
    }

    @Test
    void blockingCallsRefuseToRunOnTheLoopThreadButAsyncOnesWork() throws Exception {
        CompletableFuture<Throwable> blockingFailure = new CompletableFuture<>();
        CompletableFuture<MessageId> rebroadcast = new CompletableFuture<>();
        GossipNode[] holder = new GossipNode[1];
        try (GossipNode origin = loopbackNode(6).start();
             GossipNode relay = loopbackNode(7).onDeliver((id, hops, payload) -> {
                 if (payload.length == 1) {
                     try {
                         holder[0].broadcast(new byte[2]);
                     } catch (IllegalStateException e) {
                         blockingFailure.complete(e);
                     }
                     holder[0].broadcastAsync(new byte[2]).thenAccept(rebroadcast::complete);
                 }
             }).start()) {
            holder[0] = relay;
            origin.bootstrap();
            relay.join(origin.address());
            assertTrue(LoopbackCluster.awaitCondition(() -> origin.metrics().partialViewSize() == 1,
                    Duration.ofSeconds(10)));
            origin.broadcast(new byte[1]);
            assertTrue(blockingFailure.get(10, TimeUnit.SECONDS).getMessage().contains("Async"));
            assertEquals(relay.address(), rebroadcast.get(10, TimeUnit.SECONDS).origin());
        }
    }
}
