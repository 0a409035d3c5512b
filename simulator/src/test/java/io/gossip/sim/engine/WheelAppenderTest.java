package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The appender's hand-over on its own (the order of whole runs is checked by {@code EventQueueTest}
 * and {@code ArenaEquivalenceTest}): what it was given is stored, in order, across more entries
 * than its ring holds, and a failure on its thread reaches the loop's thread instead of leaving it
 * waiting.
 */
class WheelAppenderTest {
    @Test
    void storesEveryOfferedEventInOrderAcrossManyRingLaps() {
        BucketChunks chunks = new BucketChunks(8);
        WheelAppender appender = new WheelAppender(chunks);
        appender.start();
        appender.resume();
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
    void aFailureOnItsThreadIsRethrownWhereTheLoopWaits() {
        WheelAppender appender = new WheelAppender(new BucketChunks(8));
        appender.start();
        appender.resume();
        appender.offer(1_000, 99, 1, 2, 0, null); // no bucket 99: storing it throws on the appender's thread
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> appender.awaitStoredBefore(Long.MAX_VALUE));
        assertInstanceOf(ArrayIndexOutOfBoundsException.class, e.getCause());
        assertThrows(IllegalStateException.class, appender::stop);
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("wheel-appender") && t.isAlive()));
    }
}
