package io.gossip.sim.engine;

import java.util.Arrays;

/**
 * A set of times (µs, never negative) that answers "is this time in it?" in constant time, for
 * questions that never go back: times below the {@link #forgetBefore floor} can no longer be asked
 * about, so they are dropped lazily, when the table fills, instead of one by one in time order.
 *
 * <p>For {@link WakeupLane}, whose questions are "was a step or timer queued at exactly now +
 * timeout?" with a clock that never goes back. A heap popped in time order did that too, but with
 * heartbeats every node queues a wakeup a period ahead every period, and pushing and popping each
 * through a heap of a whole period's wakeups cost a tenth of a heartbeat-heavy run.
 */
final class TimeSet {
    private static final long EMPTY = -1;

    private long[] slots = emptyTable(64);
    private int occupied;
    private long floor = Long.MIN_VALUE;

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
        if (2 * (occupied + 1) > slots.length) {
            rebuild();
        }
        int mask = slots.length - 1;
        int i = index(timeMicros, mask);
        while (slots[i] != EMPTY) {
            if (slots[i] == timeMicros) {
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = timeMicros;
        occupied++;
    }

    boolean contains(long timeMicros) {
        if (timeMicros < floor) {
            return false;
        }
        int mask = slots.length - 1;
        for (int i = index(timeMicros, mask); slots[i] != EMPTY; i = (i + 1) & mask) {
            if (slots[i] == timeMicros) {
                return true;
            }
        }
        return false;
    }

    /** Times at or above the floor (a scan: for tests). */
    int size() {
        int n = 0;
        for (long t : slots) {
            n += t != EMPTY && t >= floor ? 1 : 0;
        }
        return n;
    }

    /**
     * Drops the times below the floor, into a table at most an eighth full (doubled as often as
     * needed): the next rebuild is then at least three eighths of a table of additions away.
     */
    private void rebuild() {
        long[] old = slots;
        int live = size();
        int capacity = old.length;
        while (8 * (live + 1) > capacity) {
            capacity *= 2;
        }
        slots = emptyTable(capacity);
        occupied = 0;
        for (long t : old) {
            if (t != EMPTY && t >= floor) {
                add(t);
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
