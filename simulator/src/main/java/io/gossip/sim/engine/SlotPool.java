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
    private long[] words;
    private int[] tags;
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
        words = new long[capacity];
        tags = new int[capacity];
        refs = new Object[capacity];
        free = new int[capacity];
        freeCount = 0;
        used = 0;
    }

    /** Stores an event's payload (a word and tag, or a ref: the other is 0 or null) and returns its slot. */
    int store(long time, int kind, int from, int to, long word, int tag, Object ref) {
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
                words = Arrays.copyOf(words, n);
                tags = Arrays.copyOf(tags, n);
                refs = Arrays.copyOf(refs, n);
                free = Arrays.copyOf(free, n);
            }
            slot = used++;
        }
        times[slot] = time;
        kinds[slot] = kind;
        froms[slot] = from;
        tos[slot] = to;
        words[slot] = word;
        tags[slot] = tag;
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

    long word(int slot) {
        return words[slot];
    }

    int tag(int slot) {
        return tags[slot];
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
