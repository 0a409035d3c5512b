package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link NodeRecord}'s packed layout keeps what the object versions keep: its PartialView and
 * InView are {@link IdList}s (insertion order, no duplicates, same random pick), its seen entries a
 * {@link DuplicateMemory} (oldest forgotten first, by age and by capacity), across growth of the
 * array and insertions interleaved in all three regions.
 */
class NodeRecordTest {
    private static int[] pv(int[] r) {
        int start = NodeRecord.pvStart(r);
        return Arrays.copyOfRange(r, start, start + r[NodeRecord.PV_SIZE]);
    }

    private static int[] iv(int[] r) {
        int start = NodeRecord.ivStart(r);
        return Arrays.copyOfRange(r, start, start + r[NodeRecord.IV_SIZE]);
    }

    @ParameterizedTest(name = "capacity {0}, age {1} µs, seed {2}")
    @CsvSource({"1, 0, 1", "3, 0, 2", "4096, 0, 3", "5, 40, 4", "4096, 25, 5", "64, 1, 6", "200, 2000, 7",
            "4096, 3000, 8"})
    void interleavedInsertionsMatchTheObjectVersions(int capacity, long ageMicros, long seed) {
        SplittableRandom ops = new SplittableRandom(seed);
        PartialView partialView = new PartialView(false);
        InView inView = new InView(false);
        DuplicateMemory seen = new DuplicateMemory(capacity, ageMicros);
        SplittableRandom objectRandom = new SplittableRandom(seed * 17).split();
        RandomStreams parent = new RandomStreams(1);
        parent.seed(0, seed * 17);
        int[] r = NodeRecord.create();
        RandomStreams.splitInto(r, NodeRecord.RANDOM, parent, 0);
        int initialLength = r.length;
        long now = (1L << 32) - 3_000; // the times cross into the next high half about step 670
        int nextMessage = 0;
        for (int step = 0; step < 3_000; step++) {
            int lengthBefore = r.length;
            int op = ops.nextInt(10);
            if (op < 2) {
                int id = ops.nextInt(60);
                partialView.add(id, IdList.NEVER);
                r = NodeRecord.pvAdd(r, id);
            } else if (op < 4) {
                int id = ops.nextInt(60);
                inView.add(id, IdList.NEVER);
                r = NodeRecord.ivAdd(r, id);
            } else if (op < 7) {
                now += ops.nextInt(10);
                int message = ops.nextInt(4) == 0 && nextMessage > 0 ? ops.nextInt(nextMessage) : nextMessage++;
                NodeRecord.seenExpire(r, now, ageMicros);
                boolean known = NodeRecord.seenContains(r, message);
                assertEquals(seen.contains(message, now), known, "message " + message + " at " + now);
                if (!known) {
                    seen.add(message, now);
                    r = NodeRecord.seenAdd(r, message, now, capacity);
                }
            } else {
                int excluded = ops.nextInt(60);
                assertEquals(partialView.randomExcept(objectRandom, excluded),
                        NodeRecord.pvRandomExcept(r, excluded), "random pick at step " + step);
            }
            if (r.length != lengthBefore) {
                assertEquals(0, r.length % 2, "a grown record's length is even");
                assertTrue(r.length - NodeRecord.used(r) <= (lengthBefore >> 6) + 1,
                        "room left after growing at step " + step + ": " + (r.length - NodeRecord.used(r)));
            }
            assertArrayEquals(partialView.toArray(), pv(r), "PartialView at step " + step);
            assertArrayEquals(inView.toArray(), iv(r), "InView at step " + step);
            assertEquals(seen.size(), r[NodeRecord.SEEN_SIZE], "seen entries at step " + step);
        }
        assertTrue(r.length > initialLength, "the record never grew");
        for (int m = 0; m < nextMessage; m++) {
            NodeRecord.seenExpire(r, now, ageMicros);
            assertEquals(seen.contains(m, now), NodeRecord.seenContains(r, m), "message " + m);
        }
    }

    @Test
    void ageBoundIsInclusiveAndStopsAtTheFirstYoungEntry() {
        int[] r = NodeRecord.create();
        r = NodeRecord.pvAdd(r, 4);
        r = NodeRecord.ivAdd(r, 5);
        r = NodeRecord.seenAdd(r, 10, 0, 100);
        r = NodeRecord.seenAdd(r, 11, 10, 100);
        r = NodeRecord.seenAdd(r, 12, 20, 100);
        NodeRecord.seenExpire(r, 9, 10);
        assertEquals(3, r[NodeRecord.SEEN_SIZE], "nothing is 10 µs old at 9");
        NodeRecord.seenExpire(r, 10, 10);
        assertEquals(2, r[NodeRecord.SEEN_SIZE], "the entry of time 0 is exactly 10 µs old at 10");
        assertFalse(NodeRecord.seenContains(r, 10));
        assertTrue(NodeRecord.seenContains(r, 11));
        NodeRecord.seenExpire(r, 1_000, 0);
        assertEquals(2, r[NodeRecord.SEEN_SIZE], "age 0 means no age bound");
        NodeRecord.seenExpire(r, 29, 10);
        assertEquals(1, r[NodeRecord.SEEN_SIZE]);
        assertTrue(NodeRecord.seenContains(r, 12));
        assertArrayEquals(new int[] {4}, pv(r), "expiry left the views alone");
        assertArrayEquals(new int[] {5}, iv(r));
    }

    @Test
    void capacityForgetsTheOldestEntry() {
        int[] r = NodeRecord.create();
        for (int m = 0; m < 5; m++) {
            r = NodeRecord.seenAdd(r, m, m, 3);
        }
        assertEquals(3, r[NodeRecord.SEEN_SIZE]);
        assertFalse(NodeRecord.seenContains(r, 0));
        assertFalse(NodeRecord.seenContains(r, 1));
        assertTrue(NodeRecord.seenContains(r, 2) && NodeRecord.seenContains(r, 3) && NodeRecord.seenContains(r, 4));
        NodeRecord.seenExpire(r, 4, 2);
        assertEquals(2, r[NodeRecord.SEEN_SIZE], "the survivors keep their own times: only 2 is 2 µs old at 4");
        assertFalse(NodeRecord.seenContains(r, 2));
        assertTrue(NodeRecord.seenContains(r, 3) && NodeRecord.seenContains(r, 4));
    }

    /**
     * {@link NodeRecord#seenDrop} against a list of (message, time) entries: dropping any messages,
     * anywhere in the memory and among entries forgotten but not squeezed out, keeps the others in
     * order with their times, so that age and capacity forget the same entries afterwards.
     */
    @ParameterizedTest(name = "capacity {0}, age {1} µs, seed {2}")
    @CsvSource({"4096, 0, 11", "6, 0, 12", "4096, 60, 13", "9, 35, 14", "40, 400, 15"})
    void droppingMessagesAnywhereKeepsTheOthersAndTheirTimes(int capacity, long ageMicros, long seed) {
        SplittableRandom ops = new SplittableRandom(seed);
        java.util.List<long[]> model = new java.util.ArrayList<>();
        int[] r = NodeRecord.pvAdd(NodeRecord.create(), 7);
        r = NodeRecord.ivAdd(r, 8);
        long now = (5L << 32) - 5_000; // the times cross into the next high half about step 2,000
        int nextMessage = 0;
        int droppedInAll = 0;
        for (int step = 0; step < 4_000; step++) {
            now += ops.nextInt(6);
            long at = now;
            NodeRecord.seenExpire(r, now, ageMicros);
            model.removeIf(e -> ageMicros > 0 && at - e[1] >= ageMicros);
            if (ops.nextInt(4) > 0) {
                if (model.size() == capacity) {
                    model.remove(0);
                }
                model.add(new long[] {nextMessage, now});
                r = NodeRecord.seenAdd(r, nextMessage++, now, capacity);
            } else {
                java.util.BitSet drop = new java.util.BitSet();
                for (int k = ops.nextInt(4); k > 0 && nextMessage > 0; k--) {
                    // Mostly held messages, some already forgotten.
                    drop.set(nextMessage - 1 - ops.nextInt(Math.min(nextMessage, 2 * model.size() + 2)));
                }
                int before = model.size();
                model.removeIf(e -> drop.get((int) e[0]));
                int dropped = NodeRecord.seenDrop(r, drop);
                assertEquals(before - model.size(), dropped, "dropped at step " + step);
                droppedInAll += dropped;
            }
            assertEquals(model.size(), r[NodeRecord.SEEN_SIZE], "entries at step " + step);
            assertArrayEquals(new int[] {7}, pv(r));
            assertArrayEquals(new int[] {8}, iv(r));
        }
        assertTrue(droppedInAll > 100, "dropped only " + droppedInAll);
        for (long[] e : model) {
            assertTrue(NodeRecord.seenContains(r, (int) e[0]), "message " + e[0]);
        }
        // Every kept entry kept its time: each leaves at the moment its age says (the first of
        // several with one time is checked, the others leave with it).
        long previous = -1;
        for (long[] e : model) {
            if (ageMicros > 0 && e[1] > previous) {
                previous = e[1];
                NodeRecord.seenExpire(r, e[1] + ageMicros - 1, ageMicros);
                assertTrue(NodeRecord.seenContains(r, (int) e[0]), "message " + e[0] + " left early");
                NodeRecord.seenExpire(r, e[1] + ageMicros, ageMicros);
                assertFalse(NodeRecord.seenContains(r, (int) e[0]), "message " + e[0] + " stayed");
            }
        }
    }

    @Test
    void aLongMemoryForgetsWithoutGrowingTheRecord() {
        int[] r = NodeRecord.create();
        r = NodeRecord.pvAdd(r, 8);
        r = NodeRecord.ivAdd(r, 9);
        int longest = 0;
        for (int m = 0; m < 10_000; m++) {
            NodeRecord.seenExpire(r, m, 150); // the age bound keeps 150 entries, the capacity 100
            r = NodeRecord.seenAdd(r, m, m, 100);
            longest = Math.max(longest, r.length);
            assertEquals(Math.min(m + 1, 100), r[NodeRecord.SEEN_SIZE]);
            assertTrue(r[NodeRecord.SEEN_FORGOTTEN] <= 100 / 4, "forgotten entries are squeezed out: " + m);
        }
        int most = NodeRecord.HEADER + 2 + (100 + 100 / 4 + 1) * NodeRecord.SEEN_INTS; // views, live, forgotten
        assertTrue(longest <= most + most / 64 + 2, "record grew to " + longest + " ints");
        assertTrue(NodeRecord.seenContains(r, 9_900) && NodeRecord.seenContains(r, 9_999));
        assertFalse(NodeRecord.seenContains(r, 9_899));
        assertArrayEquals(new int[] {8}, pv(r), "the PartialView moved intact with every squeeze");
        assertArrayEquals(new int[] {9}, iv(r));
        NodeRecord.seenExpire(r, 9_999 + 149, 150);
        assertEquals(1, r[NodeRecord.SEEN_SIZE], "only the newest, seen at 9,999, is under 150 µs old");
        assertTrue(NodeRecord.seenContains(r, 9_999));
        assertArrayEquals(new int[] {8}, pv(r));
        assertArrayEquals(new int[] {9}, iv(r));
    }

    @Test
    void anOlderMessageIsFoundBehindNewerOnes() {
        int[] r = NodeRecord.create();
        for (int m : new int[] {5, 2, 9, 7}) {
            assertFalse(NodeRecord.seenContains(r, m));
            r = NodeRecord.seenAdd(r, m, 0, 10);
        }
        for (int m : new int[] {2, 5, 7, 9}) {
            assertTrue(NodeRecord.seenContains(r, m), "message " + m);
        }
        for (int m : new int[] {0, 3, 6, 8, 10}) {
            assertFalse(NodeRecord.seenContains(r, m), "message " + m);
        }
    }

    @Test
    void timesAndWakeUpsSurviveBothHalvesOfTheLong() {
        int[] r = NodeRecord.create();
        assertEquals(Long.MAX_VALUE, NodeRecord.wake(r));
        long last = NodeRecord.TIME_LIMIT_MICROS - 1;
        for (long t : new long[] {0, 1, 0xFFFF_FFFFL, 0x1_0000_0000L, 0x1234_8000_0000L, last, Long.MAX_VALUE, 7}) {
            NodeRecord.setWake(r, t);
            assertEquals(t, NodeRecord.wake(r));
        }
        long big = 0x1_8000_0001L; // low half negative as an int
        r = NodeRecord.seenAdd(r, 7, big, 10);
        NodeRecord.setWake(r, last); // the wake's high bits share an int with the seen base's
        NodeRecord.seenExpire(r, big + 99, 100);
        assertTrue(NodeRecord.seenContains(r, 7));
        assertEquals(last, NodeRecord.wake(r), "the seen base left the wake time alone");
        NodeRecord.seenExpire(r, big + 100, 100);
        assertFalse(NodeRecord.seenContains(r, 7));
    }

    @Test
    void timesBeyondTheLimitAreRefusedNotWrapped() {
        int[] r = NodeRecord.create();
        for (long t : new long[] {NodeRecord.TIME_LIMIT_MICROS, Long.MAX_VALUE - 1, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeRecord.setWake(r, t));
            assertTrue(e.getMessage().contains("8.9 years"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> NodeRecord.seenAdd(r, 1, t, 10));
        }
        assertEquals(Long.MAX_VALUE, NodeRecord.wake(r));
        assertEquals(0, r[NodeRecord.SEEN_SIZE]);
    }

    /**
     * The base the entries' times are read against is the newest live entry's time: dropping that
     * entry moves the base to the next one, whose high half may differ.
     */
    @Test
    void droppingTheNewestEntryMovesTheBaseAcrossAHighHalf() {
        long before = (2L << 32) - 10; // high half 1
        long after = (2L << 32) + 5; // high half 2
        int[] r = NodeRecord.seenAdd(NodeRecord.create(), 1, before, 10);
        r = NodeRecord.seenAdd(r, 2, after, 10);
        java.util.BitSet newest = new java.util.BitSet();
        newest.set(2);
        assertEquals(1, NodeRecord.seenDrop(r, newest));
        NodeRecord.seenExpire(r, before + 99, 100);
        assertTrue(NodeRecord.seenContains(r, 1), "message 1 left early");
        NodeRecord.seenExpire(r, before + 100, 100);
        assertFalse(NodeRecord.seenContains(r, 1), "message 1 stayed past its age");
    }

    @Test
    void addingAPresentIdReturnsTheSameRecordUnchanged() {
        int[] r = NodeRecord.create();
        r = NodeRecord.pvAdd(r, 3);
        r = NodeRecord.ivAdd(r, 3);
        int[] copy = r.clone();
        assertSame(r, NodeRecord.pvAdd(r, 3));
        assertSame(r, NodeRecord.ivAdd(r, 3));
        assertArrayEquals(copy, r);
        RandomStreams parent = new RandomStreams(1);
        parent.seed(0, 5);
        RandomStreams.splitInto(r, NodeRecord.RANDOM, parent, 0);
        int[] before = r.clone();
        assertEquals(NodeIds.NONE, NodeRecord.pvRandomExcept(r, 3), "the only member excluded: nobody");
        assertArrayEquals(before, r, "and no draw: the generator in the record did not advance");
    }
}
