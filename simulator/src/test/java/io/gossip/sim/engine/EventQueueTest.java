package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    @Test
    void popsInTimeOrderAndBreaksTiesByInsertionOrder() {
        EventQueue queue = new EventQueue(4);
        SplittableRandom random = new SplittableRandom(1);
        List<long[]> expected = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            long time = random.nextInt(1000);
            queue.push(time, i % 3, i, -i, "e" + i);
            expected.add(new long[] {time, i});
        }
        expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        for (long[] e : expected) {
            int slot = queue.pop();
            assertEquals(e[0], queue.poppedTime());
            assertEquals((int) e[1], queue.from(slot));
            assertEquals(-(int) e[1], queue.to(slot));
            assertEquals((int) (e[1] % 3), queue.kind(slot));
            assertEquals("e" + e[1], queue.ref(slot));
            queue.release(slot);
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void interleavedPushesAndPopsStayOrderedAndReuseSlots() {
        EventQueue queue = new EventQueue(4);
        SplittableRandom random = new SplittableRandom(2);
        long now = 0;
        long lastSeqAtNow = -1;
        int counter = 0;
        for (int i = 0; i < 1000; i++) {
            queue.push(now + random.nextInt(50), 0, counter++, 0, null);
        }
        for (int i = 0; i < 100_000; i++) {
            int slot = queue.pop();
            long t = queue.poppedTime();
            int seq = queue.from(slot);
            assertTrue(t > now || (t == now && seq > lastSeqAtNow), "out of order at " + i);
            if (t > now) {
                now = t;
            }
            lastSeqAtNow = seq;
            queue.release(slot);
            queue.push(now + random.nextInt(50), 0, counter++, 0, null);
        }
        assertEquals(1000, queue.size());
    }
}
