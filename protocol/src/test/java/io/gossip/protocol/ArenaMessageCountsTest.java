package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.MessageType;
import org.junit.jupiter.api.Test;

/**
 * A {@link ScampArena} record keeps the low 32 bits of its node's message counts and the arena the
 * wraps past 2^32 ({@link CountWraps}): the counts must stay exact across a wrap on every path that
 * counts (a send, a message handled with the record, held gossip copies counted 256 at a time).
 * Four billion messages are too many for a test, so each case starts the record's count just
 * below the wrap.
 */
class ArenaMessageCountsTest {
    private static final long WRAP = 1L << 32;
    private static final int ACK = MessageType.ACK.ordinal();
    private static final int GOSSIP = MessageType.GOSSIP.ordinal();

    private static ScampArena arena() {
        RandomStreams seeds = new RandomStreams(1);
        seeds.seed(0, 7);
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false).build();
        return new ScampArena(4, config, new SilentArenaEnvironment(), seeds, 0, new Counters());
    }

    @Test
    void aCountAddsUnsignedAndSaysWhenItPassesTwoToTheThirtySecond() {
        int[] r = NodeRecord.create();
        r[NodeRecord.SENT] = Integer.MAX_VALUE;
        assertFalse(NodeRecord.addCount(r, NodeRecord.SENT, 1), "2^31 is no wrap of an unsigned count");
        r[NodeRecord.SENT] = -3;
        assertFalse(NodeRecord.addCount(r, NodeRecord.SENT, 2));
        assertTrue(NodeRecord.addCount(r, NodeRecord.SENT, 1));
        assertEquals(0, r[NodeRecord.SENT]);
        r[NodeRecord.RECEIVED] = -10;
        assertTrue(NodeRecord.addCount(r, NodeRecord.RECEIVED, 256));
        assertEquals(246, r[NodeRecord.RECEIVED]);
    }

    @Test
    void wrapsAddUpPerNodeAndCount() {
        CountWraps wraps = new CountWraps();
        int[] r = NodeRecord.create();
        r[NodeRecord.SENT] = -1;
        r[NodeRecord.RECEIVED] = 5;
        wraps.wrapped(3, NodeRecord.SENT);
        wraps.wrapped(3, NodeRecord.SENT);
        wraps.wrapped(4, NodeRecord.RECEIVED);
        assertEquals(2 * WRAP + WRAP - 1, wraps.count(3, r, NodeRecord.SENT));
        assertEquals(5, wraps.count(3, r, NodeRecord.RECEIVED));
        assertEquals(WRAP + 5, wraps.count(4, r, NodeRecord.RECEIVED));
        assertEquals(WRAP - 1, wraps.count(5, r, NodeRecord.SENT));
    }

    @Test
    void aSendPastTheWrapIsCounted() {
        ScampArena arena = arena();
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        assertEquals(1, arena.messagesSent(1), "the Subscribe");
        arena.recordOf(1)[NodeRecord.SENT] = -1;
        assertEquals(WRAP - 1, arena.messagesSent(1));
        arena.onTimeout(60_000_000, 1); // the Subscribe was never acknowledged: it goes again
        assertEquals(WRAP, arena.messagesSent(1));
        arena.recordOf(1)[NodeRecord.SENT] = -1;
        arena.broadcast(61_000_000, 1); // to its whole PartialView, {0}, counted at once
        assertEquals(WRAP, arena.messagesSent(1) - WRAP, "a second wrap");
    }

    @Test
    void aMessageHandledPastTheWrapIsCounted() {
        ScampArena arena = arena();
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        arena.recordOf(0)[NodeRecord.RECEIVED] = -1;
        arena.onMessage(1_000, 0, 1, ACK, 99, 0, 0);
        assertEquals(WRAP, arena.messagesReceived(0));
    }

    @Test
    void heldCopiesCountedTwoHundredFiftySixAtATimeArePastTheWrapToo() {
        ScampArena arena = arena();
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        int message = arena.broadcast(1_000, 0);
        arena.recordOf(0)[NodeRecord.RECEIVED] = -200;
        for (int copy = 1; copy <= 300; copy++) {
            arena.onMessage(2_000 + copy, 0, 1, GOSSIP, 0, message, 1);
            assertEquals(WRAP - 200 + copy, arena.messagesReceived(0), "after copy " + copy);
        }
    }
}
