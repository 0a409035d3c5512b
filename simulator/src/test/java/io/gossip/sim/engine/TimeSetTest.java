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
        // Against a TreeSet, with a floor that rises as a clock would and times added ahead of it:
        // the table fills, drops what fell below the floor, and grows, many times over.
        SplittableRandom random = new SplittableRandom(7);
        TimeSet set = new TimeSet();
        TreeSet<Long> expected = new TreeSet<>();
        long floor = 0;
        for (int step = 0; step < 200_000; step++) {
            long t = floor + random.nextLong(1_000);
            set.add(t);
            expected.add(t);
            if (random.nextInt(4) == 0) {
                floor += random.nextInt(3);
                set.forgetBefore(floor);
                expected.headSet(floor).clear();
            }
            long asked = floor + random.nextLong(1_000);
            assertEquals(expected.contains(asked), set.contains(asked), "time " + asked + " at step " + step);
        }
        assertEquals(expected.size(), set.size());
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
