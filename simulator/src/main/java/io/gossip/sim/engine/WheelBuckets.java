package io.gossip.sim.engine;

import static io.gossip.sim.engine.BucketChunks.CHUNK_EVENTS;
import static io.gossip.sim.engine.BucketChunks.FIRST;
import static io.gossip.sim.engine.BucketChunks.KEY;
import static io.gossip.sim.engine.BucketChunks.STRIDE;

import java.util.BitSet;

/**
 * The timing wheel for {@link EventQueue}: which buckets hold events, their events (in
 * {@link BucketChunks}, contiguously in insertion order), and the <em>drain buffer</em>, the events
 * of the bucket being drained sorted by their offset in the bucket, read front to back.
 *
 * <p>An event here is two longs, side by side in one array (an event is written and read in one
 * place; with five parallel arrays a push touched five array headers and five tails, and was a
 * third of the scale benchmark's time): {@code ends} and {@code key}, the queue's packing of the
 * event ({@link WheelEventLayout}; the key's low {@value #SHIFT} bits are the offset in the
 * bucket). No insertion sequence is stored: a bucket's events are appended in insertion order and
 * the sort is stable, which is all the order among them needs (see {@link EventQueue} for the order
 * against its heaps).
 *
 * <p>Appending has two parts: counting the event ({@link #mark}: the bucket's bit, the number
 * stored), always on the loop's thread, and storing it, on the loop's thread too
 * ({@link #append}) unless a {@link WheelAppender} stores it on another; then drained buckets'
 * chains go back to the appender for reuse ({@link #handChainsTo}).
 *
 * <p>Sorting is stable (a counting sort over the {@value #BUCKET_MICROS} offsets, or an insertion
 * sort for a handful of events), so events at the same microsecond keep their insertion order.
 * While the appender stores events, it also sorts the next buckets ahead when it has nothing to
 * store ({@link WheelAppender#takeSorted}); the loop then takes its sorted buffer if it holds every
 * event of the bucket, and sorts for itself otherwise.
 */
final class WheelBuckets {
    /**
     * log2 of the bucket width: 256 µs. Twice the 128 µs of rounds 1 to 18: half as many buckets
     * are being appended to at once (about 350 over a 90 ms spread of latencies), so their last
     * lines stay in cache more often; with one thread the broadcast phase at 100,000 nodes ran about
     * 5 % faster, the join phase the same (docs/simulator-engine.md, round 19). 512 µs was no
     * faster in round 20; much wider buckets sort megabytes at a time at 1,000,000 nodes (1,024 µs
     * was slower there in round 6). The key's fields follow this width ({@link WheelEventLayout}).
     */
    static final int SHIFT = 8;
    /** Width of a bucket. */
    static final int BUCKET_MICROS = 1 << SHIFT;
    /** The offset-in-bucket bits of a time, and of a key. */
    static final int OFFSET_MASK = BUCKET_MICROS - 1;
    /** Number of buckets on the wheel. */
    static final int BUCKETS = 16384;
    /** Buckets up to this size are insertion-sorted. */
    static final int SMALL_BUCKET = 12;
    private static final int DRAIN_CAPACITY = 64;
    /** How many non-empty buckets {@link #upcoming} looks into past the drain buffer. */
    private static final int UPCOMING_BUCKETS = 4;

    /** The buckets' events. */
    final BucketChunks chunks = new BucketChunks(BUCKETS);
    /**
     * One bit per bucket: whether it holds events. Between joins a run has far fewer events than
     * buckets (one join per virtual second is about 900 events over 3,900 buckets), so stepping
     * over empty buckets one by one cost more than the events; the bits skip 64 at a time.
     */
    private final BitSet occupied = new BitSet(BUCKETS);
    /** Events in all buckets, not counting the drain buffer. */
    private long stored;
    private final WheelEventLayout layout;
    /** The appender storing events on another thread, to which drained chains go; else null. */
    private WheelAppender appender;

    private long[] drainData;
    private Object[] drainRefs;
    /** The words of the drain buffer's spilled events (other slots hold stale values, never read). */
    private long[] drainWords;
    private int drainAt;
    private int drainEnd;
    private final int[] offsetCounts = new int[BUCKET_MICROS + 1];

    WheelBuckets(WheelEventLayout layout) {
        this.layout = layout;
        allocateDrain(DRAIN_CAPACITY);
    }

    /** Appends a spilled event to bucket {@code b}, its {@code word} in the chunk's side array. */
    void appendSpilled(int b, long ends, long key, long word, Object ref) {
        mark(b);
        chunks.storeSpilled(b, ends, key, word, ref);
    }

    /** Appends a compact event (see {@link WheelEventLayout}) to bucket {@code b}. */
    void append(int b, long ends, long key, Object ref) {
        if (chunks.size[b] == 0) {
            occupied.set(b);
        }
        stored++;
        chunks.store(b, ends, key, ref);
    }

    /**
     * Counts an event that is about to be stored in bucket {@code b} (by the appender, or by
     * {@link #appendSpilled}).
     */
    void mark(int b) {
        occupied.set(b);
        stored++;
    }

    /**
     * From now on, drained buckets' chains go to {@code appender} (null: back to the free list).
     * Only while the appender stores nothing (see {@link WheelAppender#pause}).
     */
    void handChainsTo(WheelAppender appender) {
        this.appender = appender;
    }

    /**
     * How many buckets lie between bucket {@code from} (inclusive) and the first one holding events,
     * going round the wheel; -1 if none does.
     */
    int distanceToOccupied(int from) {
        int b = occupied.nextSetBit(from);
        if (b >= 0) {
            return b - from;
        }
        b = occupied.nextSetBit(0);
        return b < 0 ? -1 : BUCKETS - from + b;
    }

    /**
     * Writes into {@code to} the {@code to} of events that come soon, and into {@code tags} and
     * {@code words} their tag (the key's high half) and the low half of their word: the rest of the
     * drain buffer, then the events of the next buckets holding any (at most {@value #UPCOMING_BUCKETS} of them, in
     * insertion order within a bucket), from bucket {@code after + 1} round the wheel. Returns how
     * many were written. Events of the queue's heaps are not seen: this is a hint for reading ahead.
     * While an appender stores events, only the drain buffer is listed: the buckets are its own
     * until drained.
     */
    int upcoming(int after, int[] to, int[] tags, int[] words) {
        int n = 0;
        for (int i = drainAt; i < drainEnd && n < to.length; i++) {
            copyHint(drainData, 0, drainWords, i, n++, to, tags, words);
        }
        if (appender != null) {
            return n;
        }
        int b = after;
        boolean wrapped = false;
        for (int visited = 0; n < to.length && visited < UPCOMING_BUCKETS; visited++) {
            int next = occupied.nextSetBit(b + 1);
            if (next < 0 && !wrapped) {
                wrapped = true;
                next = occupied.nextSetBit(0);
            }
            if (next < 0 || (wrapped && next >= after)) {
                break; // round the wheel back to where it started: each bucket is listed once
            }
            b = next;
            int chunk = chunks.head[b];
            for (int i = 0, size = chunks.size[b]; i < size && n < to.length; i++) {
                if (i > 0 && (i & (CHUNK_EVENTS - 1)) == 0) {
                    chunk = chunks.next[chunk];
                }
                copyHint(chunks.data[chunk], FIRST, chunks.words[chunk], i & (CHUNK_EVENTS - 1), n++, to, tags, words);
            }
        }
        return n;
    }

    /** {@code first}: where the first event starts in {@code data} (0 in the drain buffer). */
    private void copyHint(long[] data, int first, long[] sideWords, int event, int n, int[] to, int[] tags,
            int[] words) {
        int at = first + (event * STRIDE);
        long ends = data[at];
        long key = data[at + KEY];
        to[n] = layout.to(ends, key);
        words[n] = (int) layout.word(ends, key, WheelEventLayout.spilled(key) ? sideWords[event] : 0);
        tags[n] = (int) (key >>> 32);
    }

    /** Whether no bucket holds an event (the drain buffer aside). */
    boolean isEmpty() {
        return stored == 0;
    }

    /** How many events the last {@link #drain} moved into the drain buffer. */
    int drained() {
        return drainEnd;
    }

    /** Whether the drain buffer still holds events. */
    boolean draining() {
        return drainAt < drainEnd;
    }

    /** Key of the drain buffer's head; only valid while {@link #draining}. */
    long headKey() {
        return drainData[(drainAt * STRIDE) + KEY];
    }

    long headEnds() {
        return drainData[drainAt * STRIDE];
    }

    /** Word of the drain buffer's head if it spilled (see {@link WheelEventLayout}); stale otherwise. */
    long headSideWord() {
        return drainWords[drainAt];
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
     * the bucket's chunks back (to the free list, or to the appender). With an appender, only once
     * every event of the bucket is stored; if the appender has sorted all of them ahead (its
     * {@code bucket}, counted from time zero, says which lap of the wheel), its sorted buffer becomes
     * the drain buffer instead.
     */
    void drain(int b, long bucket) {
        int n = chunks.size[b];
        drainAt = 0;
        drainEnd = n;
        if (n == 0) {
            return;
        }
        if (drainRefs.length < n) {
            allocateDrain(Math.max(n, drainRefs.length * 2));
        } else if (drainData.length < n * STRIDE) { // a buffer the appender sorted into was shorter
            drainData = new long[drainRefs.length * STRIDE];
        }
        int head = chunks.head[b];
        boolean spills = chunks.spills[b];
        if (n <= SMALL_BUCKET) { // within the first chunk
            insertionSort(chunks.data[head], chunks.refs[head], spills ? chunks.words[head] : null, n);
        } else {
            long[] sorted = appender == null ? null : appender.takeSorted(bucket, n, drainData);
            if (sorted != null) {
                drainData = sorted; // its refs are all null, as drainRefs is between drains
            } else {
                chunks.sortByOffset(head, n, spills, offsetCounts, drainData, drainRefs, drainWords);
            }
        }
        occupied.clear(b);
        stored -= n;
        if (appender != null) {
            chunks.empty(b);
            appender.returnChain(head, chunks.tail[b]);
        } else {
            chunks.release(b);
        }
    }

    /** Drops the chunks and shrinks the drain buffer; only when all buckets are empty. */
    void trim() {
        chunks.trim();
        allocateDrain(DRAIN_CAPACITY);
        drainAt = 0;
        drainEnd = 0;
    }

    /**
     * The same order as the counting sort for a few events, without touching 256 counters;
     * {@code words}: the chunk's side words if the bucket holds a spilled event, else null.
     */
    private void insertionSort(long[] data, Object[] refs, long[] words, int n) {
        long[] to = drainData;
        for (int i = 0; i < n; i++) {
            int from = FIRST + (i * STRIDE);
            long key = data[from + KEY];
            long offset = key & OFFSET_MASK;
            int at = i;
            while (at > 0 && (to[((at - 1) * STRIDE) + KEY] & OFFSET_MASK) > offset) {
                copyEvent(to, (at - 1) * STRIDE, to, at * STRIDE);
                drainRefs[at] = drainRefs[at - 1];
                if (words != null) {
                    drainWords[at] = drainWords[at - 1];
                }
                at--;
            }
            copyEvent(data, from, to, at * STRIDE);
            if (words != null) {
                drainWords[at] = words[i];
            }
            if (refs != null && i < refs.length) {
                drainRefs[at] = refs[i];
                refs[i] = null;
            } else {
                drainRefs[at] = null; // the slot may hold a ref shifted up by this sort
            }
        }
    }

    /**
     * Copies one event's two longs. Written out rather than {@code System.arraycopy}: for so few
     * elements the call to the copy stub cost more than the copy (in the join phase, where most
     * buckets hold one event, the sorts were a tenth of the run in a profile).
     */
    private static void copyEvent(long[] from, int at, long[] to, int into) {
        to[into] = from[at];
        to[into + 1] = from[at + 1];
    }

    private void allocateDrain(int capacity) {
        drainData = new long[capacity * STRIDE];
        drainRefs = new Object[capacity];
        drainWords = new long[capacity];
    }
}
