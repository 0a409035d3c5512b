package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.message.MessageType;
import io.gossip.udp.cluster.LoopbackCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node closed and started again at the same address, which is its earlier incarnation's id at
 * its peers: they still remember that incarnation's membership sequence numbers and message ids,
 * and the new node is not taken for it. On loopback.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestartTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Without indirection the contact forwards every subscription itself: what the test counts. */
    private static final ProtocolConfig CONFIG = ProtocolConfig.builder().indirection(false).build();

    private static GossipNodeBuilder node(long seed, Set<MessageId> delivered) {
        return GossipNode.builder().protocol(CONFIG).seed(seed).onDeliver((id, hops, payload) -> delivered.add(id))
                .insecure();
    }

    private static long forwardedBy(GossipNode node) {
        return node.metrics().core().sent(MessageType.FORWARDED_SUBSCRIPTION);
    }

    @Test
    void aNodeRestartedAtTheSameAddressWithTheSameSeedRejoinsAndIsHeard() throws Exception {
        Set<MessageId> atContact = ConcurrentHashMap.newKeySet();
        Set<MessageId> ignored = ConcurrentHashMap.newKeySet();
        try (GossipNode contact = node(1, atContact).bindEphemeral(LOOPBACK).start();
             GossipNode peer = node(2, ignored).bindEphemeral(LOOPBACK).start()) {
            contact.bootstrap();
            peer.join(contact.address()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            PeerAddress address;
            MessageId before;
            try (GossipNode first = node(3, ignored).bindEphemeral(LOOPBACK).start()) {
                address = first.address();
                first.join(contact.address()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                before = first.broadcast(new byte[] {1});
                MessageId heard = before;
                assertTrue(LoopbackCluster.awaitCondition(() -> atContact.contains(heard), WAIT));
                assertTrue(LoopbackCluster.awaitCondition(() -> contact.metrics().unacknowledged() == 0
                        && peer.metrics().unacknowledged() == 0 && first.metrics().unacknowledged() == 0, WAIT));
            }
            // The contact has a member to forward the new subscription to (nothing removes it).
            assertTrue(contact.metrics().partialView().contains(peer.address()));
            long forwarded = forwardedBy(contact);
            // Within the retransmit horizon (15.75 s) of the first join, and the same seed.
            try (GossipNode again = node(3, ignored).bind(address).start()) {
                again.join(contact.address()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertTrue(LoopbackCluster.awaitCondition(() -> forwardedBy(contact) > forwarded, WAIT),
                        "the contact handled the join, not took it for a retransmission: " + contact.metrics());
                MessageId after = again.broadcast(new byte[] {2});
                // Equal first sequence numbers (odds 2^-31) would be the bug: the seed does not decide them.
                assertNotEquals(before.sequence(), after.sequence());
                assertTrue(LoopbackCluster.awaitCondition(() -> atContact.contains(after), WAIT),
                        "the contact delivered the restarted node's first broadcast: " + contact.metrics());
            }
        }
    }

    @Test
    void aRestartedNodeItsOnlyPeerStillHoldsIsReachable() throws Exception {
        Set<MessageId> ignored = ConcurrentHashMap.newKeySet();
        try (GossipNode contact = node(1, ignored).bindEphemeral(LOOPBACK).start()) {
            contact.bootstrap();
            PeerAddress address;
            try (GossipNode first = node(3, ignored).bindEphemeral(LOOPBACK).start()) {
                address = first.address();
                first.join(contact.address()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                first.reachable().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            assertTrue(contact.metrics().partialView().contains(address), "the contact kept the first join");
            // The contact already holds the address, so it keeps no copy of the new subscription and
            // nobody tells the new node it is held; the contact's heartbeats along that arc do.
            try (GossipNode again = node(3, ignored).bind(address).start()) {
                again.join(contact.address()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                again.reachable().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals(0, again.metrics().inViewSize(), "no member told it: the heartbeat did");
            }
        }
    }
}
