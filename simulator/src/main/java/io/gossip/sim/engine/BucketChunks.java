package io.gossip.sim.engine;

import java.util.Arrays;

/**
 * Where {@link WheelBuckets} keeps its buckets' events: per bucket, a chain of fixed-size chunks of
 * {@value #CHUNK_EVENTS} events in insertion order, taken from a free list as it fills and given
 * back when it is drained (the chunks drained last are taken first, still in cache). Chunks are
 * never reallocated: once the run has had its peak of pending events, storing allocates nothing.
 * (Arrays that doubled as their bucket filled, an earlier layout, allocated about a gigabyte in the
 * first broadcast after the joins of a 1,000,000-node run.)
 *
 * <p>An event is two longs side by side, {@code ends} and {@code key} ({@link WheelEventLayout}).
 * Two side arrays per chunk, each created only for a chunk that needs it, hold what does not fit:
 * the {@code ref} of an object payload and the 64-bit word of a spilled event.
 *
 * <p>Apart from the wheel's other state because a {@link WheelAppender} may store events here from
 * a second thread while the loop's thread drains other buckets: the two threads then write
 * different objects, so that neither invalidates the other's cache lines on every event. The loop
 * reads a bucket only once every event that belongs to it has been stored (the appender's count,
 * released after storing, says so); the free list's two counters lie in an array of their own,
 * padded, since the storing thread writes them every {@value #CHUNK_EVENTS} events.
 */
final class BucketChunks {
    /** Events per chunk (a power of two). */
    static final int CHUNK_EVENTS = 64;
    // An event's longs: [ends, key].
    static final int STRIDE = 2;
    static final int KEY = 1;
    /**
     * Where a chunk's first event starts in its array: the first and last 64 bytes of the array are
     * left unused, so that storing never writes a cache line that another object shares (the
     * appender's thread stores while the loop's writes its own objects, wherever the collector has
     * put them).
     */
    static final int FIRST = 8;
    // In `counters`, 64 bytes and more from either end: the top of the free list (-1 if empty) and
    // the number of chunks.
    private static final int FREE = 16;
    private static final int COUNT = 17;

    /** Each bucket's first and last chunk (meaningless while it is empty) and its number of events. */
    final int[] head;
    final int[] tail;
    final int[] size;
    /**
     * Whether a bucket holds a spilled event: only then do its sorts carry side words along (a chunk
     * keeps its side array when reused, and timeline steps, whose ids are -1, spill now and then).
     */
    final boolean[] spills;
    /** The events of each bucket's last chunk: storing writes there without looking the chunk up. */
    private final long[][] tailData;
    private final int[] counters = new int[COUNT + 16];

    // Chunks by id: their events, their refs (created on a chunk's first ref), their spilled events'
    // words (created on its first), the next chunk of their bucket, or of the free list.
    long[][] data;
    Object[][] refs;
    long[][] words;
    int[] next;

    BucketChunks(int buckets) {
        head = new int[buckets];
        tail = new int[buckets];
        size = new int[buckets];
        spills = new boolean[buckets];
        tailData = new long[buckets][];
        trim();
    }

    /** Stores an event, spilled or compact as its key says, at the end of bucket {@code b}. */
    void store(int b, long ends, long key, long word, Object ref) {
        if (WheelEventLayout.spilled(key)) {
            storeSpilled(b, ends, key, word, ref);
        } else {
            store(b, ends, key, ref);
        }
    }

    /** Stores a spilled event at the end of bucket {@code b}, its {@code word} in the chunk's side array. */
    void storeSpilled(int b, long ends, long key, long word, Object ref) {
        store(b, ends, key, ref);
        int n = size[b] - 1;
        int chunk = tail[b];
        long[] w = words[chunk];
        if (w == null) {
            w = words[chunk] = new long[CHUNK_EVENTS];
        }
        w[n & (CHUNK_EVENTS - 1)] = word;
        spills[b] = true;
    }

    /** Stores a compact event (see {@link WheelEventLayout}) at the end of bucket {@code b}. */
    void store(int b, long ends, long key, Object ref) {
        int n = size[b];
        int slot = n & (CHUNK_EVENTS - 1);
        long[] d;
        if (slot != 0) {
            d = tailData[b];
        } else {
            int chunk = takeChunk();
            if (n == 0) {
                head[b] = chunk;
            } else {
                next[tail[b]] = chunk;
            }
            tail[b] = chunk;
            d = tailData[b] = data[chunk];
        }
        int i = FIRST + (slot * STRIDE);
        d[i] = ends;
        d[i + KEY] = key;
        if (ref != null) {
            int chunk = tail[b];
            Object[] r = refs[chunk];
            if (r == null) {
                r = refs[chunk] = new Object[CHUNK_EVENTS];
            }
            r[slot] = ref;
        }
        size[b] = n + 1;
    }

    /**
     * Stores {@code count} events of a ring, from entry {@code at} on (the indices wrap with
     * {@code mask}), in order: what {@link WheelAppender}'s thread does with what the loop's thread
     * published. The common case, a compact event without a ref inside its bucket's last chunk, is
     * written here from arrays read into locals once, so that the thread reads no field of this
     * object (which may share a cache line with what the loop writes) per event.
     */
    void storeAll(int[] buckets, long[] ends, long[] keys, long[] sideWords, Object[] eventRefs, int at, int count,
            int mask) {
        int[] sizes = size;
        long[][] tails = tailData;
        for (int k = 0; k < count; k++) {
            int i = (at + k) & mask;
            int b = buckets[i];
            int n = sizes[b];
            int slot = n & (CHUNK_EVENTS - 1);
            long key = keys[i];
            Object ref = eventRefs[i];
            if (slot != 0 && ref == null && !WheelEventLayout.spilled(key)) {
                long[] d = tails[b];
                d[FIRST + (slot * STRIDE)] = ends[i];
                d[FIRST + (slot * STRIDE) + KEY] = key;
                sizes[b] = n + 1;
            } else {
                store(b, ends[i], key, sideWords[i], ref);
            }
        }
    }

    /**
     * Writes the {@code n} events of the chain starting at chunk {@code head} into {@code to}, stably
     * sorted by their offset in the bucket (a counting sort over {@code counts}, one more than the
     * offsets): their refs into {@code toRefs} (clearing them here) and, if the bucket {@code spills},
     * their side words into {@code toWords}. With {@code toRefs} null, the events must carry no ref
     * (the appender's thread sorting ahead, which writes nothing here).
     */
    void sortByOffset(int head, int n, boolean spills, int[] counts, long[] to, Object[] toRefs, long[] toWords) {
        Arrays.fill(counts, 0);
        long[][] chunkData = data;
        int[] nextChunk = next;
        for (int i = 0, chunk = head; i < n; i += CHUNK_EVENTS, chunk = nextChunk[chunk]) {
            long[] d = chunkData[chunk];
            for (int e = 0, m = Math.min(CHUNK_EVENTS, n - i); e < m; e++) {
                counts[(int) (d[FIRST + (e * STRIDE) + KEY] & WheelBuckets.OFFSET_MASK) + 1]++;
            }
        }
        for (int o = 1; o < counts.length; o++) {
            counts[o] += counts[o - 1];
        }
        for (int i = 0, chunk = head; i < n; i += CHUNK_EVENTS, chunk = nextChunk[chunk]) {
            long[] d = chunkData[chunk];
            Object[] r = toRefs == null ? null : refs[chunk];
            long[] w = spills ? words[chunk] : null;
            for (int e = 0, m = Math.min(CHUNK_EVENTS, n - i); e < m; e++) {
                int from = FIRST + (e * STRIDE);
                int at = counts[(int) (d[from + KEY] & WheelBuckets.OFFSET_MASK)]++;
                to[at * STRIDE] = d[from];
                to[(at * STRIDE) + KEY] = d[from + KEY];
                if (r != null) {
                    toRefs[at] = r[e];
                    r[e] = null;
                }
                if (w != null) {
                    toWords[at] = w[e];
                }
            }
        }
    }

    /** Whether any of the first {@code n} events of the chain from chunk {@code head} carries a ref. */
    boolean carriesRefs(int head, int n) {
        for (int i = 0, chunk = head; i < n; i += CHUNK_EVENTS, chunk = next[chunk]) {
            Object[] r = refs[chunk];
            if (r != null) {
                for (int e = 0, m = Math.min(CHUNK_EVENTS, n - i); e < m; e++) {
                    if (r[e] != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A chunk off the free list, or a new one. */
    private int takeChunk() {
        int c = counters[FREE];
        if (c >= 0) {
            counters[FREE] = next[c];
            return c;
        }
        c = counters[COUNT]++;
        if (c == data.length) {
            data = Arrays.copyOf(data, c * 2);
            refs = Arrays.copyOf(refs, c * 2);
            words = Arrays.copyOf(words, c * 2);
            next = Arrays.copyOf(next, c * 2);
        }
        data[c] = new long[FIRST + (CHUNK_EVENTS * STRIDE) + FIRST];
        return c;
    }

    /** Empties bucket {@code b} (its events read) and puts its chain on the free list, its head on top. */
    void release(int b) {
        free(head[b], tail[b]);
        empty(b);
    }

    /** Empties bucket {@code b}, its chain handed to whoever reuses it. */
    void empty(int b) {
        size[b] = 0;
        spills[b] = false;
    }

    /** Puts the chain from chunk {@code first} to chunk {@code last} on the free list. */
    void free(int first, int last) {
        next[last] = counters[FREE];
        counters[FREE] = first;
    }

    /** Drops every chunk; only when all buckets are empty. */
    void trim() {
        data = new long[64][];
        refs = new Object[64][];
        words = new long[64][];
        next = new int[64];
        counters[COUNT] = 0;
        counters[FREE] = -1;
        Arrays.fill(tailData, null);
    }
}
