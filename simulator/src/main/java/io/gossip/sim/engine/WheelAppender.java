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

    private final BucketChunks chunks;
    // The ring, written by the loop: bucket, the event's two longs, its side word (spilled events
    // only), its ref.
    private final int[] ringBucket = new int[CAPACITY];
    private final long[] ringEnds = new long[CAPACITY];
    private final long[] ringKey = new long[CAPACITY];
    private final long[] ringWord = new long[CAPACITY];
    private final Object[] ringRef = new Object[CAPACITY];
    private final long[] shared = new long[STOPPING + 16];
    // Drained chains handed back, written by the loop.
    private final int[] returnedFirst = new int[CAPACITY];
    private final int[] returnedLast = new int[CAPACITY];
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

    /** This thread: ring entries to their buckets, in order, until stopped. */
    @Override
    public void run() {
        try {
            appendUntilStopped();
        } catch (Throwable t) {
            failure = t;
        }
    }

    private void appendUntilStopped() {
        // Locals: after this, the thread reads no field of an object the loop writes.
        long[] s = shared;
        BucketChunks c = chunks;
        int[] bucket = ringBucket;
        long[] ends = ringEnds;
        long[] key = ringKey;
        long[] word = ringWord;
        Object[] ref = ringRef;
        int[] first = returnedFirst;
        int[] last = returnedLast;
        long done = 0;
        int pausedSpins = 0;
        while (true) {
            // Stopping is read first: the loop published everything before it set it.
            boolean stopping = (long) LONGS.getAcquire(s, STOPPING) == 1L;
            long upTo = (long) LONGS.getAcquire(s, PUBLISHED);
            if (stopping && upTo == done) {
                return;
            }
            if ((long) LONGS.getAcquire(s, PAUSED) == 1L) {
                LONGS.setRelease(s, ACKED, (long) LONGS.getAcquire(s, PAUSES));
                if (++pausedSpins > SPINS_BEFORE_PARK && !stopping) {
                    LockSupport.park(this);
                } else {
                    Thread.onSpinWait();
                }
                continue;
            }
            pausedSpins = 0;
            for (long chain = takeReturned(s, first, last); chain != -1; chain = takeReturned(s, first, last)) {
                c.free((int) (chain >>> 32), (int) chain);
            }
            if (upTo == done) {
                Thread.onSpinWait();
                continue;
            }
            while (done < upTo) {
                long end = Math.min(upTo, (done | (CONFIRM_EVERY - 1)) + 1);
                c.storeAll(bucket, ends, key, word, ref, (int) done & MASK, (int) (end - done), MASK);
                done = end;
                LONGS.setRelease(s, STORED, done);
            }
        }
    }
}
