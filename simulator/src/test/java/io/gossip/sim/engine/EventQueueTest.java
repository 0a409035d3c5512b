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
            queue.pop();
            assertEquals(e[0], queue.poppedTime());
            assertEquals((int) e[1], queue.poppedFrom());
            assertEquals(-(int) e[1], queue.poppedTo());
            assertEquals((int) (e[1] % 3), queue.poppedKind());
            assertEquals("e" + e[1], queue.poppedRef());
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
            queue.pop();
            long t = queue.poppedTime();
            int seq = queue.poppedFrom();
            assertTrue(t > now || (t == now && seq > lastSeqAtNow), "out of order at " + i);
            if (t > now) {
                now = t;
            }
            lastSeqAtNow = seq;
            queue.push(now + random.nextInt(50), 0, counter++, 0, null);
        }
        assertEquals(1000, queue.size());
    }

    @Test
    void keepsOrderAcrossWheelBucketsTheFarHeapAndPushesAtTheCurrentTime() {
        EventQueue queue = new EventQueue(4);
        SplittableRandom random = new SplittableRandom(3);
        int counter = 0;
        for (int i = 0; i < 2000; i++) {
            // Spread over 0..20 s: some on the wheel, most beyond its horizon.
            queue.push(random.nextInt(20_000_000), 0, counter++, 0, null);
        }
        long now = -1;
        long lastSeq = -1;
        for (int i = 0; i < 200_000; i++) {
            queue.pop();
            long t = queue.poppedTime();
            int seq = queue.poppedFrom();
            assertTrue(t > now || (t == now && seq > lastSeq), "out of order at " + i + ": " + t + " after " + now);
            now = t;
            lastSeq = seq;
            int choice = random.nextInt(4);
            long delay = choice == 0 ? 0 : choice == 1 ? random.nextInt(100) : choice == 2
                    ? 10_000 + random.nextInt(90_000) : random.nextInt(2_000_000);
            queue.push(now + delay, 0, counter++, 0, null);
            if (random.nextInt(50) == 0) {
                queue.push(now, 0, counter++, 0, null);
            }
        }
        while (!queue.isEmpty()) {
            queue.pop();
            assertTrue(queue.poppedTime() >= now);
            now = queue.poppedTime();
        }
    }

    @Test
    void peekDoesNotReorderLaterPushes() {
        EventQueue queue = new EventQueue(4);
        queue.push(5_000_000, 0, 1, 0, null);
        assertEquals(5_000_000, queue.peekTime());
        queue.push(1_000, 0, 2, 0, null);
        assertEquals(1_000, queue.peekTime());
        queue.pop();
        assertEquals(2, queue.poppedFrom());
        queue.pop();
        assertEquals(1, queue.poppedFrom());
    }
}
