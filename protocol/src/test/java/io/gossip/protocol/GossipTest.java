package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingEnvironment.Sent;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.MessageType;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GossipTest {
    private final ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().maxPayloadBytes(16).build();
    private final RecordingEnvironment env = new RecordingEnvironment();

    @Test
    void firstReceiptIsDeliveredOnceAndForwardedToTheWholePartialView() {
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 4, 5, 6);
        env.clear();
        Gossip message = Gossip.create(9, 3, 2, new byte[] {1, 2});
        node.onMessage(0, 4, message);

        assertEquals(List.of(message), env.delivered);
        List<Sent> forwards = env.sendsOf(Gossip.class);
        assertEquals(Set.of(4, 5, 6), forwards.stream().map(Sent::to).collect(Collectors.toSet()));
        for (Sent s : forwards) {
            Gossip g = (Gossip) s.message();
            assertEquals(3, g.hops(), "one hop further");
            assertEquals(message.messageId(), g.messageId());
        }
    }

    @Test
    void duplicateIsDroppedAndCounted() {
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 4);
        Gossip message = Gossip.create(9, 3, 1, new byte[0]);
        node.onMessage(0, 4, message);
        env.clear();
        node.onMessage(0, 4, message.nextHop());
        assertTrue(env.delivered.isEmpty());
        assertTrue(env.sendsOf(Gossip.class).isEmpty());
        assertEquals(1, node.counters().snapshot().duplicates());
    }

    @Test
    void broadcastSendsHopOneToEveryMemberAndIgnoresItsOwnEcho() {
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 4, 5);
        env.clear();
        long id = node.broadcast(0, new byte[] {7});
        List<Gossip> sent = env.sentOf(Gossip.class);
        assertEquals(2, sent.size());
        assertEquals(1, sent.get(0).hops());
        assertEquals(id, sent.get(0).messageId());
        node.onMessage(0, 4, sent.get(0).nextHop());
        assertTrue(env.delivered.isEmpty(), "the origin does not deliver its own message");
    }

    @Test
    void theOriginNeverDeliversItsOwnMessageEvenAfterItsMemoryForgotIt() {
        ProtocolConfig tiny = config.toBuilder().duplicateMemoryCapacity(1).build();
        ScampNode node = NodeFixtures.member(0, tiny, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 4, 5);
        long id = node.broadcast(0, new byte[] {7});
        Gossip echo = env.sentOf(Gossip.class).get(0).nextHop();
        node.onMessage(0, 4, Gossip.create(9, 0, 1, new byte[0])); // pushes the own message out
        env.clear();
        node.onMessage(0, 5, echo);
        assertEquals(id, echo.messageId());
        assertTrue(env.delivered.isEmpty(), "the origin does not deliver its own message");
        assertTrue(env.sendsOf(Gossip.class).isEmpty(), "nor sends it round again");
        assertEquals(1, node.counters().snapshot().duplicates());
    }

    @Test
    void aMessageWithTheLargestHopCountIsDeliveredButNotForwardedEvenWithoutAHopLimit() {
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 4);
        env.clear();
        node.onMessage(0, 4, Gossip.create(9, 1, Integer.MAX_VALUE, new byte[0]));
        assertEquals(1, env.delivered.size());
        assertTrue(env.sendsOf(Gossip.class).isEmpty(), "one more hop would overflow the count");
        assertEquals(1, node.counters().snapshot().dropped(DropReason.GOSSIP_HOP_LIMIT));
    }

    @Test
    void messagesPastTheHopLimitAreDeliveredButNotForwarded() {
        ProtocolConfig limited = config.toBuilder().gossipHopLimit(3).build();
        ScampNode node = NodeFixtures.member(0, limited, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 4);
        env.clear();
        node.onMessage(0, 4, Gossip.create(9, 1, 3, new byte[0]));
        assertEquals(1, env.delivered.size());
        assertTrue(env.sendsOf(Gossip.class).isEmpty());
        assertEquals(1, node.counters().snapshot().dropped(DropReason.GOSSIP_HOP_LIMIT));
    }

    @Test
    void badCallsFromTheApplicationGetClearExceptions() {
        ScampNode fresh = new ScampNode(0, config, env, new SplittableRandom(1), new Counters());
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> fresh.broadcast(0, new byte[1]));
        assertTrue(early.getMessage().contains("join"), early.getMessage());
        fresh.bootstrap(0);
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> fresh.broadcast(0, new byte[17]));
        assertTrue(big.getMessage().contains("maxPayloadBytes"), big.getMessage());
        assertThrows(NullPointerException.class, () -> fresh.broadcast(0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ScampNode(-1, config, env, new SplittableRandom(1), new Counters()));
        ScampNode other = new ScampNode(1, config, env, new SplittableRandom(1), new Counters());
        assertThrows(IllegalArgumentException.class, () -> other.join(0, 1), "joining through itself");
        assertThrows(IllegalArgumentException.class, () -> other.join(0, -3));
    }

    @Test
    void messageFromItselfOrAnInvalidIdIsIgnoredAndCounted() {
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        node.onMessage(0, 0, Gossip.create(9, 1, 1, new byte[0]));
        node.onMessage(0, -5, Gossip.create(9, 2, 1, new byte[0]));
        assertTrue(env.delivered.isEmpty());
        assertEquals(1, node.counters().snapshot().dropped(DropReason.FROM_SELF));
        assertEquals(1, node.counters().snapshot().dropped(DropReason.NONSENSICAL));
    }

    @Test
    void payloadIsCopiedSoTheMessageStaysImmutable() {
        byte[] payload = {1, 2, 3};
        Gossip g = Gossip.create(1, 1, 0, payload);
        payload[0] = 9;
        g.payload()[1] = 9;
        assertEquals(1, g.payload()[0]);
        assertEquals(2, g.payload()[1]);
    }

    @Test
    void aPayloadOfExactlyTheLimitIsAccepted() {
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        node.broadcast(0, new byte[config.maxPayloadBytes()]);
        assertThrows(IllegalArgumentException.class, () -> node.broadcast(0, new byte[config.maxPayloadBytes() + 1]));
    }

    /** The counters say what the node received, delivered and sent. */
    @Test
    void receivingDeliveringAndForwardingAreCounted() {
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 4, 5, 6);
        CounterSnapshot before = node.counters().snapshot();
        node.onMessage(0, 4, Gossip.create(9, 3, 2, new byte[] {1}));
        node.onMessage(0, 5, Gossip.create(9, 3, 2, new byte[] {1}));
        CounterSnapshot after = node.counters().snapshot();
        assertEquals(2, after.received(MessageType.GOSSIP) - before.received(MessageType.GOSSIP));
        assertEquals(1, after.delivered() - before.delivered());
        assertEquals(1, after.duplicates() - before.duplicates());
        assertEquals(3, after.sent(MessageType.GOSSIP) - before.sent(MessageType.GOSSIP), "forwarded to 3 members");
    }

    /** The duplicate memory's age bound is in milliseconds: a copy is a duplicate until it passes. */
    @Test
    void aMessageIsRememberedForTheDuplicateMemoryAge() {
        ProtocolConfig aged = config.toBuilder().duplicateMemoryAgeMillis(1_000).build();
        ScampNode node = NodeFixtures.member(0, aged, env, 1);
        Gossip message = Gossip.create(9, 3, 1, new byte[0]);
        node.onMessage(0, 4, message);
        node.onMessage(999_999, 4, message);
        assertEquals(1, env.delivered.size(), "still remembered");
        node.onMessage(1_000_000, 4, message);
        assertEquals(2, env.delivered.size(), "forgotten after a second: delivered again");
    }
}
