package io.gossip.sim.engine;

import java.util.Arrays;

/**
 * A set of times (µs, never negative) that answers "is this time in it?" in constant time, for
 * questions that never go back: times below the {@link #forgetBefore floor} can no longer be asked
 * about.
 *
 * <p>For {@link WakeupLane}, whose questions are "was a step or timer queued at exactly now +
 * timeout?" with a clock that never goes back. A heap popped in time order did that too, but with
 * heartbeats every node queues a wakeup a period ahead every period, and pushing and popping each
 * through a heap of a whole period's wakeups cost a tenth of a heartbeat-heavy run.
 *
 * <p>Times less than 2^{@value #WINDOW_BITS} µs ahead of the floor (about 2.1 s, more than a
 * default heartbeat period) are bits of a ring, one per microsecond (256 KB, cleared as the floor
 * passes them): a set or a test is one word. Times further ahead go to a hash table, whose entries
 * below the floor are dropped when it fills; a time that was far when added is still found there
 * once the floor has brought it into the window.
 */
final class TimeSet {
    private static final int WINDOW_BITS = 21;
    /** The span of times kept as bits (package-private for tests). */
    static final long WINDOW = 1L << WINDOW_BITS;
    private static final long EMPTY = -1;

    /** Bit {@code t mod WINDOW} for each time {@code t} in {@code [floor, floor + WINDOW)} added near. */
    private final long[] near = new long[(int) (WINDOW >>> 6)];
    private long[] far = emptyTable(64);
    private int farOccupied;
    private long floor;

    /** From now on no time below {@code timeMicros} is asked about (floors never go down). */
    void forgetBefore(long timeMicros) {
        if (timeMicros <= floor) {
            return;
        }
        if (timeMicros - floor >= WINDOW) {
            Arrays.fill(near, 0L);
        } else {
            clearRing(floor, timeMicros);
        }
        floor = timeMicros;
    }

    void add(long timeMicros) {
        if (timeMicros < floor) {
            return;
        }
        if (timeMicros - floor < WINDOW) {
            int bit = (int) (timeMicros & (WINDOW - 1));
            near[bit >>> 6] |= 1L << bit;
        } else {
            addFar(timeMicros);
        }
    }

    boolean contains(long timeMicros) {
        if (timeMicros < floor) {
            return false;
        }
        if (timeMicros - floor < WINDOW && nearHas(timeMicros)) {
            return true;
        }
        return farOccupied > 0 && farContains(timeMicros);
    }

    /** Times at or above the floor (a scan: for tests). */
    int size() {
        int n = 0;
        for (long word : near) {
            n += Long.bitCount(word);
        }
        for (long t : far) {
            if (t != EMPTY && t >= floor && !(t - floor < WINDOW && nearHas(t))) {
                n++;
            }
        }
        return n;
    }

    private boolean nearHas(long t) {
        int bit = (int) (t & (WINDOW - 1));
        return (near[bit >>> 6] & (1L << bit)) != 0;
    }

    /** Clears the ring's bits of the times {@code [from, to)}, fewer than a window of them. */
    private void clearRing(long from, long to) {
        int start = (int) (from & (WINDOW - 1));
        int end = (int) (to & (WINDOW - 1));
        if (start <= end) {
            clearBits(start, end);
        } else {
            clearBits(start, (int) WINDOW);
            clearBits(0, end);
        }
    }

    /** Clears bits {@code [start, end)} of the ring. */
    private void clearBits(int start, int end) {
        if (start >= end) {
            return;
        }
        int first = start >>> 6;
        int last = (end - 1) >>> 6;
        long firstMask = -1L << start; // bits start..63 of the first word
        long lastMask = -1L >>> (63 - ((end - 1) & 63)); // bits 0..end-1 of the last word
        if (first == last) {
            near[first] &= ~(firstMask & lastMask);
            return;
        }
        near[first] &= ~firstMask;
        for (int w = first + 1; w < last; w++) {
            near[w] = 0L;
        }
        near[last] &= ~lastMask;
    }

    private void addFar(long timeMicros) {
        if (2 * (farOccupied + 1) > far.length) {
            rebuildFar();
        }
        int mask = far.length - 1;
        int i = index(timeMicros, mask);
        while (far[i] != EMPTY) {
            if (far[i] == timeMicros) {
                return;
            }
            i = (i + 1) & mask;
        }
        far[i] = timeMicros;
        farOccupied++;
    }

    private boolean farContains(long timeMicros) {
        int mask = far.length - 1;
        for (int i = index(timeMicros, mask); far[i] != EMPTY; i = (i + 1) & mask) {
            if (far[i] == timeMicros) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops the far times below the floor, into a table at most an eighth full (doubled as often as
     * needed): the next rebuild is then at least three eighths of a table of additions away.
     */
    private void rebuildFar() {
        long[] old = far;
        int live = 0;
        for (long t : old) {
            live += t != EMPTY && t >= floor ? 1 : 0;
        }
        int capacity = old.length;
        while (8 * (live + 1) > capacity) {
            capacity *= 2;
        }
        far = emptyTable(capacity);
        farOccupied = 0;
        for (long t : old) {
            if (t != EMPTY && t >= floor) {
                addFar(t);
            }
        }
    }

    private static long[] emptyTable(int capacity) {
        long[] t = new long[capacity];
        Arrays.fill(t, EMPTY);
        return t;
    }

    private static int index(long timeMicros, int mask) {
        long h = timeMicros * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
