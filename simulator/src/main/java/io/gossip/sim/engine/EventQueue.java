package io.gossip.sim.engine;

import java.util.Arrays;

/**
 * The pending events of one run, earliest first, over primitive arrays: no event objects, so the
 * hot loop allocates nothing of its own.
 *
 * <p>Order is (time, insertion sequence): events at the same microsecond come out in the order they
 * were scheduled, never in hash or memory order, which is what makes a run reproducible.
 *
 * <p>Structure: an event's payload (kind, from, to, object reference, time, sequence) sits in slot
 * arrays reused through a free list. Slots are ordered by a timing wheel in front of two small
 * 4-ary heaps. The wheel has {@value #BUCKETS} buckets of {@value #BUCKET_MICROS} µs (a horizon of
 * about 262 ms, which covers network latencies); an event in a future bucket is appended to that
 * bucket's list in O(1) (prepended: the near heap restores the order). The <em>near</em> heap holds the events of the current bucket, the
 * <em>far</em> heap those beyond the horizon (timers, mostly). When the near heap runs dry, the next
 * bucket's events and any far events that fall in it move into the near heap. Each event is
 * therefore ordered within one bucket's worth of events rather than among everything pending,
 * which keeps the heap small and in cache when tens of millions of messages are in flight.
 *
 * <p>Usage: {@link #push}, then {@link #pop} returns the slot of the earliest event, whose fields
 * are read with {@link #kind}, {@link #from}, {@link #to}, {@link #ref} and which must be given back
 * with {@link #release} after use.
 */
public final class EventQueue {
    private static final int SHIFT = 6;
    private static final int BUCKET_MICROS = 1 << SHIFT;
    private static final int BUCKETS = 4096;
    private static final int MASK = BUCKETS - 1;
    private static final int NONE = -1;

    private int[] kinds;
    private int[] froms;
    private int[] tos;
    private Object[] refs;
    private long[] times;
    private long[] seqs;
    private int[] next;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private final int[] bucketHead = new int[BUCKETS];
    private final TimeHeap near;
    private final TimeHeap far = new TimeHeap(64);
    /** Start of the current bucket (a multiple of the bucket width); the near heap holds [start, start + width). */
    private long currentStart;
    private int inWheel;
    private int size;
    private long nextSeq;
    private long poppedTime;

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        kinds = new int[capacity];
        froms = new int[capacity];
        tos = new int[capacity];
        refs = new Object[capacity];
        times = new long[capacity];
        seqs = new long[capacity];
        next = new int[capacity];
        freeSlots = new int[capacity];
        near = new TimeHeap(1024);
        Arrays.fill(bucketHead, NONE);
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
        fillNear();
        return near.minTime();
    }

    /** Time of the event last returned by {@link #pop}. */
    public long poppedTime() {
        return poppedTime;
    }

    /** Schedules an event at {@code timeMicros}, which must not be before the last popped time. */
    public void push(long timeMicros, int kind, int from, int to, Object ref) {
        int slot = allocateSlot();
        kinds[slot] = kind;
        froms[slot] = from;
        tos[slot] = to;
        refs[slot] = ref;
        times[slot] = timeMicros;
        long seq = nextSeq++;
        seqs[slot] = seq;
        size++;
        long end = currentStart + BUCKET_MICROS;
        if (timeMicros < end) {
            near.push(timeMicros, seq, slot);
        } else if (timeMicros < currentStart + (long) BUCKETS * BUCKET_MICROS) {
            // Prepend: touches only this (recently freed, cache-hot) slot. The order inside a bucket
            // does not matter, the near heap sorts it by (time, sequence).
            int b = (int) (timeMicros >>> SHIFT) & MASK;
            next[slot] = bucketHead[b];
            bucketHead[b] = slot;
            inWheel++;
        } else {
            far.push(timeMicros, seq, slot);
        }
    }

    /** Removes the earliest event and returns its slot; the queue must not be empty. */
    public int pop() {
        fillNear();
        int slot = near.pop();
        poppedTime = times[slot];
        size--;
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

    /** Advances bucket by bucket until the near heap holds the earliest pending events. */
    private void fillNear() {
        while (near.isEmpty()) {
            if (inWheel == 0) {
                if (far.isEmpty()) {
                    return;
                }
                // Nothing on the wheel: jump straight to the bucket of the earliest far event.
                currentStart = (far.minTime() >>> SHIFT) << SHIFT;
            } else {
                currentStart += BUCKET_MICROS;
            }
            int b = (int) (currentStart >>> SHIFT) & MASK;
            for (int slot = bucketHead[b]; slot != NONE; slot = next[slot]) {
                near.push(times[slot], seqs[slot], slot);
                inWheel--;
            }
            bucketHead[b] = NONE;
            long end = currentStart + BUCKET_MICROS;
            while (!far.isEmpty() && far.minTime() < end) {
                int slot = far.pop();
                near.push(times[slot], seqs[slot], slot);
            }
        }
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
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            next = Arrays.copyOf(next, n);
            freeSlots = Arrays.copyOf(freeSlots, n);
        }
        return slotsUsed++;
    }
}
