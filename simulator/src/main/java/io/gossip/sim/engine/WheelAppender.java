package io.gossip.sim.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Stores wheel events in their buckets on a second thread, so that while buckets are busy the
 * event loop's thread only writes each event into a ring: storing (the first write to each line of
 * a bucket's chunks) was the largest part of the queue's time in the scale benchmark's broadcasts.
 *
 * <p>Why results stay the same: the loop's thread still decides everything. It gives each event
 * its bucket and its place in it (by writing the ring in push order), and keeps which buckets are
 * occupied and how many events the wheel holds; this thread only copies ring entries, first in
 * first out, to the end of their bucket, which is what storing did on the loop's thread. Before
 * the loop drains a bucket it waits until every entry that could belong to it is stored
 * ({@link #awaitStoredBefore}). The events come out in exactly the order they did on one thread
 * ({@code EventQueueTest} and {@code ArenaEquivalenceTest} compare them).
 *
 * <p>What the threads share, and how: the ring's entries (written by the loop, then released by
 * publishing its write count), the count of entries stored (released by this thread after
 * storing them), and the chains of chunks the loop has drained, handed back through a second ring
 * for this thread to reuse. Every counter either thread writes lies in one padded array, 128 bytes
 * apart, and this thread reads nothing else of the loop's objects after it starts: two threads
 * writing the same cache line (even different fields of it) made a first version three times
 * slower than one thread.
 *
 * <p>With nothing to store, this thread sorts the next buckets ahead of the loop, as the loop's
 * drain would ({@link #takeSorted}): the counting sort was the largest part of the loop's queue
 * time left once storing moved here (12.5 % of the loop thread's samples in the broadcasts, while
 * this thread spun 88 % of its own). The loop drains the sorted buffer only if it holds exactly the
 * bucket's events (a bucket only grows, so the same count is the same events); otherwise, say
 * when an event was pushed into the bucket after it was sorted, it sorts for itself.
 *
 * <p>Paused ({@link #pause}), this thread touches nothing and the loop's thread stores for itself:
 * where buckets hold a few events each (the scale benchmark's joins), handing each over costs more
 * than storing it. {@link EventQueue} switches by how busy the drained buckets are.
 */
final class WheelAppender implements Runnable {
    private static final int CAPACITY = 1 << 13;
    private static final int MASK = CAPACITY - 1;
    /** The loop publishes its writes this often (and whenever it must wait). */
    private static final int PUBLISH_EVERY = 32;
    /** This thread publishes its count this often within a batch. */
    private static final int CONFIRM_EVERY = 64;
    /** Published batches the loop checks before asking for this thread's count again. */
    private static final int SCAN_LIMIT = 16;
    /**
     * How long, in spins, this thread waits paused before it parks: the scale benchmark's
     * broadcasts are a second of virtual time apart, a few milliseconds of real time; waking a
     * parked thread takes tens of microseconds, which the loop would wait out at the next busy
     * bucket.
     */
    private static final int SPINS_BEFORE_PARK = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    // Indices in `shared`, 128 bytes apart.
    private static final int PUBLISHED = 16;
    private static final int STORED = 32;
    private static final int RETURNED = 48;
    private static final int TAKEN = 64;
    /** 1 while paused; the pause's number; the last pause this thread acknowledged; 1 once stopping. */
    private static final int PAUSED = 80;
    private static final int PAUSES = 96;
    private static final int ACKED = 112;
    private static final int STOPPING = 128;
    /** The bucket the loop drains now, counted from time zero (-1 before the first). */
    private static final int CURRENT = 144;
    /** Where the states of the sorted-ahead buffers start, one per 128 bytes: {@link #FREE} or {@link #READY}. */
    private static final int SORTED_STATES = 160;
    /**
     * Buckets this thread sorts ahead of the loop, at most: the next ones after the bucket being
     * drained. A sorted buffer's place is its bucket modulo this, so the loop looks at one place.
     */
    private static final int SORTED_AHEAD = 8;
    /** A sorted buffer this thread may fill; one the loop may take (or give back if it does not match). */
    private static final long FREE = 0;
    private static final long READY = 1;

    private final BucketChunks chunks;
    // The ring, written by the loop: bucket, the event's two longs, its side word (spilled events
    // only), its ref.
    private final int[] ringBucket = new int[CAPACITY];
    private final long[] ringEnds = new long[CAPACITY];
    private final long[] ringKey = new long[CAPACITY];
    private final long[] ringWord = new long[CAPACITY];
    private final Object[] ringRef = new Object[CAPACITY];
    private final long[] shared = new long[SORTED_STATES + (SORTED_AHEAD * 16)];
    // Drained chains handed back, written by the loop.
    private final int[] returnedFirst = new int[CAPACITY];
    private final int[] returnedLast = new int[CAPACITY];
    // Buckets sorted ahead, by bucket modulo SORTED_AHEAD: the events, sorted as the loop's drain
    // sorts them; which bucket (counted from time zero) and how many of its events. Written by this
    // thread while the place is FREE, read (and the buffer swapped for the loop's) while READY.
    private final long[][] sortedData = new long[SORTED_AHEAD][];
    private final long[] sortedBucket = new long[SORTED_AHEAD];
    private final int[] sortedCount = new int[SORTED_AHEAD];
    /** This thread's counts for sorting ahead (the loop's thread has its own). */
    private final int[] sortCounts = new int[WheelBuckets.BUCKET_MICROS + 1];
    /** Buckets the loop drained from a buffer sorted here (the loop's thread; for tests and measurements). */
    private long takenSorted;

    // Each published batch's end in the ring and its earliest time: the loop's only.
    private final long[] batchEnd = new long[CAPACITY];
    private final long[] batchMinTime = new long[CAPACITY];

    // The loop's thread only (this thread reads none of these).
    private long written;
    private long published;
    /** This thread's count as last read: every entry before it is stored. */
    private long storedSeen;
    private long returnedWritten;
    /** The earliest time among the entries not yet published. */
    private long batchMin = Long.MAX_VALUE;
    /** Batches published, and the first of them not known to be stored. */
    private long batchesWritten;
    private long batchesDone;
    private long pauses;

    private volatile Throwable failure;
    private Thread thread;

    WheelAppender(BucketChunks chunks) {
        this.chunks = chunks;
    }

    /** Starts the thread, paused: the loop's thread stores for itself until {@link #resume}. */
    void start() {
        LONGS.setRelease(shared, PAUSED, 1L);
        LONGS.setRelease(shared, CURRENT, -1L); // none yet: nothing to sort ahead of
        thread = new Thread(this, "wheel-appender");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Returns once every entry is stored and this thread has stopped touching the wheel (the loop's
     * thread), which then has it to itself: chains handed back meanwhile go onto its free list.
     */
    void pause() {
        awaitStored(written);
        long pause = ++pauses;
        LONGS.setRelease(shared, PAUSES, pause);
        LONGS.setRelease(shared, PAUSED, 1L);
        while ((long) LONGS.getAcquire(shared, ACKED) != pause) {
            checkFailure();
            Thread.onSpinWait();
        }
        for (long chain = takeReturned(shared, returnedFirst, returnedLast); chain != -1;
                chain = takeReturned(shared, returnedFirst, returnedLast)) {
            chunks.free((int) (chain >>> 32), (int) chain);
        }
    }

    /** Hands storing to this thread (the loop's thread, after {@link #pause} or {@link #start}). */
    void resume() {
        LONGS.setRelease(shared, PAUSED, 0L);
        LockSupport.unpark(thread);
    }

    /** Stores what is left and ends the thread (the loop's thread); rethrows what failed there. */
    void stop() {
        publish();
        LONGS.setRelease(shared, STOPPING, 1L);
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the thread ends on its own: it has only the ring left to store
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        checkFailure();
    }

    /** The loop's thread is about to drain {@code bucket} (counted from time zero): sorting ahead looks past it. */
    void draining(long bucket) {
        LONGS.setRelease(shared, CURRENT, bucket);
    }

    /**
     * The {@code n} events of {@code bucket} (counted from time zero), sorted by this thread ahead of
     * the loop, if it sorted exactly those (a bucket only grows, so the same count means the same
     * events); {@code spare}, the loop's drain buffer, takes the sorted buffer's place. Else null, and
     * the loop sorts the bucket itself (the loop's thread, once every event of the bucket is stored).
     */
    long[] takeSorted(long bucket, int n, long[] spare) {
        int i = (int) bucket & (SORTED_AHEAD - 1);
        int state = SORTED_STATES + (i * 16);
        if ((long) LONGS.getAcquire(shared, state) != READY) {
            return null;
        }
        long[] sorted = null;
        if (sortedBucket[i] == bucket && sortedCount[i] == n) {
            sorted = sortedData[i];
            sortedData[i] = spare;
            takenSorted++;
        }
        // Taken, or stale (sorted for an earlier bucket, the only other kind that can sit here, or
        // before the bucket grew): this thread may fill it again.
        LONGS.setRelease(shared, state, FREE);
        return sorted;
    }

    /** Whether a buffer sorted ahead for {@code bucket} waits to be taken (for tests). */
    boolean sortedAhead(long bucket) {
        int i = (int) bucket & (SORTED_AHEAD - 1);
        return (long) LONGS.getAcquire(shared, SORTED_STATES + (i * 16)) == READY && sortedBucket[i] == bucket;
    }

    /** How many buckets the loop has drained from buffers this thread sorted ahead. */
    long takenSorted() {
        return takenSorted;
    }

    /** Queues an event for bucket {@code b} (the loop's thread). */
    void offer(long time, int b, long ends, long key, long word, Object ref) {
        long w = written;
        if (w - storedSeen == CAPACITY) {
            awaitStored(w - CAPACITY + 1);
        }
        int i = (int) w & MASK;
        ringBucket[i] = b;
        ringEnds[i] = ends;
        ringKey[i] = key;
        if (WheelEventLayout.spilled(key)) {
            ringWord[i] = word;
        }
        ringRef[i] = ref;
        written = w + 1;
        if (time < batchMin) {
            batchMin = time;
        }
        if (w + 1 - published >= PUBLISH_EVERY) {
            publish();
        }
    }

    /**
     * Returns once every queued event earlier than {@code limitMicros} is stored (the loop's
     * thread, before it drains the bucket that ends at {@code limitMicros}). Events are published
     * in batches with their earliest time, so this looks at batches, not events.
     */
    void awaitStoredBefore(long limitMicros) {
        publish();
        long done = batchesDone;
        long batches = batchesWritten;
        if (batches - done > SCAN_LIMIT) {
            storedSeen = (long) LONGS.getAcquire(shared, STORED);
        }
        done = skipStored(done, batches);
        for (long k = done; k < batches; k++) {
            int j = (int) k & MASK;
            if (batchMinTime[j] < limitMicros) {
                awaitStored(batchEnd[j]);
                done = skipStored(done, batches);
                k = done - 1;
            }
        }
        batchesDone = done;
    }

    /** The first batch from {@code done} not known to be stored. */
    private long skipStored(long done, long batches) {
        while (done < batches && batchEnd[(int) done & MASK] <= storedSeen) {
            done++;
        }
        return done;
    }

    /** Hands a drained bucket's chain of chunks back for reuse (the loop's thread). */
    void returnChain(int first, int last) {
        long r = returnedWritten;
        while (r - (long) LONGS.getAcquire(shared, TAKEN) >= CAPACITY) {
            publish();
            checkFailure();
            Thread.onSpinWait();
        }
        int i = (int) r & MASK;
        returnedFirst[i] = first;
        returnedLast[i] = last;
        returnedWritten = r + 1;
        LONGS.setRelease(shared, RETURNED, r + 1);
    }

    private void publish() {
        if (published != written) {
            published = written;
            LONGS.setRelease(shared, PUBLISHED, written);
            if (batchesWritten - batchesDone == CAPACITY) {
                // Every batch holds an entry and the ring holds CAPACITY, so the oldest is stored.
                storedSeen = (long) LONGS.getAcquire(shared, STORED);
                batchesDone = skipStored(batchesDone, batchesWritten);
            }
            int k = (int) batchesWritten++ & MASK;
            batchEnd[k] = written;
            batchMinTime[k] = batchMin;
            batchMin = Long.MAX_VALUE;
        }
    }

    private void awaitStored(long count) {
        publish();
        long seen = (long) LONGS.getAcquire(shared, STORED);
        while (seen < count) {
            checkFailure();
            Thread.onSpinWait();
            seen = (long) LONGS.getAcquire(shared, STORED);
        }
        storedSeen = seen;
    }

    private void checkFailure() {
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("the wheel's appender thread failed", t);
        }
    }

    /**
     * The next drained chain, as {@code first << 32 | last}, or -1 if none is waiting (whichever
     * thread stores events).
     */
    private static long takeReturned(long[] shared, int[] first, int[] last) {
        long r = (long) LONGS.getAcquire(shared, TAKEN);
        if (r == (long) LONGS.getAcquire(shared, RETURNED)) {
            return -1;
        }
        int i = (int) r & MASK;
        long chain = ((long) first[i] << 32) | (last[i] & 0xFFFF_FFFFL);
        LONGS.setRelease(shared, TAKEN, r + 1);
        return chain;
    }

    /**
     * This thread, with nothing to store: sorts the first bucket after the one being drained, among
     * the next {@value #SORTED_AHEAD}, that has no sorted buffer yet and more events than an
     * insertion sort takes (and no ref, spilled word or chunk this sort would have to clear), into a
     * buffer the loop can drain instead of sorting. Returns whether it sorted one. The loop may
     * drain that bucket meanwhile (this thread's view of the loop lags): the chunks it reads stay
     * as they are until this thread takes them back, and the loop does not take a sorted buffer
     * whose bucket or count is not its own.
     */
    private static boolean sortNextAhead(long[] s, BucketChunks c, long[][] sortedData, long[] sortedBucket,
            int[] sortedCount, int[] counts) {
        long current = (long) LONGS.getAcquire(s, CURRENT);
        if (current < 0) {
            return false;
        }
        for (long bucket = current + 1; bucket <= current + SORTED_AHEAD; bucket++) {
            int i = (int) bucket & (SORTED_AHEAD - 1);
            int b = (int) bucket & (c.size.length - 1);
            int n = c.size[b];
            if (n <= WheelBuckets.SMALL_BUCKET || c.spills[b]
                    || (long) LONGS.getAcquire(s, SORTED_STATES + (i * 16)) != FREE) {
                continue;
            }
            if (c.carriesRefs(c.head[b], n)) {
                continue;
            }
            long[] to = sortedData[i];
            if (to == null || to.length < n * BucketChunks.STRIDE) {
                to = sortedData[i] = new long[Math.max(n, 2 * (to == null ? 0 : to.length / BucketChunks.STRIDE))
                        * BucketChunks.STRIDE];
            }
            c.sortByOffset(c.head[b], n, false, counts, to, null, null);
            sortedBucket[i] = bucket;
            sortedCount[i] = n;
            LONGS.setRelease(s, SORTED_STATES + (i * 16), READY);
            return true;
        }
        return false;
    }

    /** This thread: ring entries to their buckets, in order, until stopped. */
    @Override
    public void run() {
        try {
            Turns turns = new Turns(this);
            while (turns.take()) {
                // One call per turn (see Turns).
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /**
     * This thread's loop, one turn per call, over its own copies of the arrays it uses: after it is
     * built, the thread reads no field of an object the loop writes (the appender's own fields
     * include the loop's counters). A turn is a call rather than an iteration of one long-running
     * method so that the JIT compiles it from the calls the scale benchmark's warm-up makes. A
     * method entered once per run and looping for the whole of it kept its first, profiling
     * version in each new thread until the JIT compiled it again, which it did during the measured
     * run's first broadcast: this thread stored and sorted in slower code while the loop waited
     * (at 100,000 nodes, c = 0, that broadcast took 1.21-2.05 times as long as the median of the
     * next ones in ten runs, median 1.40; with a call per turn 1.02-1.68, median 1.19).
     */
    private static final class Turns {
        private final WheelAppender appender;
        private final long[] s;
        private final BucketChunks c;
        private final int[] bucket;
        private final long[] ends;
        private final long[] key;
        private final long[] word;
        private final Object[] ref;
        private final int[] first;
        private final int[] last;
        private final long[][] sorted;
        private final long[] sortedBuckets;
        private final int[] sortedCounts;
        private final int[] counts;
        /** Ring entries stored. */
        private long done;
        private int pausedSpins;

        Turns(WheelAppender a) {
            appender = a;
            s = a.shared;
            c = a.chunks;
            bucket = a.ringBucket;
            ends = a.ringEnds;
            key = a.ringKey;
            word = a.ringWord;
            ref = a.ringRef;
            first = a.returnedFirst;
            last = a.returnedLast;
            sorted = a.sortedData;
            sortedBuckets = a.sortedBucket;
            sortedCounts = a.sortedCount;
            counts = a.sortCounts;
        }

        /** One turn: stores what was published, or sorts ahead, or waits; false once stopped with all stored. */
        boolean take() {
            // Stopping is read first: the loop published everything before it set it.
            boolean stopping = (long) LONGS.getAcquire(s, STOPPING) == 1L;
            long upTo = (long) LONGS.getAcquire(s, PUBLISHED);
            if (stopping && upTo == done) {
                return false;
            }
            if ((long) LONGS.getAcquire(s, PAUSED) == 1L) {
                LONGS.setRelease(s, ACKED, (long) LONGS.getAcquire(s, PAUSES));
                if (++pausedSpins > SPINS_BEFORE_PARK && !stopping) {
                    LockSupport.park(appender);
                } else {
                    Thread.onSpinWait();
                }
                return true;
            }
            pausedSpins = 0;
            for (long chain = takeReturned(s, first, last); chain != -1; chain = takeReturned(s, first, last)) {
                c.free((int) (chain >>> 32), (int) chain);
            }
            if (upTo == done) {
                if (!sortNextAhead(s, c, sorted, sortedBuckets, sortedCounts, counts)) {
                    Thread.onSpinWait();
                }
                return true;
            }
            while (done < upTo) {
                long end = Math.min(upTo, (done | (CONFIRM_EVERY - 1)) + 1);
                c.storeAll(bucket, ends, key, word, ref, (int) done & MASK, (int) (end - done), MASK);
                done = end;
                LONGS.setRelease(s, STORED, done);
            }
            return true;
        }
    }
}
