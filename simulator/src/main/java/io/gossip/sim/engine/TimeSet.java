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
 * <p>Times less than 2^{@value #WINDOW_BITS} µs ahead of the floor (about 1.05 s: a default
 * heartbeat period less the retransmission timeout fits) are bits of a ring, one per microsecond
 * (128 KB, and 64 KB of tags), each word of 64 tagged with the window its times belong to ({@code time >>>}
 * {@value #WINDOW_BITS}), so that a word is emptied when a time of a later window is first set in
 * it rather than as the floor passes it (the floor passes every microsecond of a run: 100,000
 * virtual seconds of joins would clear 12 GB). A set or a test is one word and its tag. Times
 * further ahead go to a hash table, whose entries below the floor are dropped when it fills; a
 * time that was far when added is still found there once the floor has brought it into the window.
 */
final class TimeSet {
    private static final int WINDOW_BITS = 20;
    /** The span of times kept as bits (package-private for tests). */
    static final long WINDOW = 1L << WINDOW_BITS;
    /**
     * How far ahead of the floor times are bits: a window less one word, so that the word holding
     * the floor's own position never needs times of two windows at once (those at its positions
     * before the floor's would be the last microseconds of the next window).
     */
    private static final long NEAR = WINDOW - 64;
    private static final long EMPTY = -1;

    /**
     * Bit {@code t mod WINDOW} for each time {@code t} added near, valid while its word's tag is
     * {@code t >>> WINDOW_BITS}.
     */
    private final long[] near = new long[(int) (WINDOW >>> 6)];
    private final int[] nearWindow = new int[near.length];
    private long[] far = emptyTable(64);
    private int farOccupied;
    private long floor;

    /** From now on no time below {@code timeMicros} is asked about (floors never go down). */
    void forgetBefore(long timeMicros) {
        if (timeMicros > floor) {
            floor = timeMicros;
        }
    }

    void add(long timeMicros) {
        if (timeMicros < floor) {
            return;
        }
        if (timeMicros - floor < NEAR) {
            int bit = (int) (timeMicros & (WINDOW - 1));
            int window = (int) (timeMicros >>> WINDOW_BITS);
            if (nearWindow[bit >>> 6] != window) {
                nearWindow[bit >>> 6] = window; // its bits were of an earlier window: all below the floor now
                near[bit >>> 6] = 0L;
            }
            near[bit >>> 6] |= 1L << bit;
        } else {
            addFar(timeMicros);
        }
    }

    boolean contains(long timeMicros) {
        if (timeMicros < floor) {
            return false;
        }
        if (timeMicros - floor < NEAR && nearHas(timeMicros)) {
            return true;
        }
        return farOccupied > 0 && farContains(timeMicros);
    }

    /** Times at or above the floor (a scan: for tests). */
    int size() {
        int n = 0;
        for (int w = 0; w < near.length; w++) {
            for (int b = 0; b < 64; b++) {
                long t = ((long) nearWindow[w] << WINDOW_BITS) + 64L * w + b;
                n += (near[w] & (1L << b)) != 0 && t >= floor ? 1 : 0;
            }
        }
        for (long t : far) {
            if (t != EMPTY && t >= floor && !(t - floor < NEAR && nearHas(t))) {
                n++;
            }
        }
        return n;
    }

    private boolean nearHas(long t) {
        int bit = (int) (t & (WINDOW - 1));
        return nearWindow[bit >>> 6] == (int) (t >>> WINDOW_BITS) && (near[bit >>> 6] & (1L << bit)) != 0;
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
