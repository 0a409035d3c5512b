package io.gossip.sim.engine;

import java.util.Arrays;

/**
 * The pending events of one run, earliest first, over primitive arrays: no event objects, so the
 * hot loop allocates nothing of its own.
 *
 * <p>Order is (time, insertion sequence): events at the same microsecond come out in the order they
 * were scheduled, never in hash or memory order, which is what makes a run reproducible.
 *
 * <p>Structure: a timing wheel of {@value #BUCKETS} buckets of {@value #BUCKET_MICROS} µs (a
 * horizon of about 2.1 s, which covers network latencies and the first retransmission timers).
 * Each bucket stores its events <em>contiguously</em>, in insertion order, in its own arrays:
 * pushing is an append, and the bucket's events sit together in memory. When the clock reaches a
 * bucket, its events are sorted by their offset in the bucket (a counting sort over 128 keys, or
 * an insertion sort for a handful of events; both stable, so ties keep insertion order) into a
 * drain buffer that is then read sequentially. Two small 4-ary heaps handle the rest: the
 * <em>far</em> heap holds events beyond the horizon (timers, mostly), the <em>near</em> heap those
 * pushed into the bucket being drained and far events that have come due; {@link #pop} takes the
 * earlier of the drain buffer's head and the near heap's top.
 *
 * <p>Usage: {@link #push}, then {@link #pop}, then read the popped event with {@link #poppedTime},
 * {@link #poppedKind}, {@link #poppedFrom}, {@link #poppedTo} and {@link #poppedRef}.
 */
public final class EventQueue {
    private static final int SHIFT = 7;
    private static final int BUCKET_MICROS = 1 << SHIFT;
    private static final int OFFSET_MASK = BUCKET_MICROS - 1;
    private static final int BUCKETS = 16384;
    private static final int MASK = BUCKETS - 1;
    private static final long HORIZON_MICROS = (long) BUCKETS * BUCKET_MICROS;
    private static final int KIND_SHIFT = SHIFT;
    private static final int SEQ_SHIFT = SHIFT + 2;
    /** Buckets up to this size are insertion-sorted. */
    private static final int SMALL_BUCKET = 12;

    // Per bucket, in insertion order: (from << 32 | to), (seq << 8 | kind << 6 | offset), ref.
    private final long[][] bucketEnds = new long[BUCKETS][];
    private final long[][] bucketKeys = new long[BUCKETS][];
    private final Object[][] bucketRefs = new Object[BUCKETS][];
    private final int[] bucketSize = new int[BUCKETS];

    // The bucket being drained, sorted by (offset, seq).
    private long[] drainEnds = new long[64];
    private long[] drainKeys = new long[64];
    private Object[] drainRefs = new Object[64];
    private int drainAt;
    private int drainEnd;
    private final int[] offsetCounts = new int[BUCKET_MICROS + 1];

    // Events outside the wheel (near and far heaps) keep their payload in reusable slots.
    private final SlotPool slots;
    private final TimeHeap near = new TimeHeap(256);
    private final TimeHeap far = new TimeHeap(64);

    /** Start of the bucket being drained (a multiple of the bucket width). */
    private long currentStart;
    private long inWheel;
    private long size;
    private long nextSeq;

    private long poppedTime;
    private int poppedKind;
    private int poppedFrom;
    private int poppedTo;
    private Object poppedRef;

    /** @param initialCapacity expected events outside the wheel (beyond the horizon); grows as needed */
    public EventQueue(int initialCapacity) {
        slots = new SlotPool(Math.max(16, initialCapacity));
    }

    /** Number of pending events. */
    public long size() {
        return size;
    }

    /** Whether no event is pending. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest pending event; only valid when not empty. */
    public long peekTime() {
        fill();
        if (drainAt < drainEnd) {
            long t = currentStart + (drainKeys[drainAt] & OFFSET_MASK);
            return near.isEmpty() ? t : Math.min(t, near.minTime());
        }
        return near.minTime();
    }

    /** Schedules an event at {@code timeMicros}, which must not be before the last popped time. */
    public void push(long timeMicros, int kind, int from, int to, Object ref) {
        long seq = nextSeq++;
        size++;
        long end = currentStart + BUCKET_MICROS;
        if (timeMicros >= end && timeMicros < currentStart + HORIZON_MICROS) {
            int b = (int) (timeMicros >>> SHIFT) & MASK;
            int n = bucketSize[b];
            long[] ends = bucketEnds[b];
            if (ends == null || n == ends.length) {
                ends = growBucket(b, n);
            }
            ends[n] = ((long) from << 32) | (to & 0xFFFF_FFFFL);
            bucketKeys[b][n] = (seq << SEQ_SHIFT) | ((long) kind << KIND_SHIFT) | (timeMicros & OFFSET_MASK);
            bucketRefs[b][n] = ref;
            bucketSize[b] = n + 1;
            inWheel++;
        } else {
            int slot = slots.store(timeMicros, kind, from, to, ref);
            (timeMicros < end ? near : far).push(timeMicros, seq, slot);
        }
    }

    /** Removes the earliest event; read it with the {@code popped...} methods. The queue must not be empty. */
    public void pop() {
        fill();
        size--;
        if (drainAt < drainEnd) {
            long key = drainKeys[drainAt];
            long t = currentStart + (key & OFFSET_MASK);
            if (near.isEmpty() || t < near.minTime() || (t == near.minTime() && (key >>> SEQ_SHIFT) < near.minSeq())) {
                long ends = drainEnds[drainAt];
                poppedTime = t;
                poppedKind = (int) (key >>> KIND_SHIFT) & 3;
                poppedFrom = (int) (ends >>> 32);
                poppedTo = (int) ends;
                poppedRef = drainRefs[drainAt];
                drainRefs[drainAt] = null;
                drainAt++;
                return;
            }
        }
        int slot = near.pop();
        poppedTime = slots.time(slot);
        poppedKind = slots.kind(slot);
        poppedFrom = slots.from(slot);
        poppedTo = slots.to(slot);
        poppedRef = slots.release(slot);
    }

    /** Time of the event last popped. */
    public long poppedTime() {
        return poppedTime;
    }

    public int poppedKind() {
        return poppedKind;
    }

    public int poppedFrom() {
        return poppedFrom;
    }

    public int poppedTo() {
        return poppedTo;
    }

    public Object poppedRef() {
        return poppedRef;
    }

    /** Gives back the memory of buckets grown for a peak; only when empty (at the end of a run). */
    public void trim() {
        if (size != 0) {
            throw new IllegalStateException("trim needs an empty queue, " + size + " events pending");
        }
        Arrays.fill(bucketEnds, null);
        Arrays.fill(bucketKeys, null);
        Arrays.fill(bucketRefs, null);
        drainEnds = new long[64];
        drainKeys = new long[64];
        drainRefs = new Object[64];
        drainAt = 0;
        drainEnd = 0;
        slots.trim();
    }

    /** Advances bucket by bucket until the drain buffer or the near heap holds the earliest events. */
    private void fill() {
        while (drainAt == drainEnd && near.isEmpty()) {
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
            if (bucketSize[b] > 0) {
                sortIntoDrain(b);
            } else {
                drainAt = 0;
                drainEnd = 0;
            }
            long end = currentStart + BUCKET_MICROS;
            while (!far.isEmpty() && far.minTime() < end) {
                long seq = far.minSeq();
                long t = far.minTime();
                near.push(t, seq, far.pop());
            }
        }
    }

    /** Stable counting sort of bucket {@code b} by offset into the drain buffer; empties the bucket. */
    private void sortIntoDrain(int b) {
        int n = bucketSize[b];
        long[] keys = bucketKeys[b];
        long[] ends = bucketEnds[b];
        Object[] refs = bucketRefs[b];
        if (drainKeys.length < n) {
            int capacity = Math.max(n, drainKeys.length * 2);
            drainKeys = new long[capacity];
            drainEnds = new long[capacity];
            drainRefs = new Object[capacity];
        }
        if (n <= SMALL_BUCKET) {
            insertionSortIntoDrain(keys, ends, refs, n);
            bucketSize[b] = 0;
            inWheel -= n;
            return;
        }
        int[] counts = offsetCounts;
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[(int) (keys[i] & OFFSET_MASK) + 1]++;
        }
        for (int o = 1; o <= BUCKET_MICROS; o++) {
            counts[o] += counts[o - 1];
        }
        for (int i = 0; i < n; i++) {
            int at = counts[(int) (keys[i] & OFFSET_MASK)]++;
            drainKeys[at] = keys[i];
            drainEnds[at] = ends[i];
            drainRefs[at] = refs[i];
            refs[i] = null;
        }
        drainAt = 0;
        drainEnd = n;
        bucketSize[b] = 0;
        inWheel -= n;
    }

    /** The same as the counting sort for a few events, without touching 128 counters. */
    private void insertionSortIntoDrain(long[] keys, long[] ends, Object[] refs, int n) {
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            long offset = key & OFFSET_MASK;
            int at = i;
            while (at > 0 && (drainKeys[at - 1] & OFFSET_MASK) > offset) {
                drainKeys[at] = drainKeys[at - 1];
                drainEnds[at] = drainEnds[at - 1];
                drainRefs[at] = drainRefs[at - 1];
                at--;
            }
            drainKeys[at] = key;
            drainEnds[at] = ends[i];
            drainRefs[at] = refs[i];
            refs[i] = null;
        }
        drainAt = 0;
        drainEnd = n;
    }

    private long[] growBucket(int b, int n) {
        int capacity = n == 0 ? 8 : n * 2;
        if (bucketEnds[b] == null) {
            bucketEnds[b] = new long[capacity];
            bucketKeys[b] = new long[capacity];
            bucketRefs[b] = new Object[capacity];
        } else {
            bucketEnds[b] = Arrays.copyOf(bucketEnds[b], capacity);
            bucketKeys[b] = Arrays.copyOf(bucketKeys[b], capacity);
            bucketRefs[b] = Arrays.copyOf(bucketRefs[b], capacity);
        }
        return bucketEnds[b];
    }
}
