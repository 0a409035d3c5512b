package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The appender's hand-over on its own (the order of whole runs is checked by {@code EventQueueTest}
 * and {@code ArenaEquivalenceTest}): what it was given is stored, in order, across more entries
 * than its ring holds; a bucket it sorts ahead is in the drain's order and handed over only for
 * its own bucket and count; and a failure on its thread reaches the loop's thread instead of
 * leaving it waiting.
 */
class WheelAppenderTest {
    @Test
    void storesEveryOfferedEventInOrderAcrossManyRingLaps() {
        BucketChunks chunks = new BucketChunks(8);
        WheelAppender appender = storing(chunks);
        int events = 100_000; // a dozen laps of the ring, so offers also wait for room
        for (int i = 0; i < events; i++) {
            appender.offer(1_000 + i, i % 8, i, ((long) i << 32) | (i % 128), 0, null);
        }
        appender.awaitStoredBefore(Long.MAX_VALUE);
        appender.pause();
        for (int b = 0; b < 8; b++) {
            assertEquals(events / 8, chunks.size[b], "bucket " + b);
            int chunk = chunks.head[b];
            for (int k = 0; k < chunks.size[b]; k++) {
                if (k > 0 && k % BucketChunks.CHUNK_EVENTS == 0) {
                    chunk = chunks.next[chunk];
                }
                int at = BucketChunks.FIRST + (k % BucketChunks.CHUNK_EVENTS) * BucketChunks.STRIDE;
                assertEquals(b + 8L * k, chunks.data[chunk][at], "bucket " + b + ", event " + k);
            }
        }
        appender.stop();
    }

    @Test
    void sortsTheNextBucketsAheadStablyByOffsetAndOnlyHandsOverTheBucketAndCountItSorted() {
        BucketChunks chunks = new BucketChunks(16);
        WheelAppender appender = storing(chunks);
        appender.draining(16 * 5); // the loop drains bucket 0 of the wheel's sixth lap
        int events = 300; // five chunks, offsets repeating so that the sort must keep insertion order
        for (int i = 0; i < events; i++) {
            appender.offer(1_000, 3, i, ((long) i << 32) | ((i * 37) % 128), 0, null);
        }
        appender.awaitStoredBefore(Long.MAX_VALUE);
        awaitSortedAhead(appender, 16 * 5 + 3);
        assertNull(appender.takeSorted(16 * 5 + 3, events + 1, new long[0]), "handed over for a count it did not sort");
        awaitSortedAhead(appender, 16 * 5 + 3); // sorted again: the refused buffer went back to it
        long[] sorted = appender.takeSorted(16 * 5 + 3, events, new long[0]);
        assertNotNull(sorted);
        assertEquals(1, appender.takenSorted());
        long previous = -1;
        for (int k = 0; k < events; k++) {
            long key = sorted[(k * BucketChunks.STRIDE) + BucketChunks.KEY];
            long order = ((key & 127) << 32) | (key >>> 32); // by offset, then by insertion
            assertTrue(order > previous, "event " + k + " out of order");
            assertEquals(key >>> 32, sorted[k * BucketChunks.STRIDE], "event " + k + "'s two longs apart");
            previous = order;
        }
        appender.pause();
        appender.stop();
    }

    /** An appender for {@code chunks}, started and storing. */
    private static WheelAppender storing(BucketChunks chunks) {
        WheelAppender appender = new WheelAppender(chunks);
        appender.start();
        appender.resume();
        return appender;
    }

    /** Waits (10 s at most: sorting takes microseconds, this is a bound, not a timing) for a bucket sorted ahead. */
    private static void awaitSortedAhead(WheelAppender appender, long bucket) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!appender.sortedAhead(bucket)) {
            assertTrue(System.nanoTime() < deadline, "bucket " + bucket + " was not sorted ahead within 10 s");
            Thread.onSpinWait();
        }
    }

    @Test
    void aFailureOnItsThreadIsRethrownWhereTheLoopWaits() {
        WheelAppender appender = storing(new BucketChunks(8));
        appender.offer(1_000, 99, 1, 2, 0, null); // no bucket 99: storing it throws on the appender's thread
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> appender.awaitStoredBefore(Long.MAX_VALUE));
        assertInstanceOf(ArrayIndexOutOfBoundsException.class, e.getCause());
        assertThrows(IllegalStateException.class, appender::stop);
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("wheel-appender") && t.isAlive()));
    }
}
