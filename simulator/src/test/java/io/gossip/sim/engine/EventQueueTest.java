package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
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

    /** The wheel's horizon: its buckets times their width. */
    private static final long HORIZON_MICROS = (long) WheelBuckets.BUCKETS * WheelBuckets.BUCKET_MICROS;

    /** One expected event, ordered like the queue: by time, then by push order. */
    private record Expected(long time, long seq, int kind, int from, int to, long word, int tag, Object ref) {}

    private static final Comparator<Expected> BY_TIME_THEN_SEQ =
            Comparator.comparingLong(Expected::time).thenComparingLong(Expected::seq);

    private static void assertPopped(EventQueue queue, Expected e, String where) {
        queue.pop();
        assertEquals(e.time(), queue.poppedTime(), where + ": time");
        assertEquals(e.kind(), queue.poppedKind(), where + ": kind");
        assertEquals(e.from(), queue.poppedFrom(), where + ": from");
        assertEquals(e.to(), queue.poppedTo(), where + ": to");
        assertEquals(e.word(), queue.poppedWord(), where + ": word");
        assertEquals(e.tag(), queue.poppedTag(), where + ": tag");
        assertSame(e.ref(), queue.poppedRef(), where + ": ref");
    }

    @Test
    void packedEventsInterleavedWithRefEventsPopInOrderWithTheirOwnPayloads() {
        EventQueue queue = new EventQueue(4);
        SplittableRandom random = new SplittableRandom(4);
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // Mostly dense (about 100 events per bucket: the counting sort), the rest sparse over
            // 0..5 s (the current bucket, small buckets on the wheel, and beyond the horizon).
            long time = i % 4 == 0 ? random.nextInt(5_000_000) : random.nextInt(20_000);
            if (i % 2 == 0) {
                long word = random.nextLong();
                int tag = random.nextInt();
                queue.push(time, 3, i, i + 1, word, tag);
                expected.add(new Expected(time, i, 3, i, i + 1, word, tag, null));
            } else {
                Object ref = "r" + i;
                queue.push(time, i % 3, i, i + 1, ref);
                expected.add(new Expected(time, i, i % 3, i, i + 1, 0, 0, ref));
            }
        }
        expected.sort(BY_TIME_THEN_SEQ);
        for (int i = 0; i < expected.size(); i++) {
            assertPopped(queue, expected.get(i), "pop " + i);
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void sameTimeEventsFromTheFarHeapTheWheelAndTheNearHeapPopInPushOrder() {
        EventQueue queue = new EventQueue(4);
        long x = HORIZON_MICROS + 200; // beyond the horizon while the clock is at 0
        List<Expected> order = new ArrayList<>();
        queue.push(0, 1, 0, 0, "start");
        queue.push(x, 3, 1, 1, Long.MIN_VALUE, 11); // far heap, packed
        queue.push(x, 0, 2, 2, "far"); // far heap, ref
        queue.push(1_000_000, 1, 0, 0, "marker");
        queue.pop();
        assertEquals("start", queue.poppedRef());
        // Pushed into the bucket being drained (near heap), at the current time and later in the bucket.
        queue.push(5, 3, 3, 3, -1L, -1);
        queue.push(0, 2, 4, 4, "now");
        queue.push(0, 3, 5, 5, 7L, Integer.MIN_VALUE);
        assertPopped(queue, new Expected(0, 0, 2, 4, 4, 0, 0, "now"), "near ref at now");
        assertPopped(queue, new Expected(0, 0, 3, 5, 5, 7L, Integer.MIN_VALUE, null), "near packed at now");
        assertPopped(queue, new Expected(5, 0, 3, 3, 3, -1L, -1, null), "near packed later in bucket");
        queue.pop();
        assertEquals("marker", queue.poppedRef());
        // x is now inside the horizon: these go on the wheel.
        queue.push(x, 3, 6, 6, Long.MAX_VALUE, Integer.MAX_VALUE);
        queue.push(x, 0, 7, 7, "wheel");
        queue.push(x - 1, 1, 0, 0, "same bucket, earlier");
        queue.pop();
        assertEquals("same bucket, earlier", queue.poppedRef());
        // x's bucket is being drained and the far events have come due: these go to the near heap.
        queue.push(x, 3, 8, 8, 0L, 0);
        queue.push(x, 0, 9, 9, "near");
        order.add(new Expected(x, 0, 3, 1, 1, Long.MIN_VALUE, 11, null));
        order.add(new Expected(x, 0, 0, 2, 2, 0, 0, "far"));
        order.add(new Expected(x, 0, 3, 6, 6, Long.MAX_VALUE, Integer.MAX_VALUE, null));
        order.add(new Expected(x, 0, 0, 7, 7, 0, 0, "wheel"));
        order.add(new Expected(x, 0, 3, 8, 8, 0L, 0, null));
        order.add(new Expected(x, 0, 0, 9, 9, 0, 0, "near"));
        for (int i = 0; i < order.size(); i++) {
            assertPopped(queue, order.get(i), "tie " + i);
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void extremeWordsTagsAndEndsSurviveTheWheelAndBothHeaps() {
        long[] words = {Long.MIN_VALUE, -1L, Long.MAX_VALUE, 0L, 1L};
        int[] tags = {Integer.MIN_VALUE, -1, Integer.MAX_VALUE, 0, 1};
        int[] ends = {Integer.MIN_VALUE, -1, Integer.MAX_VALUE, 0, 1};
        // Times in the current bucket (near), on the wheel, and beyond the horizon (far).
        long[] times = {3, 500_000, HORIZON_MICROS * 3 + 17};
        EventQueue queue = new EventQueue(4);
        List<Expected> expected = new ArrayList<>();
        int seq = 0;
        for (long time : times) {
            for (int i = 0; i < words.length; i++) {
                int from = ends[i];
                int to = ends[ends.length - 1 - i];
                queue.push(time, 3, from, to, words[i], tags[i]);
                expected.add(new Expected(time, seq++, 3, from, to, words[i], tags[i], null));
            }
        }
        expected.sort(BY_TIME_THEN_SEQ);
        for (int i = 0; i < expected.size(); i++) {
            assertPopped(queue, expected.get(i), "event " + i);
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void bucketsOfManyChunksKeepOrderAndReusedChunksCarryNoStaleRefs() {
        EventQueue queue = new EventQueue(4);
        int perBucket = 5 * BucketChunks.CHUNK_EVENTS + 7;
        SplittableRandom random = new SplittableRandom(9);
        for (int round = 0; round < 3; round++) {
            long base = 1_000_000L * (round + 1);
            List<long[]> expected = new ArrayList<>();
            for (int i = 0; i < perBucket; i++) {
                long time = base + random.nextInt(WheelBuckets.BUCKET_MICROS); // one bucket
                // Refs only in the first round, and there only in every other chunk: the chunks the
                // later rounds reuse must hand out no ref left from it.
                boolean withRef = round == 0 && (i / BucketChunks.CHUNK_EVENTS) % 2 == 1;
                if (withRef) {
                    queue.push(time, 0, i, round, "r" + i);
                } else {
                    queue.push(time, 3, i, round, 1000L + i, i);
                }
                expected.add(new long[] {time, i, withRef ? 1 : 0});
            }
            expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
            for (long[] e : expected) {
                queue.pop();
                assertEquals(e[0], queue.poppedTime());
                assertEquals((int) e[1], queue.poppedFrom());
                assertEquals(round, queue.poppedTo());
                if (e[2] == 1) {
                    assertEquals("r" + e[1], queue.poppedRef());
                } else {
                    assertNull(queue.poppedRef(), "event " + e[1] + " of round " + round);
                    assertEquals(1000L + e[1], queue.poppedWord());
                    assertEquals((int) e[1], queue.poppedTag());
                }
            }
            assertTrue(queue.isEmpty());
        }
    }

    @Test
    void upcomingEventsFollowABucketAcrossItsChunks() {
        EventQueue queue = new EventQueue(4);
        queue.push(10, 3, 0, -1, 0L, 0);
        queue.pop(); // the clock is in the first bucket; the next one is listed from its chunks
        int n = 2 * BucketChunks.CHUNK_EVENTS + 3;
        for (int i = 0; i < n; i++) {
            queue.push(WheelBuckets.BUCKET_MICROS + 5, 3, 0, i, i, i);
        }
        int[] to = new int[n + 10];
        int[] words = new int[n + 10];
        int k = queue.upcoming(to, new int[n + 10], words);
        assertEquals(n, k);
        for (int i = 0; i < n; i++) {
            assertEquals(i, to[i], "insertion order within the bucket");
            assertEquals(i, words[i]);
        }
    }

    @Test
    void rejectsAKindOutsideTwoBitsWithoutChangingTheQueue() {
        EventQueue queue = new EventQueue(4);
        queue.push(10, 1, 1, 1, "kept");
        assertThrows(IllegalArgumentException.class, () -> queue.push(20, 4, 2, 2, "bad"));
        assertThrows(IllegalArgumentException.class, () -> queue.push(20, -1, 2, 2, 5L, 5));
        assertEquals(1, queue.size());
        queue.push(10, 3, 3, 3, 9L, 9);
        assertPopped(queue, new Expected(10, 0, 1, 1, 1, 0, 0, "kept"), "first");
        assertPopped(queue, new Expected(10, 0, 3, 3, 3, 9L, 9, null), "second");
        assertTrue(queue.isEmpty());
    }

    @Test
    void matchesAReferencePriorityQueueOverRandomMixedPushesAndPops() {
        matchesAReferencePriorityQueue(5, 1, 0);
    }

    /**
     * A queue built for a run's node count packs most events in two longs and spills the rest (ids
     * out of range, large sequences or subjects) to a side array: mixed at random, in and out of
     * the same buckets, they must keep their order and payloads exactly.
     */
    @Test
    void matchesAReferencePriorityQueueWithCompactAndSpilledEventsMixed() {
        matchesAReferencePriorityQueue(7, 1, 100_000);
        matchesAReferencePriorityQueue(8, 1_000, 3);
    }

    /**
     * Times on a grid of 1,000 µs, so that most pops meet events of the same microsecond from the
     * far heap, the wheel and the near heap at once: the order among them is the whole point.
     */
    @Test
    void matchesAReferencePriorityQueueWhenManyEventsShareAMicrosecond() {
        matchesAReferencePriorityQueue(6, 1_000, 0);
    }

    /**
     * @param nodes 0: a queue for any ids, and fully random ids and words (nearly all spill);
     *     otherwise a queue for that many nodes, and mostly ids, sequences and subjects that fit
     */
    private static void matchesAReferencePriorityQueue(long seed, long grid, int nodes) {
        matchesAReferencePriorityQueue(nodes == 0 ? new EventQueue(4) : new EventQueue(4, nodes), seed, grid, nodes);
    }

    /**
     * The appender (a second thread storing wheel events, see {@link WheelAppender}) must leave every
     * pop as it was: with it storing every event from the first drained bucket on, and with it
     * switching on and off every few buckets, which also hands the chunks back and forth.
     */
    @Test
    void matchesAReferencePriorityQueueWhileTheAppenderStoresEvents() {
        appenderMatchesAReferencePriorityQueue(9, 1, 0, 0, 0);
        appenderMatchesAReferencePriorityQueue(10, 1_000, 100_000, 0, 0);
        EventQueue switching = appenderMatchesAReferencePriorityQueue(11, 1, 100_000, 1, 1);
        assertTrue(switching.appenderStarts() > 100, "the appender took over only " + switching.appenderStarts()
                + " times");
    }

    /**
     * The appender sorts the next buckets ahead while it has nothing to store, and the loop drains a
     * sorted buffer instead of sorting when it holds every event of the bucket. A gossip-like load:
     * a bucket's events pushed 10-100 ms ahead in bursts (so that buckets are complete long before
     * they are drained, and sorted ahead), some pushed into the next few buckets after they may
     * have been sorted (the loop must then sort for itself), some spilled or carrying a ref (never
     * sorted ahead); every pop must match the reference, and buckets must have been sorted ahead.
     */
    @Test
    void matchesAReferencePriorityQueueWhileTheAppenderSortsBucketsAhead() {
        int nodes = 100_000;
        EventQueue queue = new EventQueue(4, nodes);
        queue.startAppender(16, 4);
        PriorityQueue<Expected> reference = new PriorityQueue<>(BY_TIME_THEN_SEQ);
        SplittableRandom random = new SplittableRandom(12);
        long seq = 0;
        long now = 0;
        try {
            for (int round = 0; round < 3_000; round++) {
                for (int i = 0, burst = random.nextInt(200); i < burst; i++) {
                    int share = random.nextInt(100);
                    long delay = share < 97 ? 10_000 + random.nextInt(90_000) : random.nextInt(1_200);
                    long time = now + delay;
                    int from = random.nextInt(nodes);
                    int to = random.nextInt(nodes);
                    if (share == 0) {
                        Object ref = new Object();
                        queue.push(time, 1, from, to, ref);
                        reference.add(new Expected(time, seq++, 1, from, to, 0, 0, ref));
                    } else {
                        long word = share == 1 ? random.nextLong()
                                : ((long) random.nextInt(64) << 32) | random.nextInt(1 << 20);
                        int tag = random.nextInt(1 << 20);
                        queue.push(time, 2, from, to, word, tag);
                        reference.add(new Expected(time, seq++, 2, from, to, word, tag, null));
                    }
                }
                for (int i = 0, pops = random.nextInt(200); i < pops && !reference.isEmpty(); i++) {
                    Expected e = reference.poll();
                    assertPopped(queue, e, "round " + round);
                    now = e.time();
                }
            }
            while (!reference.isEmpty()) {
                assertPopped(queue, reference.poll(), "final drain");
            }
        } finally {
            queue.stopAppender();
        }
        assertTrue(queue.isEmpty());
        assertTrue(queue.bucketsSortedAhead() > 0, "no bucket was drained from a buffer sorted ahead");
    }

    private static EventQueue appenderMatchesAReferencePriorityQueue(long seed, long grid, int nodes, int above,
            int below) {
        EventQueue queue = new EventQueue(4, nodes == 0 ? 1 : nodes);
        queue.startAppender(above, below);
        try {
            matchesAReferencePriorityQueue(queue, seed, grid, nodes);
        } finally {
            queue.stopAppender();
        }
        assertTrue(queue.appenderStarts() > 0, "the appender never stored an event");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("wheel-appender") && t.isAlive()), "the appender's thread lives on");
        queue.trim();
        return queue;
    }

    private static void matchesAReferencePriorityQueue(EventQueue queue, long seed, long grid, int nodes) {
        PriorityQueue<Expected> reference = new PriorityQueue<>(BY_TIME_THEN_SEQ);
        SplittableRandom random = new SplittableRandom(seed);
        long now = 0;
        long seq = 0;
        long ties = 0;
        for (int op = 0; op < 200_000; op++) {
            if (reference.isEmpty() || random.nextInt(100) < 52) {
                long time = Math.max(now, (now + randomDelay(random)) / grid * grid);
                int kind = random.nextInt(4);
                int from = nodes == 0 ? random.nextInt() : nodeId(random, nodes);
                int to = nodes == 0 ? random.nextInt() : nodeId(random, nodes);
                Expected e;
                if (random.nextBoolean()) {
                    long word = nodes == 0 ? (random.nextInt(8) == 0 ? Long.MIN_VALUE : random.nextLong())
                            : packedWord(random);
                    int tag = random.nextInt(8) == 0 ? Integer.MIN_VALUE : random.nextInt();
                    queue.push(time, kind, from, to, word, tag);
                    e = new Expected(time, seq++, kind, from, to, word, tag, null);
                } else {
                    Object ref = new Object();
                    queue.push(time, kind, from, to, ref);
                    e = new Expected(time, seq++, kind, from, to, 0, 0, ref);
                }
                reference.add(e);
            } else {
                assertEquals(reference.peek().time(), queue.peekTime(), "peek at op " + op);
                Expected e = reference.poll();
                assertPopped(queue, e, "op " + op);
                if (!reference.isEmpty() && reference.peek().time() == e.time()) {
                    ties++;
                }
                now = e.time();
            }
            assertEquals(reference.size(), queue.size());
        }
        while (!reference.isEmpty()) {
            assertPopped(queue, reference.poll(), "final drain");
        }
        assertTrue(queue.isEmpty());
        if (grid > 1) {
            assertTrue(ties > 50_000, "only " + ties + " pops were followed by an event of the same microsecond");
        }
    }

    /** Mostly an id of the run, sometimes one past its end, the largest int or a negative one. */
    private static int nodeId(SplittableRandom random, int nodes) {
        switch (random.nextInt(16)) {
            case 0:
                return nodes + random.nextInt(1 << 20);
            case 1:
                return random.nextBoolean() ? Integer.MAX_VALUE : -1 - random.nextInt(1 << 20);
            default:
                return random.nextInt(nodes);
        }
    }

    /** Mostly a packed message's (sequence, subject), sometimes too large for two longs, or any word. */
    private static long packedWord(SplittableRandom random) {
        long seq = random.nextInt(16) == 0 ? random.nextInt() : random.nextInt(1 << 12);
        long subject = random.nextInt(16) == 0 ? random.nextInt()
                : random.nextInt(1 << WheelEventLayout.SUBJECT_BITS);
        return random.nextInt(32) == 0 ? random.nextLong() : (seq << 32) | (subject & 0xFFFF_FFFFL);
    }

    /** Now, inside the current bucket, on the wheel, at the horizon's edge, or beyond it. */
    private static long randomDelay(SplittableRandom random) {
        switch (random.nextInt(6)) {
            case 0:
                return 0;
            case 1:
                return random.nextInt(WheelBuckets.BUCKET_MICROS);
            case 2:
                return HORIZON_MICROS - WheelBuckets.BUCKET_MICROS + random.nextInt(2 * WheelBuckets.BUCKET_MICROS);
            case 3:
                // Up to one horizon past it: spread any thinner, too few events share a
                // microsecond of the grid for the tests that need them to.
                return HORIZON_MICROS + random.nextLong(HORIZON_MICROS);
            default:
                return 10_000 + random.nextInt(90_000);
        }
    }

    @Test
    void trimmedQueueStillCarriesBothPayloads() {
        EventQueue queue = new EventQueue(4);
        for (int i = 0; i < 1000; i++) {
            queue.push(1000 + i % 7, 3, i, i, i, i);
        }
        while (!queue.isEmpty()) {
            queue.pop();
        }
        queue.trim();
        long now = queue.poppedTime();
        queue.push(now + 300, 3, 1, 2, -5L, -6);
        queue.push(now + 300, 0, 3, 4, "after trim");
        queue.push(now + HORIZON_MICROS + 1, 3, 5, 6, Long.MIN_VALUE, Integer.MIN_VALUE);
        assertPopped(queue, new Expected(now + 300, 0, 3, 1, 2, -5L, -6, null), "wheel packed");
        assertPopped(queue, new Expected(now + 300, 0, 0, 3, 4, 0, 0, "after trim"), "wheel ref");
        assertPopped(queue, new Expected(now + HORIZON_MICROS + 1, 0, 3, 5, 6, Long.MIN_VALUE, Integer.MIN_VALUE, null),
                "far packed");
        assertNull(queue.poppedRef());
    }

    @Test
    void upcomingEventsAreOnlyPendingOnesWithTheirPayloadAndAlmostAlwaysTheNextOne() {
        upcomingNamesPendingEvents(new EventQueue(4), 0); // words of sequence 0: compact
        upcomingNamesPendingEvents(new EventQueue(4), 1); // a sequence in the word: spilled
        upcomingNamesPendingEvents(new EventQueue(4, 10_000), 1); // compact again, for a run's ids
    }

    /** Events numbered i go to node i with the word {@code seqFactor·i << 32 | i}. */
    private static void upcomingNamesPendingEvents(EventQueue queue, long seqFactor) {
        SplittableRandom random = new SplittableRandom(4);
        java.util.Set<Integer> pending = new java.util.HashSet<>();
        // Destinations and words are the events' numbers, tags a function of them; all on the wheel
        // (past the first bucket, within the horizon).
        for (int i = 0; i < 3_000; i++) {
            queue.push(1_000 + random.nextInt(200_000), 3, 0, i, wordOf(i, seqFactor), tagOf(i));
            pending.add(i);
        }
        int[] out = new int[8];
        int[] tags = new int[8];
        int[] words = new int[8];
        int pops = 0;
        int full = 0;
        int named = 0;
        while (!queue.isEmpty()) {
            int k = queue.upcoming(out, tags, words);
            assertTrue(k >= 1, "nothing named while " + queue.size() + " events are pending on the wheel");
            queue.pop();
            pops++;
            int popped = queue.poppedTo();
            for (int i = 0; i < k; i++) {
                assertTrue(pending.contains(out[i]), "named an event not pending: " + out[i]);
                assertEquals(out[i], words[i], "the word of event " + out[i]);
                assertEquals(tagOf(out[i]), tags[i], "the tag of event " + out[i]);
                // A bucket's events are named in insertion order: the next one is missed only when
                // more than out.length came before it in its bucket.
                named += out[i] == popped ? 1 : 0;
            }
            full += k == out.length ? 1 : 0;
            assertEquals(wordOf(popped, seqFactor), queue.poppedWord(), "the popped word of event " + popped);
            pending.remove(popped);
            // Keep some traffic going, later than anything pending now.
            if (queue.poppedTime() < 150_000 && random.nextInt(4) == 0) {
                int id = 3_000 + queue.poppedFrom() + popped;
                queue.push(queue.poppedTime() + 150_000, 3, 0, id, wordOf(id, seqFactor), tagOf(id));
                pending.add(id);
            }
        }
        assertTrue(pending.isEmpty());
        assertTrue(full > pops / 2, "too few full lookaheads: " + full + " of " + pops);
        assertTrue(named > pops * 0.95, "the event popped next was named " + named + " times of " + pops);
    }

    private static long wordOf(int event, long seqFactor) {
        return (seqFactor * event) << 32 | event;
    }

    private static int tagOf(int event) {
        return event * 31 ^ 0x5A00_0000;
    }

    @Test
    void upcomingEventsListEachBucketOnceRoundTheWheel() {
        EventQueue queue = new EventQueue(4);
        long bucket = WheelBuckets.BUCKET_MICROS;
        long start = 16_000L * bucket; // near the wheel's end, so that later events wrap round to its start
        queue.push(start + 5, 3, 0, 99, 0L, 0);
        queue.pop();
        queue.push(start + bucket + 72, 3, 0, 1, 0L, 0); // the next bucket
        queue.push(start + (bucket * 500), 3, 0, 2, 0L, 0); // 500 buckets on: past the wheel's end, wrapped
        int[] out = new int[8];
        int k = queue.upcoming(out, new int[8], new int[8]);
        assertEquals(2, k, "listed " + Arrays.toString(out) + " for two pending events");
        assertEquals(1, out[0]);
        assertEquals(2, out[1]);
    }
}
