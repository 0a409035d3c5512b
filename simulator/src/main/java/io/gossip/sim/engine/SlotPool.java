package io.gossip.sim.engine;

import java.util.Arrays;

/**
 * Payloads of the events that {@link EventQueue} keeps in its heaps rather than on its wheel (timers
 * beyond the wheel's horizon, events due in the bucket being drained), in parallel primitive arrays
 * whose slots are reused through a free list.
 */
final class SlotPool {
    private long[] times;
    private int[] kinds;
    private int[] froms;
    private int[] tos;
    private Object[] refs;
    private int[] free;
    private int freeCount;
    private int used;

    SlotPool(int capacity) {
        allocate(capacity);
    }

    private void allocate(int capacity) {
        times = new long[capacity];
        kinds = new int[capacity];
        froms = new int[capacity];
        tos = new int[capacity];
        refs = new Object[capacity];
        free = new int[capacity];
        freeCount = 0;
        used = 0;
    }

    /** Stores an event's payload and returns its slot. */
    int store(long time, int kind, int from, int to, Object ref) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == times.length) {
                int n = used * 2;
                times = Arrays.copyOf(times, n);
                kinds = Arrays.copyOf(kinds, n);
                froms = Arrays.copyOf(froms, n);
                tos = Arrays.copyOf(tos, n);
                refs = Arrays.copyOf(refs, n);
                free = Arrays.copyOf(free, n);
            }
            slot = used++;
        }
        times[slot] = time;
        kinds[slot] = kind;
        froms[slot] = from;
        tos[slot] = to;
        refs[slot] = ref;
        return slot;
    }

    long time(int slot) {
        return times[slot];
    }

    int kind(int slot) {
        return kinds[slot];
    }

    int from(int slot) {
        return froms[slot];
    }

    int to(int slot) {
        return tos[slot];
    }

    /** Frees the slot and returns its reference. */
    Object release(int slot) {
        Object ref = refs[slot];
        refs[slot] = null;
        free[freeCount++] = slot;
        return ref;
    }

    /** Drops grown arrays; only when every slot is free. */
    void trim() {
        allocate(16);
    }
}
