package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingArenaEnvironment.Delivered;
import io.gossip.protocol.RecordingArenaEnvironment.Sent;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Push gossip on a {@link ScampArena} node (PROTOCOL.md, "Dissemination"; package-info, "Gossip"):
 * a first receipt is delivered once and sent to the whole PartialView one hop further, a duplicate
 * is counted, the memory is bounded, the origin never delivers nor resends its own message, and the
 * hop limit stops forwarding.
 */
class ArenaGossipTest {
    private static final int GOSSIP = MessageType.GOSSIP.ordinal();
    private static final long MS = 1_000;
    private static final ProtocolConfig CONFIG = ProtocolConfig.builder().noHeartbeats().indirection(false)
            .duplicateMemoryCapacity(2).duplicateMemoryAgeMillis(60_000).gossipHopLimit(4).build();

    private final RecordingArenaEnvironment env = new RecordingArenaEnvironment();
    private final Counters counters = new Counters();
    private final ScampArena arena = ArenaFixtures.arena(CONFIG, env, counters, 41);

    /** Nodes 0 and 1 bootstrapped; node 1 holds 11, 12 and 13. Returns three messages broadcast by 0. */
    private int[] setUp() {
        arena.bootstrap(0, 0);
        arena.bootstrap(0, 1);
        ArenaFixtures.holdInPartialView(arena, 1, 0, 11, 12, 13);
        int[] messages = {arena.broadcast(0, 0), arena.broadcast(0, 0), arena.broadcast(0, 0)};
        env.clear();
        return messages;
    }

    private List<Integer> gossipTo() {
        return env.sendsOf(MessageType.GOSSIP).stream().map(Sent::to).toList();
    }

    @Test
    void messagesAreNamedByOriginAndSequenceAndCounted() {
        int[] m = setUp();
        assertEquals(3, arena.messageCount());
        assertEquals(List.of(0, 1, 2), List.of(m[0], m[1], m[2]));
        assertEquals(Gossip.messageId(0, 2), arena.messageId(m[2]));
        int other = arena.broadcast(0, 1);
        assertEquals(Gossip.messageId(1, 0), arena.messageId(other), "each origin numbers its own");
        assertEquals(List.of(11, 12, 13), gossipTo(), "to the whole PartialView, hop 1");
        assertTrue(env.sendsOf(MessageType.GOSSIP).stream().allMatch(s -> s.hops() == 1 && s.subject() == other));
        assertEquals(List.of(), env.delivered, "the origin does not deliver its own message");
        assertEquals(3, counters.snapshot().sent(MessageType.GOSSIP));
    }

    @Test
    void aFirstReceiptIsDeliveredOnceAndSentOnOneHopFurtherADuplicateIsCounted() {
        int[] m = setUp();
        arena.onMessage(0, 1, 0, GOSSIP, 0, m[0], 2);
        assertEquals(List.of(new Delivered(1, m[0], 2)), env.delivered);
        assertEquals(List.of(11, 12, 13), gossipTo());
        assertTrue(env.sendsOf(MessageType.GOSSIP).stream().allMatch(s -> s.hops() == 3));
        env.clear();
        arena.onMessage(0, 1, 12, GOSSIP, 0, m[0], 5);
        assertEquals(List.of(), env.delivered);
        assertEquals(List.of(), env.sent);
        assertEquals(1, counters.snapshot().duplicates());
        assertEquals(1, counters.snapshot().delivered());
    }

    @Test
    void atTheHopLimitAMessageIsDeliveredButNotSentOn() {
        int[] m = setUp();
        arena.onMessage(0, 1, 0, GOSSIP, 0, m[0], CONFIG.gossipHopLimit() - 1);
        assertEquals(3, gossipTo().size());
        env.clear();
        arena.onMessage(0, 1, 0, GOSSIP, 0, m[1], CONFIG.gossipHopLimit());
        assertEquals(1, env.delivered.size());
        assertEquals(List.of(), env.sent);
        assertEquals(1, counters.snapshot().dropped(DropReason.GOSSIP_HOP_LIMIT));
    }

    @Test
    void aMessageTheBoundedMemoryForgotIsNewAgainExceptAtItsOrigin() {
        int[] m = setUp();
        for (int message : m) {
            arena.onMessage(0, 1, 0, GOSSIP, 0, message, 1);
        }
        assertEquals(2, arena.duplicateMemorySize(1), "capacity 2");
        env.clear();
        arena.onMessage(0, 1, 0, GOSSIP, 0, m[0], 1);
        assertEquals(1, env.delivered.size(), "pushed out by the third: handled as new");
        // The origin's memory holds only its last two; its first message, come back, is still its own.
        arena.onMessage(0, 0, 1, GOSSIP, 0, m[0], 2);
        assertEquals(1, env.delivered.size());
        assertEquals(List.of(11, 12, 13), gossipTo(), "and is not sent round again");
        assertEquals(1, counters.snapshot().duplicates());
    }

    @Test
    void theMemoryForgetsByAgeWhenTheNodeNextRemembers() {
        int[] m = setUp();
        arena.onMessage(0, 1, 0, GOSSIP, 0, m[0], 1);
        assertEquals(2, arena.duplicateMemorySize(0), "the origin remembers its last two");
        arena.broadcast(60_000 * MS, 0);
        assertEquals(1, arena.duplicateMemorySize(0), "the three older ones reached the age bound");
        env.clear();
        arena.onMessage(60_000 * MS, 1, 0, GOSSIP, 0, m[0], 1);
        assertEquals(1, env.delivered.size(), "forgotten by age: new again");
    }

    @Test
    void gossipFromItselfOrFromNoValidNodeIsDropped() {
        int[] m = setUp();
        long received = arena.messagesReceived(1);
        arena.onMessage(0, 1, 1, GOSSIP, 0, m[0], 1);
        arena.onMessage(0, 1, NodeIds.NONE, GOSSIP, 0, m[0], 1);
        assertEquals(List.of(), env.delivered);
        assertEquals(List.of(), env.sent);
        assertEquals(1, counters.snapshot().dropped(DropReason.FROM_SELF));
        assertEquals(1, counters.snapshot().dropped(DropReason.NONSENSICAL));
        assertEquals(2, counters.snapshot().received(MessageType.GOSSIP));
        assertEquals(received + 2, arena.messagesReceived(1), "counted as received all the same");
    }

    @Test
    void atTheLargestHopCountTheArenaCarriesAMessageIsDeliveredButNotSentOn() {
        ScampArena arena = ArenaFixtures.arena(ProtocolConfig.builder().noHeartbeats().indirection(false).build(),
                env, counters, 5);
        arena.bootstrap(0, 0);
        arena.bootstrap(0, 1);
        ArenaFixtures.holdInPartialView(arena, 1, 0, 11);
        int first = arena.broadcast(0, 0);
        int second = arena.broadcast(0, 0);
        env.clear();
        arena.onMessage(0, 1, 0, GOSSIP, 0, first, ScampArena.MAX_GOSSIP_HOPS - 1);
        assertEquals(List.of(11), gossipTo());
        assertEquals(ScampArena.MAX_GOSSIP_HOPS, env.sent.get(0).hops());
        env.clear();
        arena.onMessage(0, 1, 0, GOSSIP, 0, second, ScampArena.MAX_GOSSIP_HOPS);
        assertEquals(1, env.delivered.size());
        assertEquals(List.of(), env.sent);
    }
}
