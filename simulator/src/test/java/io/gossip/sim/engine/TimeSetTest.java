package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TimeSetTest {
    @Test
    void answersLikeASortedSetAboveTheFloor() {
        // Against a TreeSet, with a floor that rises as a clock would (in small steps and, now and
        // then, by seconds) and times added ahead of it, mostly close (the ring's bits), some
        // seconds ahead (the hash table, found there once the floor has brought them close); the
        // ring wraps and the table fills, drops what fell below the floor and grows, many times.
        SplittableRandom random = new SplittableRandom(7);
        TimeSet set = new TimeSet();
        TreeSet<Long> expected = new TreeSet<>();
        long floor = 0;
        for (int step = 0; step < 300_000; step++) {
            long t = floor + (random.nextInt(8) == 0 ? random.nextLong(6_000_000) : random.nextLong(1_000));
            set.add(t);
            expected.add(t);
            if (random.nextInt(4) == 0) {
                floor += random.nextInt(1_000) == 0 ? random.nextLong(3_000_000) : random.nextInt(300);
                set.forgetBefore(floor);
                expected.headSet(floor).clear();
            }
            long asked = floor + (random.nextBoolean() ? random.nextLong(1_000) : random.nextLong(6_000_000));
            assertEquals(expected.contains(asked), set.contains(asked), "time " + asked + " at step " + step);
            Long held = expected.ceiling(asked);
            if (held != null) {
                assertTrue(set.contains(held), "held time " + held + " at step " + step);
            }
        }
        assertEquals(expected.size(), set.size());
    }

    @Test
    void theRingForgetsEveryPositionTheFloorPasses() {
        // Times at the ring's edges (its first and last bits, word boundaries) within one window,
        // then a floor that passes them all in steps of every size around a word, crossing the
        // ring's wrap: each position, one window later, must read as empty.
        long w = TimeSet.WINDOW;
        long[] positions = {0, 1, 62, 63, 64, 65, w / 2, w - 65, w - 64, w - 63, w - 2, w - 1};
        for (int step : new int[] {1, 7, 63, 64, 65, 1_000, 100_003}) {
            TimeSet set = new TimeSet();
            long base = 3 * w + w / 2; // the window from here holds the wrap at 4w
            set.forgetBefore(base);
            for (long p : positions) {
                long t = 3 * w + p >= base ? 3 * w + p : 4 * w + p;
                set.add(t);
                assertTrue(set.contains(t));
            }
            for (long floor = base; floor < base + w; floor += step) {
                set.forgetBefore(floor);
            }
            set.forgetBefore(base + w); // every time added is now below the floor
            for (long p : positions) {
                long t = 3 * w + p >= base ? 3 * w + p : 4 * w + p;
                assertFalse(set.contains(t + w), "position " + p + " one window later, floor steps of " + step);
            }
            assertEquals(0, set.size());
        }
    }

    @Test
    void theWordHoldingTheFloorKeepsItsTimesWhenTheNextWindowEndsNearIt() {
        // The floor in the middle of a word: a time just after it and one at the end of the next
        // window fall on the same word of the ring, and both must stay.
        long w = TimeSet.WINDOW;
        TimeSet set = new TimeSet();
        long floor = 5 * w + 64 * 7 + 36;
        set.forgetBefore(floor);
        long soon = floor + 10;
        long late = floor + w - 20;
        set.add(soon);
        set.add(late);
        set.add(floor + w - 1);
        assertTrue(set.contains(soon));
        assertTrue(set.contains(late));
        assertTrue(set.contains(floor + w - 1));
        assertFalse(set.contains(floor + w - 21));
        set.forgetBefore(floor + 200);
        assertTrue(set.contains(late), "after the floor moved on");
        assertFalse(set.contains(soon));
        assertEquals(2, set.size());
    }

    @Test
    void timeZeroIsATimeAndBelowTheFloorNothingIs() {
        TimeSet set = new TimeSet();
        assertFalse(set.contains(0));
        set.add(0);
        set.add(5);
        assertTrue(set.contains(0));
        set.forgetBefore(3);
        assertFalse(set.contains(0), "below the floor");
        assertTrue(set.contains(5));
        set.add(1);
        assertFalse(set.contains(1), "added below the floor: never asked about");
        set.forgetBefore(2); // a floor does not go down: 2 stays below it
        set.add(2);
        assertFalse(set.contains(2));
        assertTrue(set.contains(5));
    }
}
