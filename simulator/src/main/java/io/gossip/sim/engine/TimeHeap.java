package io.gossip.sim.engine;

import java.util.Arrays;

/**
 * A 4-ary min-heap of event slots keyed by (time, insertion sequence), over three primitive arrays.
 * The building block of {@link EventQueue}: a 4-ary heap is shallower than a binary one and a
 * node's four children are adjacent in memory.
 */
final class TimeHeap {
    private long[] times;
    private long[] seqs;
    private int[] slots;
    private int size;

    TimeHeap(int capacity) {
        int n = Math.max(16, capacity);
        times = new long[n];
        seqs = new long[n];
        slots = new int[n];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest entry; only valid when not empty. */
    long minTime() {
        return times[0];
    }

    /** Sequence number of the earliest entry; only valid when not empty. */
    long minSeq() {
        return seqs[0];
    }

    void push(long time, long seq, int slot) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            slots = Arrays.copyOf(slots, n);
        }
        int at = size++;
        while (at > 0) {
            int parent = (at - 1) >>> 2;
            long pt = times[parent];
            if (pt < time || (pt == time && seqs[parent] < seq)) {
                break;
            }
            times[at] = pt;
            seqs[at] = seqs[parent];
            slots[at] = slots[parent];
            at = parent;
        }
        times[at] = time;
        seqs[at] = seq;
        slots[at] = slot;
    }

    /** Removes the earliest entry and returns its slot; the heap must not be empty. */
    int pop() {
        int top = slots[0];
        int last = --size;
        if (last > 0) {
            siftDown(times[last], seqs[last], slots[last]);
        }
        return top;
    }

    private void siftDown(long time, long seq, int slot) {
        int at = 0;
        int n = size;
        while (true) {
            int first = (at << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = times[first];
            long bs = seqs[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long ct = times[c];
                if (ct < bt || (ct == bt && seqs[c] < bs)) {
                    best = c;
                    bt = ct;
                    bs = seqs[c];
                }
            }
            if (time < bt || (time == bt && seq < bs)) {
                break;
            }
            times[at] = bt;
            seqs[at] = bs;
            slots[at] = slots[best];
            at = best;
        }
        times[at] = time;
        seqs[at] = seq;
        slots[at] = slot;
    }
}
