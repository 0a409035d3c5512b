package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.MessageType;
import org.junit.jupiter.api.Test;

/**
 * {@link ScampArena#messageOver}: nodes drop over messages from their duplicate memories at their
 * next first receipt, and the arena stops a run in which a memory, as it would be without dropping,
 * could be full.
 */
class ArenaOverMessagesTest {
    private static final int GOSSIP = MessageType.GOSSIP.ordinal();
    private static final long SECOND = 1_000_000;

    private static ScampArena arena(int capacity, long ageMillis) {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
                .duplicateMemoryCapacity(capacity).duplicateMemoryAgeMillis(ageMillis).build();
        RandomStreams seeds = new RandomStreams(1);
        seeds.seed(0, 5);
        ScampArena arena = new ScampArena(4, config, new SilentArenaEnvironment(), seeds, 0, new Counters());
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        return arena;
    }

    private static int remembered(ScampArena arena, int node) {
        return arena.recordOf(node)[NodeRecord.SEEN_SIZE];
    }

    private static boolean remembers(ScampArena arena, int node, int message) {
        return NodeRecord.seenContains(arena.recordOf(node), message);
    }

    @Test
    void overMessagesAreDroppedAtTheNextFirstReceipt() {
        ScampArena arena = arena(4_096, 600_000);
        for (int m = 0; m < 3; m++) {
            arena.broadcast(m * SECOND, 0);
            arena.onMessage(m * SECOND + 50_000, 1, 0, GOSSIP, 0, m, 1);
        }
        assertEquals(3, remembered(arena, 1));
        arena.messageOver(0, 60_000);
        arena.messageOver(1, SECOND + 60_000);
        assertEquals(3, remembered(arena, 1), "dropped only when the node next remembers a message");

        // A duplicate of a message it still holds drops nothing; a first receipt does.
        arena.onMessage(2 * SECOND + 70_000, 1, 0, GOSSIP, 0, 2, 1);
        assertEquals(3, remembered(arena, 1));
        arena.broadcast(3 * SECOND, 0);
        arena.onMessage(3 * SECOND + 50_000, 1, 0, GOSSIP, 0, 3, 1);
        assertEquals(2, remembered(arena, 1));
        assertFalse(remembers(arena, 1, 0) || remembers(arena, 1, 1));
        assertTrue(remembers(arena, 1, 2) && remembers(arena, 1, 3));
        // The origin dropped them at its own broadcast.
        assertEquals(2, remembered(arena, 0));

        // What is kept still expires by age, at the moment it would have.
        arena.broadcast(602 * SECOND + 50_000, 0);
        arena.onMessage(602 * SECOND + 60_000, 1, 0, GOSSIP, 0, 4, 1);
        assertFalse(remembers(arena, 1, 2), "received at 2.05 s, 600.01 s old at 602.06 s");
        assertTrue(remembers(arena, 1, 3) && remembers(arena, 1, 4));
    }

    @Test
    void aMemoryThatCouldBeFullWithoutDroppingStopsTheRun() {
        // Capacity 4, age bound 10 s: messages 0 and 1 are over at 1.5 s and may be in node 0's memory
        // (had it not dropped them) until 11.5 s. At 11.4 s it holds 2 and 3 and remembers 4: 2 + 2
        // reach the capacity, so without dropping it could have had to push one out.
        ScampArena early = overAt1500ms();
        early.broadcast(11 * SECOND, 0);
        early.broadcast(11 * SECOND + 200_000, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> early.broadcast(11 * SECOND + 400_000, 0));
        assertTrue(e.getMessage().contains("at 11400000 µs node 0 remembers 2 and may have remembered 2 more"),
                e.getMessage());

        // From 11.5 s on, both are forgotten by age everywhere: room again.
        ScampArena late = overAt1500ms();
        late.broadcast(11 * SECOND, 0);
        late.broadcast(11 * SECOND + 200_000, 0);
        late.broadcast(11 * SECOND + 500_000, 0);
        assertEquals(3, remembered(late, 0));
    }

    @Test
    void withoutAnAgeBoundOverMessagesCountAgainstTheCapacityForEver() {
        ScampArena arena = arena(3, 0);
        arena.broadcast(0, 0);
        arena.broadcast(SECOND, 0);
        arena.messageOver(0, 100_000);
        arena.messageOver(1, SECOND + 100_000);
        arena.broadcast(3_600 * SECOND, 0);
        assertEquals(1, remembered(arena, 0));
        assertThrows(IllegalStateException.class, () -> arena.broadcast(7_200 * SECOND, 0));
    }

    @Test
    void onlyBroadcastMessagesCanBeOver() {
        ScampArena arena = arena(16, 1_000);
        arena.broadcast(0, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> arena.messageOver(1, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> arena.messageOver(-1, 10));
        arena.messageOver(0, 10);
        arena.messageOver(0, 10); // twice is once
        arena.broadcast(SECOND, 0);
        assertEquals(1, remembered(arena, 0));
    }

    private static ScampArena overAt1500ms() {
        ScampArena arena = arena(4, 10_000);
        arena.broadcast(0, 0);
        arena.broadcast(SECOND, 0);
        arena.messageOver(0, 1_500_000);
        arena.messageOver(1, 1_500_000);
        return arena;
    }
}
