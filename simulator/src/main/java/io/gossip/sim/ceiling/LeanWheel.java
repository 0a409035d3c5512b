package io.gossip.sim.ceiling;

import java.util.Arrays;

/**
 * The ceiling loop's event queue: a timing wheel of {@value #BUCKETS} buckets of
 * {@value #BUCKET_MICROS} µs (a horizon of about 8.4 s, the longest retransmission timer), each
 * bucket an array of events appended in insertion order and sorted by time when the clock reaches
 * it, then read front to back. The same structure as the simulator's {@code EventQueue} without
 * what a general engine needs and this workload does not: object payloads, heaps for events
 * beyond the horizon or pushed into the bucket being drained (no event here comes sooner than
 * 10 ms), read-ahead hints.
 *
 * <p>An event is four longs: a key ({@code seq << 28 | hops << 16 | type << 8 | offset in the
 * bucket}), the ends ({@code from << 32 | to}), a payload of two ints and its time.
 */
final class LeanWheel {
    static final int SHIFT = 7;
    static final int BUCKET_MICROS = 1 << SHIFT;
    static final int BUCKETS = 1 << 16;
    static final long HORIZON_MICROS = (long) BUCKETS * BUCKET_MICROS;
    private static final int MASK = BUCKETS - 1;
    private static final int OFFSET_MASK = BUCKET_MICROS - 1;
    private static final int SMALL_BUCKET = 12;
    /** The largest hop count an event carries. */
    static final int MAX_HOPS = (1 << 12) - 1;

    private final long[][] buckets = new long[BUCKETS][];
    private final int[] sizes = new int[BUCKETS];
    private final long[] occupied = new long[BUCKETS / 64];
    private long[][] spares = new long[64][];
    private int spareCount;
    private final int[] offsetCounts = new int[BUCKET_MICROS + 1];
    private long[] drain = new long[64 * 4];
    private int drainAt;
    private int drainEnd;
    /** Start of the bucket drained last. */
    private long currentStart;
    private long stored;
    private long nextSeq;

    /** Queues an event; {@code timeMicros} must lie past the bucket being drained and within the horizon. */
    void push(long timeMicros, int type, int from, int to, int a, int b, int hops) {
        if (timeMicros < currentStart + BUCKET_MICROS || timeMicros >= currentStart + HORIZON_MICROS) {
            throw new IllegalStateException("event at " + timeMicros + " µs is outside the wheel's window from "
                    + currentStart + " µs");
        }
        int bucket = (int) (timeMicros >>> SHIFT) & MASK;
        int n = sizes[bucket];
        long[] data = buckets[bucket];
        if (data == null) {
            data = spareCount > 0 ? spares[--spareCount] : new long[8 * 4];
            buckets[bucket] = data;
            occupied[bucket >>> 6] |= 1L << bucket;
        } else if (n * 4 == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
            buckets[bucket] = data;
        }
        int i = n * 4;
        data[i] = (nextSeq++ << 28) | ((long) hops << 16) | ((long) type << 8) | (timeMicros & OFFSET_MASK);
        data[i + 1] = ((long) from << 32) | (to & 0xFFFF_FFFFL);
        data[i + 2] = ((long) a << 32) | (b & 0xFFFF_FFFFL);
        data[i + 3] = timeMicros;
        sizes[bucket] = n + 1;
        stored++;
    }

    /**
     * Makes the earliest events readable ({@link #headTime} ...) unless the next bucket holding any
     * starts after {@code limitMicros}; returns whether events are readable.
     */
    boolean fill(long limitMicros) {
        if (drainAt < drainEnd) {
            return true;
        }
        if (stored == 0) {
            return false;
        }
        int from = (int) ((currentStart >>> SHIFT) + 1) & MASK;
        int next = nextOccupied(from);
        long start = currentStart + ((long) ((next - from) & MASK) + 1) * BUCKET_MICROS;
        if (start > limitMicros) {
            return false;
        }
        currentStart = start;
        drainBucket(next);
        return true;
    }

    /**
     * Moves the clock to {@code timeMicros}'s bucket when nothing is being drained and no event lies
     * before that bucket (the caller knows), so that what happens at that time can push up to a
     * horizon ahead of it.
     */
    void advanceTo(long timeMicros) {
        if (drainAt == drainEnd) {
            currentStart = Math.max(currentStart, (timeMicros >>> SHIFT) << SHIFT);
        }
    }

    long headTime() {
        return drain[drainAt * 4 + 3];
    }

    int headType() {
        return (int) (drain[drainAt * 4] >>> 8) & 0xFF;
    }

    int headHops() {
        return (int) (drain[drainAt * 4] >>> 16) & MAX_HOPS;
    }

    int headFrom() {
        return (int) (drain[drainAt * 4 + 1] >>> 32);
    }

    int headTo() {
        return (int) drain[drainAt * 4 + 1];
    }

    int headA() {
        return (int) (drain[drainAt * 4 + 2] >>> 32);
    }

    int headB() {
        return (int) drain[drainAt * 4 + 2];
    }

    void removeHead() {
        drainAt++;
    }

    private int nextOccupied(int from) {
        int w = from >>> 6;
        long word = occupied[w] & (-1L << from);
        while (word == 0) {
            w = (w + 1) & (occupied.length - 1);
            word = occupied[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(word);
    }

    private void drainBucket(int bucket) {
        int n = sizes[bucket];
        long[] data = buckets[bucket];
        if (drain.length < n * 4) {
            drain = new long[n * 8];
        }
        if (n <= SMALL_BUCKET) {
            insertionSort(data, n);
        } else {
            countingSort(data, n);
        }
        drainAt = 0;
        drainEnd = n;
        sizes[bucket] = 0;
        buckets[bucket] = null;
        occupied[bucket >>> 6] &= ~(1L << bucket);
        stored -= n;
        if (spareCount == spares.length) {
            spares = Arrays.copyOf(spares, spareCount * 2);
        }
        spares[spareCount++] = data;
    }

    /** Stable: events at the same microsecond keep insertion order. */
    private void insertionSort(long[] data, int n) {
        for (int i = 0; i < n; i++) {
            long offset = data[i * 4] & OFFSET_MASK;
            int at = i;
            while (at > 0 && (drain[(at - 1) * 4] & OFFSET_MASK) > offset) {
                System.arraycopy(drain, (at - 1) * 4, drain, at * 4, 4);
                at--;
            }
            System.arraycopy(data, i * 4, drain, at * 4, 4);
        }
    }

    private void countingSort(long[] data, int n) {
        int[] counts = offsetCounts;
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[(int) (data[i * 4] & OFFSET_MASK) + 1]++;
        }
        for (int o = 1; o <= BUCKET_MICROS; o++) {
            counts[o] += counts[o - 1];
        }
        for (int i = 0; i < n; i++) {
            int at = counts[(int) (data[i * 4] & OFFSET_MASK)]++;
            System.arraycopy(data, i * 4, drain, at * 4, 4);
        }
    }
}
