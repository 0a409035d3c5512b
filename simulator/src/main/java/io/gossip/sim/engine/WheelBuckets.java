package io.gossip.sim.engine;

import java.util.Arrays;

/**
 * The timing wheel's storage for {@link EventQueue}: per bucket, its events contiguously in
 * insertion order; and the <em>drain buffer</em>, the events of the bucket being drained sorted by
 * their offset in the bucket, read front to back.
 *
 * <p>An event here is five primitives plus a reference, in parallel arrays: {@code ends} (the event's
 * {@code from << 32 | to}), {@code key} (the queue's packing of insertion sequence, kind and offset,
 * whose low {@value #SHIFT} bits are the offset in the bucket), the 64-bit {@code word} and 32-bit
 * {@code tag} of a primitive payload, and the {@code ref} of an object payload. A bucket's arrays are
 * taken together on its first event and grow together. When the bucket is drained they go to a stack
 * of spare array sets, which the next empty bucket to get an event takes from: the wheel holds about
 * as many array sets as it has non-empty buckets (a few hundred for network latencies), not one per
 * bucket it ever used (all {@value #BUCKETS} of them, each at its peak size, once the wheel has
 * turned). {@link #trim} drops the spares and shrinks the drain buffer.
 *
 * <p>Sorting is stable (a counting sort over the {@value #BUCKET_MICROS} offsets, or an insertion
 * sort for a handful of events), so events at the same microsecond keep their insertion order.
 */
final class WheelBuckets {
    /** log2 of the bucket width. */
    static final int SHIFT = 7;
    /** Width of a bucket. */
    static final int BUCKET_MICROS = 1 << SHIFT;
    /** The offset-in-bucket bits of a time, and of a key. */
    static final int OFFSET_MASK = BUCKET_MICROS - 1;
    /** Number of buckets on the wheel. */
    static final int BUCKETS = 16384;
    /** Buckets up to this size are insertion-sorted. */
    private static final int SMALL_BUCKET = 12;
    private static final int DRAIN_CAPACITY = 64;

    private final long[][] bucketEnds = new long[BUCKETS][];
    private final long[][] bucketKeys = new long[BUCKETS][];
    private final long[][] bucketWords = new long[BUCKETS][];
    private final int[][] bucketTags = new int[BUCKETS][];
    private final Object[][] bucketRefs = new Object[BUCKETS][];
    private final int[] bucketSize = new int[BUCKETS];
    /** Events in all buckets, not counting the drain buffer. */
    private long stored;

    // Array sets of drained buckets, last drained on top, for the next buckets to get an event.
    private long[][] spareEnds = new long[16][];
    private long[][] spareKeys = new long[16][];
    private long[][] spareWords = new long[16][];
    private int[][] spareTags = new int[16][];
    private Object[][] spareRefs = new Object[16][];
    private int spareCount;

    private long[] drainEnds;
    private long[] drainKeys;
    private long[] drainWords;
    private int[] drainTags;
    private Object[] drainRefs;
    private int drainAt;
    private int drainEnd;
    private final int[] offsetCounts = new int[BUCKET_MICROS + 1];

    WheelBuckets() {
        allocateDrain(DRAIN_CAPACITY);
    }

    /** Appends an event to bucket {@code b}. */
    void append(int b, long ends, long key, long word, int tag, Object ref) {
        int n = bucketSize[b];
        long[] endsArray = bucketEnds[b];
        if (endsArray == null || n == endsArray.length) {
            endsArray = grow(b, n);
        }
        endsArray[n] = ends;
        bucketKeys[b][n] = key;
        bucketWords[b][n] = word;
        bucketTags[b][n] = tag;
        bucketRefs[b][n] = ref;
        bucketSize[b] = n + 1;
        stored++;
    }

    /** Whether no bucket holds an event (the drain buffer aside). */
    boolean isEmpty() {
        return stored == 0;
    }

    /** Whether the drain buffer still holds events. */
    boolean draining() {
        return drainAt < drainEnd;
    }

    /** Key of the drain buffer's head; only valid while {@link #draining}. */
    long headKey() {
        return drainKeys[drainAt];
    }

    long headEnds() {
        return drainEnds[drainAt];
    }

    long headWord() {
        return drainWords[drainAt];
    }

    int headTag() {
        return drainTags[drainAt];
    }

    /** Removes the drain buffer's head and returns its reference (read the rest with the head methods first). */
    Object takeHead() {
        int at = drainAt++;
        Object ref = drainRefs[at];
        drainRefs[at] = null;
        return ref;
    }

    /**
     * Moves bucket {@code b}'s events, sorted by offset, into the (exhausted) drain buffer, and gives
     * the bucket's arrays to the spares.
     */
    void drain(int b) {
        int n = bucketSize[b];
        drainAt = 0;
        drainEnd = n;
        if (n == 0) {
            return;
        }
        if (drainKeys.length < n) {
            allocateDrain(Math.max(n, drainKeys.length * 2));
        }
        if (n <= SMALL_BUCKET) {
            insertionSort(b, n);
        } else {
            countingSort(b, n);
        }
        bucketSize[b] = 0;
        stored -= n;
        release(b);
    }

    /** Drops the spare arrays and shrinks the drain buffer; only when all buckets are empty. */
    void trim() {
        Arrays.fill(spareEnds, null);
        Arrays.fill(spareKeys, null);
        Arrays.fill(spareWords, null);
        Arrays.fill(spareTags, null);
        Arrays.fill(spareRefs, null);
        spareCount = 0;
        allocateDrain(DRAIN_CAPACITY);
        drainAt = 0;
        drainEnd = 0;
    }

    private void countingSort(int b, int n) {
        long[] keys = bucketKeys[b];
        long[] ends = bucketEnds[b];
        long[] words = bucketWords[b];
        int[] tags = bucketTags[b];
        Object[] refs = bucketRefs[b];
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
            drainWords[at] = words[i];
            drainTags[at] = tags[i];
            drainRefs[at] = refs[i];
            refs[i] = null;
        }
    }

    /** The same order as the counting sort for a few events, without touching 128 counters. */
    private void insertionSort(int b, int n) {
        long[] keys = bucketKeys[b];
        long[] ends = bucketEnds[b];
        long[] words = bucketWords[b];
        int[] tags = bucketTags[b];
        Object[] refs = bucketRefs[b];
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            long offset = key & OFFSET_MASK;
            int at = i;
            while (at > 0 && (drainKeys[at - 1] & OFFSET_MASK) > offset) {
                drainKeys[at] = drainKeys[at - 1];
                drainEnds[at] = drainEnds[at - 1];
                drainWords[at] = drainWords[at - 1];
                drainTags[at] = drainTags[at - 1];
                drainRefs[at] = drainRefs[at - 1];
                at--;
            }
            drainKeys[at] = key;
            drainEnds[at] = ends[i];
            drainWords[at] = words[i];
            drainTags[at] = tags[i];
            drainRefs[at] = refs[i];
            refs[i] = null;
        }
    }

    /** Arrays for bucket {@code b} with room for one more than its {@code n} events. */
    private long[] grow(int b, int n) {
        int capacity = n == 0 ? 8 : n * 2;
        if (bucketEnds[b] == null && spareCount > 0) {
            int s = --spareCount;
            bucketEnds[b] = spareEnds[s];
            bucketKeys[b] = spareKeys[s];
            bucketWords[b] = spareWords[s];
            bucketTags[b] = spareTags[s];
            bucketRefs[b] = spareRefs[s];
            spareEnds[s] = null;
            spareKeys[s] = null;
            spareWords[s] = null;
            spareTags[s] = null;
            spareRefs[s] = null;
        } else if (bucketEnds[b] == null) {
            bucketEnds[b] = new long[capacity];
            bucketKeys[b] = new long[capacity];
            bucketWords[b] = new long[capacity];
            bucketTags[b] = new int[capacity];
            bucketRefs[b] = new Object[capacity];
        } else {
            bucketEnds[b] = Arrays.copyOf(bucketEnds[b], capacity);
            bucketKeys[b] = Arrays.copyOf(bucketKeys[b], capacity);
            bucketWords[b] = Arrays.copyOf(bucketWords[b], capacity);
            bucketTags[b] = Arrays.copyOf(bucketTags[b], capacity);
            bucketRefs[b] = Arrays.copyOf(bucketRefs[b], capacity);
        }
        return bucketEnds[b];
    }

    /** Detaches the arrays of the (drained, emptied) bucket {@code b} onto the spares. */
    private void release(int b) {
        if (spareCount == spareEnds.length) {
            int n = spareCount * 2;
            spareEnds = Arrays.copyOf(spareEnds, n);
            spareKeys = Arrays.copyOf(spareKeys, n);
            spareWords = Arrays.copyOf(spareWords, n);
            spareTags = Arrays.copyOf(spareTags, n);
            spareRefs = Arrays.copyOf(spareRefs, n);
        }
        int s = spareCount++;
        spareEnds[s] = bucketEnds[b];
        spareKeys[s] = bucketKeys[b];
        spareWords[s] = bucketWords[b];
        spareTags[s] = bucketTags[b];
        spareRefs[s] = bucketRefs[b];
        bucketEnds[b] = null;
        bucketKeys[b] = null;
        bucketWords[b] = null;
        bucketTags[b] = null;
        bucketRefs[b] = null;
    }

    private void allocateDrain(int capacity) {
        drainEnds = new long[capacity];
        drainKeys = new long[capacity];
        drainWords = new long[capacity];
        drainTags = new int[capacity];
        drainRefs = new Object[capacity];
    }
}
