package io.gossip.sim.engine;

import java.util.Arrays;

/**
 * The pending events of one run, earliest first, over primitive arrays: no event objects, so the
 * hot loop allocates nothing of its own.
 *
 * <p>A 4-ary min-heap ordered by (time, insertion sequence): events at the same microsecond come out
 * in the order they were scheduled, never in hash or memory order, which is what makes a run
 * reproducible. The heap holds (time, sequence, slot); an event's payload (kind, from, to, object
 * reference) sits in slot arrays that do not move while the heap is reordered, and freed slots are
 * reused through a free list. A 4-ary heap is shallower than a binary one and its four children
 * share a cache line, which matters at tens of millions of pending messages.
 *
 * <p>Usage: {@link #push}, then {@link #pop} returns the slot of the earliest event, whose fields
 * are read with {@link #kind}, {@link #from}, {@link #to}, {@link #ref} and which must be given
 * back with {@link #release} after use.
 */
public final class EventQueue {
    private long[] heapTime;
    private long[] heapSeq;
    private int[] heapSlot;
    private int size;

    private int[] kinds;
    private int[] froms;
    private int[] tos;
    private Object[] refs;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private long nextSeq;
    private long poppedTime;

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        heapTime = new long[capacity];
        heapSeq = new long[capacity];
        heapSlot = new int[capacity];
        kinds = new int[capacity];
        froms = new int[capacity];
        tos = new int[capacity];
        refs = new Object[capacity];
        freeSlots = new int[capacity];
    }

    /** Number of pending events. */
    public int size() {
        return size;
    }

    /** Whether no event is pending. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest pending event; only valid when not empty. */
    public long peekTime() {
        return heapTime[0];
    }

    /** Time of the event last returned by {@link #pop}. */
    public long poppedTime() {
        return poppedTime;
    }

    /** Schedules an event at {@code timeMicros}. */
    public void push(long timeMicros, int kind, int from, int to, Object ref) {
        int slot = allocateSlot();
        kinds[slot] = kind;
        froms[slot] = from;
        tos[slot] = to;
        refs[slot] = ref;
        if (size == heapTime.length) {
            int n = heapTime.length * 2;
            heapTime = Arrays.copyOf(heapTime, n);
            heapSeq = Arrays.copyOf(heapSeq, n);
            heapSlot = Arrays.copyOf(heapSlot, n);
        }
        siftUp(size++, timeMicros, nextSeq++, slot);
    }

    /** Removes the earliest event and returns its slot; the queue must not be empty. */
    public int pop() {
        int slot = heapSlot[0];
        poppedTime = heapTime[0];
        int last = --size;
        if (last > 0) {
            siftDown(heapTime[last], heapSeq[last], heapSlot[last]);
        }
        return slot;
    }

    public int kind(int slot) {
        return kinds[slot];
    }

    public int from(int slot) {
        return froms[slot];
    }

    public int to(int slot) {
        return tos[slot];
    }

    public Object ref(int slot) {
        return refs[slot];
    }

    /** Gives a popped event's slot back for reuse. */
    public void release(int slot) {
        refs[slot] = null;
        freeSlots[freeCount++] = slot;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == kinds.length) {
            int n = kinds.length * 2;
            kinds = Arrays.copyOf(kinds, n);
            froms = Arrays.copyOf(froms, n);
            tos = Arrays.copyOf(tos, n);
            refs = Arrays.copyOf(refs, n);
            freeSlots = Arrays.copyOf(freeSlots, n);
        }
        return slotsUsed++;
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int at, long time, long seq, int slot) {
        while (at > 0) {
            int parent = (at - 1) >>> 2;
            long pt = heapTime[parent];
            if (!before(time, seq, pt, heapSeq[parent])) {
                break;
            }
            heapTime[at] = pt;
            heapSeq[at] = heapSeq[parent];
            heapSlot[at] = heapSlot[parent];
            at = parent;
        }
        heapTime[at] = time;
        heapSeq[at] = seq;
        heapSlot[at] = slot;
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
            long bt = heapTime[first];
            long bs = heapSeq[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long ct = heapTime[c];
                if (ct < bt || (ct == bt && heapSeq[c] < bs)) {
                    best = c;
                    bt = ct;
                    bs = heapSeq[c];
                }
            }
            if (!before(bt, bs, time, seq)) {
                break;
            }
            heapTime[at] = bt;
            heapSeq[at] = bs;
            heapSlot[at] = heapSlot[best];
            at = best;
        }
        heapTime[at] = time;
        heapSeq[at] = seq;
        heapSlot[at] = slot;
    }
}
