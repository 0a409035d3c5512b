package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The arena's memory of handled membership messages (a {@code long[]} per node in
 * {@link ArenaChannel}) answers {@link ArenaChannel#firstTime} as {@link ReliableChannel#firstTime}
 * does, call for call: through growth, expiry of part or all of it (also while it grows), and
 * pushing out the oldest past {@link ReliableChannel#HANDLED_CAPACITY}.
 */
class ArenaHandledPairsTest {
    private static final ProtocolConfig CONFIG = ProtocolConfig.defaults();
    private static final long HORIZON = CONFIG.retransmitHorizonMicros();
    /** firstTime sends nothing; the channel only needs somewhere to send. */
    private static final ArenaEnvironment SILENT = new SilentArenaEnvironment();

    @Tag("comparison")
    @Test
    void theArenaAnswersAsTheObjectChannelUnderARandomLoad() {
        SplittableRandom random = new SplittableRandom(5);
        ReliableChannel object = new ReliableChannel(1, CONFIG, new RecordingEnvironment(), new Counters());
        ArenaChannel arena = new ArenaChannel(4, CONFIG, SILENT, new Counters());
        long now = 0;
        int duplicates = 0;
        int[] asked = new int[40_000];
        for (int i = 0; i < asked.length; i++) {
            // About 2,000 pairs live at a time, so the memory grows and its oldest expire as new
            // ones come; a quiet spell now and then empties it. Pairs asked again come mostly from the last
            // few dozen (the newest entries), some from long ago.
            now += random.nextInt(8_000) == 0 ? HORIZON : random.nextInt(16_000);
            int pick = random.nextInt(10);
            int pair = i == 0 || pick >= 4 ? random.nextInt(1 << 20)
                    : asked[pick == 0 ? random.nextInt(i) : Math.max(0, i - 1 - random.nextInt(Math.min(i, 40)))];
            asked[i] = pair;
            int sender = pair >>> 10;
            int seq = pair & 1023;
            boolean expected = object.firstTime(now, sender, seq);
            assertEquals(expected, arena.firstTime(now, 2, sender, seq), "call " + i);
            duplicates += expected ? 0 : 1;
        }
        assertTrue(duplicates > 10_000, "too few repeats to test recognition: " + duplicates);
    }

    @Tag("comparison")
    @Test
    void pastCapacityTheOldestIsPushedOutOneByOne() {
        ReliableChannel object = new ReliableChannel(1, CONFIG, new RecordingEnvironment(), new Counters());
        ArenaChannel arena = new ArenaChannel(4, CONFIG, SILENT, new Counters());
        int capacity = ReliableChannel.HANDLED_CAPACITY;
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 3 * capacity; i++) {
            // New pairs, with old ones asked again now and then: the answer depends on which were pushed out.
            int seq = random.nextInt(8) == 0 ? random.nextInt(i + 1) : i;
            assertEquals(object.firstTime(0, 7, seq), arena.firstTime(0, 0, 7, seq), "call " + i);
        }
        assertEquals(object.firstTime(0, 7, 2 * capacity), arena.firstTime(0, 0, 7, 2 * capacity));
        assertEquals(object.firstTime(0, 7, 1), arena.firstTime(0, 0, 7, 1));
    }

    @Test
    void aMemoryThatGrowsAfterItsOldestExpiredKeepsItsEntriesInOrder() {
        ArenaChannel arena = new ArenaChannel(4, CONFIG, SILENT, new Counters());
        assertTrue(arena.firstTime(0, 3, 9, 1));
        assertTrue(arena.firstTime(0, 3, 9, 2));
        assertTrue(arena.firstTime(1_000, 3, 9, 3));
        assertTrue(arena.firstTime(1_000, 3, 9, 4)); // the first four slots full
        assertTrue(arena.firstTime(HORIZON, 3, 9, 5)); // 1 and 2 expire
        assertTrue(arena.firstTime(HORIZON, 3, 9, 6));
        assertTrue(arena.firstTime(HORIZON, 3, 9, 7)); // full again: grows
        for (int seq = 3; seq <= 7; seq++) {
            assertEquals(false, arena.firstTime(HORIZON, 3, 9, seq), "pair " + seq + " still held");
        }
        assertTrue(arena.firstTime(HORIZON + 1_000, 3, 9, 8)); // 3 and 4, oldest after growing, expire first
        assertTrue(arena.firstTime(HORIZON + 1_000, 3, 9, 3));
        assertEquals(false, arena.firstTime(HORIZON + 1_000, 3, 9, 5));
    }

    @Test
    void aMemoryThatGrowsJustAfterItsOldestPairExpiredKeepsTheRest() {
        ArenaChannel arena = new ArenaChannel(4, CONFIG, SILENT, new Counters());
        assertTrue(arena.firstTime(0, 3, 9, 1));
        for (int seq = 2; seq <= 8; seq++) {
            assertTrue(arena.firstTime(1_000, 3, 9, seq)); // eight pairs, the first the oldest
        }
        assertTrue(arena.firstTime(HORIZON, 3, 9, 9)); // 1 expires, and the ninth pair needs more room
        for (int seq = 2; seq <= 9; seq++) {
            assertEquals(false, arena.firstTime(HORIZON, 3, 9, seq), "pair " + seq + " still held");
        }
        assertTrue(arena.firstTime(HORIZON, 3, 9, 1));
    }

    @Test
    void aPairIsForgottenExactlyAtItsHorizon() {
        ArenaChannel arena = new ArenaChannel(4, CONFIG, SILENT, new Counters());
        assertTrue(arena.firstTime(0, 1, 5, 1));
        assertTrue(arena.firstTime(10, 1, 5, 2));
        assertEquals(false, arena.firstTime(HORIZON - 1, 1, 5, 1), "just inside its horizon");
        assertTrue(arena.firstTime(HORIZON, 1, 5, 1), "forgotten at its horizon");
        assertEquals(false, arena.firstTime(HORIZON, 1, 5, 2), "the next one is not");
    }
}
