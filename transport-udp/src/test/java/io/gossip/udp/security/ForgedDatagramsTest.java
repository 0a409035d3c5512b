package io.gossip.udp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.IdTable;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Remove;
import io.gossip.protocol.message.Replace;
import io.gossip.protocol.message.Unlink;
import io.gossip.udp.GossipNode;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.PeerAddress;
import io.gossip.udp.TransportDropReason;
import io.gossip.udp.cluster.LoopbackCluster;
import io.gossip.udp.wire.WireCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An outsider (no key) against an encrypted cluster: it cannot join, cannot broadcast, cannot make
 * a member drop anyone. Each attack is also run against a plaintext cluster, where it works, so the
 * tests show they can tell the difference.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ForgedDatagramsTest {
    private static final Keyring CLUSTER = Keyring.of(TestKeys.key(1));
    private static final Keyring OUTSIDER = Keyring.of(TestKeys.key(99));
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** The three ways an outsider can wrap a forged datagram. */
    private enum Wrapping { PLAINTEXT, OUTSIDER_KEY, OUTSIDER_KEY_CLAIMING_THE_CLUSTER_KEY_ID }

    @Test
    void anOutsiderCannotMakeAMemberDropAnyoneFromItsViews() throws Exception {
        try (SealedCluster cluster = SealedCluster.start(4, 11, b -> b.keyring(CLUSTER));
                DatagramChannel attacker = attackerSocket()) {
            assertTrue(cluster.joinAllAndSettle());
            GossipNode victim = cluster.node(1);
            NodeMetrics before = victim.metrics();
            for (Wrapping wrapping : Wrapping.values()) {
                for (ByteBuffer forged : viewAttacks(before, attacker)) {
                    attacker.send(wrap(forged, wrapping, victim.address()), victim.address().toSocketAddress());
                }
            }
            int perWrapping = viewAttacks(before, attacker).size();
            assertTrue(LoopbackCluster.awaitCondition(() -> {
                NodeMetrics m = victim.metrics();
                return m.dropped(TransportDropReason.NOT_SEALED) == perWrapping
                        && m.dropped(TransportDropReason.UNKNOWN_KEY) == perWrapping
                        && m.dropped(TransportDropReason.AUTHENTICATION_FAILED) == perWrapping;
            }, Duration.ofSeconds(10)), () -> "drops " + victim.metrics().droppedMap());
            NodeMetrics after = victim.metrics();
            assertEquals(Set.copyOf(before.partialView()), Set.copyOf(after.partialView()));
            assertEquals(Set.copyOf(before.inView()), Set.copyOf(after.inView()));
            for (MessageType type : List.of(MessageType.REMOVE, MessageType.REPLACE, MessageType.UNLINK)) {
                assertEquals(0, after.core().received(type), type.name());
            }
        }
    }

    @Test
    void withoutEncryptionTheSameForgedDatagramsDoMakeTheMemberDropPeers() throws Exception {
        try (SealedCluster cluster = SealedCluster.start(4, 11, b -> b.insecure());
                DatagramChannel attacker = attackerSocket()) {
            assertTrue(cluster.joinAllAndSettle());
            GossipNode victim = cluster.node(1);
            NodeMetrics before = victim.metrics();
            for (ByteBuffer forged : viewAttacks(before, attacker)) {
                attacker.send(forged, victim.address().toSocketAddress());
            }
            PeerAddress removed = before.partialView().get(0);
            assertTrue(LoopbackCluster.awaitCondition(() -> !victim.metrics().partialView().contains(removed),
                    Duration.ofSeconds(10)), "the plaintext Remove took effect");
        }
    }

    @Test
    void anOutsiderCannotBroadcastToAnEncryptedClusterButCanToAPlaintextOne() throws Exception {
        for (boolean encrypted : new boolean[] {true, false}) {
            try (SealedCluster cluster = SealedCluster.start(4, 12, b -> encrypted ? b.keyring(CLUSTER) : b.insecure());
                    DatagramChannel attacker = attackerSocket()) {
                assertTrue(cluster.joinAllAndSettle());
                PeerAddress self = PeerAddress.of((InetSocketAddress) attacker.getLocalAddress());
                int sent = 0;
                for (int i = 0; i < cluster.nodes().size(); i++) {
                    GossipNode target = cluster.node(i);
                    // claim to be a member relaying a message of another member
                    ByteBuffer gossip = encode(cluster.address((i + 1) % 4),
                            Gossip.create(0, 1_000 + i, 1, new byte[] {6}), cluster.address((i + 2) % 4));
                    for (Wrapping wrapping : encrypted ? List.of(Wrapping.values()) : List.of(Wrapping.PLAINTEXT)) {
                        attacker.send(wrap(gossip.duplicate(), wrapping, target.address()),
                                target.address().toSocketAddress());
                        sent++;
                    }
                }
                int expected = sent;
                assertTrue(LoopbackCluster.awaitCondition(() -> cluster.metrics().stream()
                        .mapToLong(m -> encrypted ? m.dropped(TransportDropReason.NOT_SEALED)
                                + m.dropped(TransportDropReason.UNKNOWN_KEY)
                                + m.dropped(TransportDropReason.AUTHENTICATION_FAILED)
                                : m.core().received(MessageType.GOSSIP)).sum() >= expected, Duration.ofSeconds(10)));
                long delivered = cluster.metrics().stream().mapToLong(m -> m.core().delivered()).sum();
                if (encrypted) {
                    assertEquals(0, delivered, "nothing forged is delivered");
                } else {
                    assertTrue(delivered > 0, "the plaintext cluster delivers forged gossip");
                }
                assertFalse(self.equals(cluster.address(0)));
            }
        }
    }

    @Test
    void aNodeWithoutTheKeyCannotJoinAnEncryptedCluster() throws Exception {
        try (SealedCluster cluster = SealedCluster.start(3, 13, b -> b.keyring(CLUSTER));
                GossipNode wrongKey = GossipNode.builder().bindEphemeral(LOOPBACK).seed(5).keyring(OUTSIDER).start();
                GossipNode plaintext = GossipNode.builder().bindEphemeral(LOOPBACK).seed(6).insecure().start()) {
            assertTrue(cluster.joinAllAndSettle());
            GossipNode contact = cluster.node(0);
            long subscribesBefore = contact.metrics().core().received(MessageType.SUBSCRIBE);
            wrongKey.join(contact.address());
            plaintext.join(contact.address());
            assertTrue(LoopbackCluster.awaitCondition(() -> {
                NodeMetrics m = contact.metrics();
                return m.dropped(TransportDropReason.UNKNOWN_KEY) >= 1
                        && m.dropped(TransportDropReason.NOT_SEALED) >= 1;
            }, Duration.ofSeconds(10)), () -> "drops " + contact.metrics().droppedMap());
            assertEquals(subscribesBefore, contact.metrics().core().received(MessageType.SUBSCRIBE));
            Set<PeerAddress> outsiders = Set.of(wrongKey.address(), plaintext.address());
            for (NodeMetrics m : cluster.metrics()) {
                Set<PeerAddress> known = new HashSet<>(m.partialView());
                known.addAll(m.inView());
                known.retainAll(outsiders);
                assertEquals(Set.of(), known, "outsiders in the views of " + m.address());
            }
            assertEquals(0, wrongKey.metrics().inViewSize());
            assertEquals(0, plaintext.metrics().inViewSize());
        }
    }

    // ------------------------------------------------------------------ forging

    private static DatagramChannel attackerSocket() throws Exception {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(LOOPBACK, 0));
        return channel;
    }

    /** Remove and Replace from a PartialView peer, Unlink from an InView peer: each would drop it. */
    private static List<ByteBuffer> viewAttacks(NodeMetrics victim, DatagramChannel attacker) throws Exception {
        PeerAddress self = PeerAddress.of((InetSocketAddress) attacker.getLocalAddress());
        PeerAddress held = victim.partialView().get(0);
        PeerAddress holder = victim.inView().get(0);
        return List.of(encode(held, new Remove(0)), encode(held, new Replace(0, 0), self),
                encode(holder, new Unlink(0)));
    }

    /** {@code message} as sent by {@code sender}; id i inside the message names {@code named[i]}. */
    private static ByteBuffer encode(PeerAddress sender, Message message, PeerAddress... named) {
        IdTable<PeerAddress> ids = new IdTable<>();
        for (int i = 0; i < named.length; i++) {
            assertEquals(i, ids.intern(named[i]));
        }
        ids.intern(sender);
        return new WireCodec(1_400, 1_024).encode(sender, message, ids);
    }

    private static ByteBuffer wrap(ByteBuffer plaintext, Wrapping wrapping, PeerAddress to) throws ProtectionException {
        if (wrapping == Wrapping.PLAINTEXT) {
            return plaintext;
        }
        AeadProtection outsider = AeadProtection.create(OUTSIDER, null, AeadProtection.DEFAULT_MAX_CLOCK_SKEW, 1_400,
                new InetSocketAddress(LOOPBACK, 1));
        ByteBuffer sealed = outsider.seal(plaintext, to.toSocketAddress());
        if (wrapping == Wrapping.OUTSIDER_KEY_CLAIMING_THE_CLUSTER_KEY_ID) {
            sealed.putInt(SealedFormat.KEY_ID_OFFSET, CLUSTER.primary().id()); // key ids are visible on the wire
        }
        return sealed;
    }
}
