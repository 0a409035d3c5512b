package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.security.Keyring;
import io.gossip.udp.security.TestKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@link GossipNode#join} tells its caller, on loopback with a short retransmission schedule. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JoinOutcomeTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Transmissions at 0, 20 and 60 ms; given up at 140 ms. */
    private static final ProtocolConfig QUICK_RETRANSMISSIONS = ProtocolConfig.defaults().toBuilder()
            .maxAttempts(3).retransmitTimeoutMillis(20).build();
    private static final Duration SCHEDULE = Duration.ofMillis(20 + 40 + 80);

    private static GossipNodeBuilder node(long seed) {
        return GossipNode.builder().bindEphemeral(LOOPBACK).seed(seed).protocol(QUICK_RETRANSMISSIONS).insecure();
    }

    /** A bound socket that never answers: the port cannot be taken by anyone else meanwhile. */
    private static DatagramChannel silentSocket() throws Exception {
        return DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
    }

    private static JoinFailedException failure(CompletableFuture<Void> joined) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> joined.get(20, TimeUnit.SECONDS));
        return assertInstanceOf(JoinFailedException.class, e.getCause());
    }

    @Test
    void aJoinAcknowledgedByTheContactCompletesNormally() throws Exception {
        try (GossipNode first = node(1).start(); GossipNode second = node(2).start()) {
            first.bootstrap();
            CompletableFuture<Void> joined = second.join(first.address());
            joined.get(20, TimeUnit.SECONDS);
            assertTrue(second.metrics().member());
            assertEquals(List.of(first.address()), second.metrics().partialView());
        }
    }

    /** Every datagram to such a contact fails to send: the join would wait out its whole schedule. */
    @Test
    void aContactTheSocketCannotSendToIsRefusedAtOnceAndTheNodeCanStillJoin() throws Exception {
        try (GossipNode first = node(1).start(); GossipNode v4 = node(5).start()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> v4.join(PeerAddress.parse("[::1]:7101")));
            assertEquals("node " + v4.address() + " is bound to an IPv4 address, which cannot send to the IPv6 "
                    + "contact [::1]:7101: bind it to an IPv6 address, or to [::], which reaches both", e.getMessage());
            first.bootstrap();
            v4.join(first.address()).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void anIpv6SocketReachesIpv4ContactsOnlyWhenBoundToTheWildcard() throws Exception {
        GossipNode v6;
        try {
            v6 = GossipNode.builder().bindEphemeral(InetAddress.getByName("::1")).seed(6).insecure().start();
        } catch (java.io.IOException noIpv6) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + noIpv6);
            return;
        }
        try (v6; GossipNode first = node(7).start(); GossipNode dual = GossipNode.builder()
                .bindEphemeral(InetAddress.getByName("::")).advertise(LOOPBACK)
                .seed(8).protocol(QUICK_RETRANSMISSIONS).insecure().start()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v6.join(first.address()));
            assertEquals("node " + v6.address() + " is bound to a specific IPv6 address, which cannot send to the "
                    + "IPv4 contact " + first.address() + ": bind it to an IPv4 address, or to [::], which reaches "
                    + "both", e.getMessage());
            first.bootstrap();
            dual.join(first.address()).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aJoinThroughASilentAddressFailsNamingTheContactTheAttemptsAndTheTime() throws Exception {
        try (DatagramChannel silent = silentSocket(); GossipNode node = node(3).start()) {
            PeerAddress dead = PeerAddress.of((InetSocketAddress) silent.getLocalAddress());
            JoinFailedException e = failure(node.join(dead));
            assertEquals(dead, e.contact());
            assertTrue(e.getMessage().startsWith("the join through " + dead + " failed: no acknowledgement after 3 "
                    + "attempts ("), e.getMessage());
            assertTrue(e.getMessage().contains("another cluster key, cluster label or certificate authority"),
                    e.getMessage());
            assertFalse(e.elapsed().compareTo(SCHEDULE) < 0,
                    "not given up before the schedule ran out: " + e.elapsed());
            NodeMetrics after = node.metrics();
            assertTrue(after.member(), "the node stays a member, as the protocol leaves it");
            assertEquals(List.of(dead), after.partialView(), "holding the silent contact, for isolation recovery");
        }
    }

    @Test
    void aContactUnderAnotherKeyLooksTheSameAsASilentOne() throws Exception {
        try (GossipNode contact = GossipNode.builder().bindEphemeral(LOOPBACK).seed(4)
                     .protocol(QUICK_RETRANSMISSIONS).keyring(Keyring.of(TestKeys.key(1))).start();
             GossipNode node = GossipNode.builder().bindEphemeral(LOOPBACK).seed(5)
                     .protocol(QUICK_RETRANSMISSIONS).keyring(Keyring.of(TestKeys.key(2))).start()) {
            contact.bootstrap();
            JoinFailedException e = failure(node.join(contact.address()));
            assertEquals(contact.address(), e.contact());
            assertEquals(0, contact.metrics().inView().size(), "the contact never opened the subscription");
        }
    }

    @Test
    void closingTheNodeBeforeTheAckFailsTheJoin() throws Exception {
        try (DatagramChannel silent = silentSocket()) {
            GossipNode node = GossipNode.builder().bindEphemeral(LOOPBACK).seed(6).insecure().start();
            CompletableFuture<Void> joined = node.join(PeerAddress.of((InetSocketAddress) silent.getLocalAddress()));
            assertFalse(joined.isDone(), "the default schedule takes 15.75 s");
            node.close();
            JoinFailedException e = failure(joined);
            assertTrue(e.getMessage().endsWith("the node was closed before the contact acknowledged its subscription"),
                    e.getMessage());
        }
    }

    @Test
    void leavingBeforeTheAckFailsTheJoin() throws Exception {
        try (DatagramChannel silent = silentSocket();
             GossipNode node = GossipNode.builder().bindEphemeral(LOOPBACK).seed(7).insecure().start()) {
            CompletableFuture<Void> joined = node.join(PeerAddress.of((InetSocketAddress) silent.getLocalAddress()));
            node.leave(Duration.ofMillis(1));
            JoinFailedException e = failure(joined);
            assertTrue(e.getMessage().endsWith("the node left before the contact acknowledged its subscription"),
                    e.getMessage());
        }
    }
}
