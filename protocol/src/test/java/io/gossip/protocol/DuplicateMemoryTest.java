package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DuplicateMemoryTest {
    @Test
    void forgetsTheOldestIdOnceCapacityIsReached() {
        DuplicateMemory memory = new DuplicateMemory(100, 0);
        for (long id = 0; id < 150; id++) {
            memory.add(id, 0);
        }
        assertEquals(100, memory.size());
        assertFalse(memory.contains(49, 0));
        assertTrue(memory.contains(50, 0));
        assertTrue(memory.contains(149, 0));
    }

    @Test
    void forgetsIdsOlderThanTheAgeBound() {
        DuplicateMemory memory = new DuplicateMemory(1000, 1_000);
        memory.add(1, 0);
        memory.add(2, 600);
        assertTrue(memory.contains(1, 999));
        assertFalse(memory.contains(1, 1_000));
        assertTrue(memory.contains(2, 1_000));
        assertFalse(memory.contains(2, 1_600));
        assertEquals(0, memory.size());
    }

    @Test
    void behavesLikeABoundedFifoSetUnderRandomUse() {
        // Model check against a plain FIFO + HashSet, through the scan and the hashed regimes.
        SplittableRandom random = new SplittableRandom(7);
        DuplicateMemory memory = new DuplicateMemory(300, 0);
        ArrayDeque<Long> order = new ArrayDeque<>();
        HashSet<Long> model = new HashSet<>();
        for (int step = 0; step < 50_000; step++) {
            long id = ((long) random.nextInt(50) << 32) | random.nextInt(40);
            assertEquals(model.contains(id), memory.contains(id, 0), "step " + step);
            if (!model.contains(id)) {
                memory.add(id, 0);
                order.add(id);
                model.add(id);
                if (order.size() > 300) {
                    model.remove(order.poll());
                }
            }
            assertEquals(model.size(), memory.size());
        }
    }
}
