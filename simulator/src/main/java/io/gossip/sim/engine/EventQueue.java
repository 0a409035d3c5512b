package io.gossip.sim.engine;

/**
 * The pending events of one run, earliest first, over primitive arrays: no event objects, so the
 * hot loop allocates nothing of its own.
 *
 * <p>Order is (time, insertion sequence): events at the same microsecond come out in the order they
 * were scheduled, never in hash or memory order, which is what makes a run reproducible.
 *
 * <p>An event is a time, a kind (0 to 3), two ints {@code from} and {@code to}, and a payload that is
 * either an object reference ({@link #push(long, int, int, int, Object)}) or a primitive 64-bit
 * {@code word} plus 32-bit {@code tag} ({@link #push(long, int, int, int, long, int)}), so that a
 * message can travel without an object of its own. Both kinds of payload take the same path and
 * share one insertion sequence; the queue does not interpret either.
 *
 * <p>Structure: a timing wheel of {@value #BUCKETS} buckets of {@value #BUCKET_MICROS} µs (a
 * horizon of about 4.2 s, which covers network latencies and the first retransmission timers),
 * stored by {@link WheelBuckets}: pushing is an append to the bucket's chunks, and when the clock
 * reaches a bucket its events are stably sorted by offset into a drain buffer read front to back.
 * Two small 4-ary heaps handle the rest: the <em>far</em> heap holds events beyond the horizon
 * (timers, mostly), the <em>near</em> heap those pushed into the bucket being drained and far events
 * that have come due, with their payloads in a {@link SlotPool}; {@link #pop} takes the earlier of
 * the drain buffer's head and the near heap's top. A wheel event is two longs: node ids, the
 * kind, the offset, the tag and, for most events of a run, the word packed as
 * {@link WheelEventLayout} says (a word that does not fit goes to a side array). Wheel events carry
 * no insertion sequence (a long less to append and sort): within a bucket, insertion order
 * is kept by appending and a stable sort; against the near heap, at the same microsecond, its
 * events from the far heap were all pushed before any event of the bucket (the bucket lay beyond
 * the horizon then) and the others after the bucket was sorted (it was the current one), which
 * their sequence, compared with the one at the sort, tells apart.
 *
 * <p>Usage: {@code push}, then {@link #pop}, then read the popped event with {@link #poppedTime},
 * {@link #poppedKind}, {@link #poppedFrom}, {@link #poppedTo}, and {@link #poppedRef} or
 * {@link #poppedWord} / {@link #poppedTag}.
 */
public final class EventQueue {
    private static final int SHIFT = WheelBuckets.SHIFT;
    private static final int BUCKET_MICROS = WheelBuckets.BUCKET_MICROS;
    private static final int OFFSET_MASK = WheelBuckets.OFFSET_MASK;
    private static final int BUCKETS = WheelBuckets.BUCKETS;
    private static final int MASK = BUCKETS - 1;
    private static final long HORIZON_MICROS = (long) BUCKETS * BUCKET_MICROS;
    /** How many drained buckets the density (see {@link #switchAppending}) averages over, about. */
    private static final int DENSITY_BUCKETS = 16;
    /**
     * Above this many events per drained bucket on average, the appender stores events; below
     * {@link #APPEND_BELOW}, the loop's thread does. Where buckets hold fewer, the events pending
     * fit in a core's own cache and storing them there is cheaper than handing them over. In the
     * scale benchmark's broadcasts a bucket holds 213 events on average at 20,000 nodes (c = 1),
     * where the appender was 17 % slower with a threshold of 64, and 473 to 1,141 at 100,000 nodes,
     * where it was 9-23 % faster (docs/simulator-engine.md, round 10); in the joins, about one.
     */
    static final int APPEND_ABOVE = 256;
    static final int APPEND_BELOW = 64;

    private final WheelEventLayout layout;
    private final WheelBuckets wheel;
    // Events outside the wheel (near and far heaps) keep their payload in reusable slots.
    private final SlotPool slots;
    private final TimeHeap near = new TimeHeap(256);
    private final TimeHeap far = new TimeHeap(64);
    /** The second thread that can store wheel events (see {@link #startAppender}), else null. */
    private WheelAppender appender;
    /** Whether {@code appender} stores the wheel events now (it does while buckets are busy). */
    private boolean appending;
    /** The events of the last buckets drained, a moving sum over about {@value #DENSITY_BUCKETS}. */
    private int density;
    private int appendAbove;
    private int appendBelow;
    /** How many times the appender has taken over storing (for tests). */
    private long appenderStarts;
    /** {@link #bucketsSortedAhead} of the appender last stopped. */
    private long sortedAheadBeforeStop;

    /** Start of the bucket being drained (a multiple of the bucket width). */
    private long currentStart;
    private long size;
    private long nextSeq;
    /**
     * {@code nextSeq} when the bucket being drained was sorted: the near heap's events with a smaller
     * sequence came from the far heap, pushed before any event of the bucket, and go before the drain
     * buffer's events of the same microsecond; the others were pushed after, and go after them.
     */
    private long drainStartSeq;

    private long poppedTime;
    private int poppedKind;
    private int poppedFrom;
    private int poppedTo;
    private long poppedWord;
    private int poppedTag;
    private Object poppedRef;

    /**
     * A queue for events with any {@code from} and {@code to}.
     *
     * @param initialCapacity expected events outside the wheel (beyond the horizon); grows as needed
     */
    public EventQueue(int initialCapacity) {
        this(initialCapacity, WheelEventLayout.anyIds());
    }

    /**
     * A queue for a run of {@code nodes} nodes: its events between nodes take two longs on the wheel
     * instead of three (see {@link WheelEventLayout}). Any ids and payloads are still accepted.
     *
     * @param initialCapacity expected events outside the wheel (beyond the horizon); grows as needed
     */
    public EventQueue(int initialCapacity, int nodes) {
        this(initialCapacity, WheelEventLayout.forNodes(nodes));
    }

    private EventQueue(int initialCapacity, WheelEventLayout layout) {
        this.layout = layout;
        this.wheel = new WheelBuckets(layout);
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
        if (wheel.draining()) {
            long t = currentStart + (wheel.headKey() & OFFSET_MASK);
            return near.isEmpty() ? t : Math.min(t, near.minTime());
        }
        return near.minTime();
    }

    /**
     * Schedules an event carrying an object {@code ref} (its word and tag read as 0) at
     * {@code timeMicros}, which must not be before the last popped time.
     *
     * @throws IllegalArgumentException if {@code kind} is not 0 to 3
     */
    public void push(long timeMicros, int kind, int from, int to, Object ref) {
        push(timeMicros, kind, from, to, 0L, 0, ref);
    }

    /**
     * Schedules an event carrying the primitive payload {@code word} and {@code tag} (its ref reads as
     * null) at {@code timeMicros}, which must not be before the last popped time.
     *
     * @throws IllegalArgumentException if {@code kind} is not 0 to 3
     */
    public void push(long timeMicros, int kind, int from, int to, long word, int tag) {
        push(timeMicros, kind, from, to, word, tag, null);
    }

    private void push(long timeMicros, int kind, int from, int to, long word, int tag, Object ref) {
        if ((kind & ~3) != 0) {
            throw new IllegalArgumentException("event kind must be 0 to 3, got " + kind);
        }
        long seq = nextSeq++;
        size++;
        long end = currentStart + BUCKET_MICROS;
        if (timeMicros >= end && timeMicros < currentStart + HORIZON_MICROS) {
            long key = ((long) tag << 32) | (timeMicros & OFFSET_MASK); // the rest: see WheelEventLayout
            int bucket = (int) (timeMicros >>> SHIFT) & MASK;
            if (appending) {
                offer(timeMicros, bucket, kind, from, to, word, key, ref);
            } else if (layout.fits(from, to, word)) {
                wheel.append(bucket, layout.compactEnds(kind, from, to, word),
                        key | WheelEventLayout.compactKeyBits(word), ref);
            } else {
                wheel.appendSpilled(bucket, WheelEventLayout.spilledEnds(from, to),
                        key | WheelEventLayout.spilledKeyBits(kind), word, ref);
            }
        } else {
            int slot = slots.store(timeMicros, kind, from, to, word, tag, ref);
            (timeMicros < end ? near : far).push(timeMicros, seq, slot);
        }
    }

    /** Removes the earliest event; read it with the {@code popped...} methods. The queue must not be empty. */
    public void pop() {
        fill();
        size--;
        if (wheel.draining()) {
            long key = wheel.headKey();
            long t = currentStart + (key & OFFSET_MASK);
            if (near.isEmpty() || t < near.minTime() || (t == near.minTime() && near.minSeq() >= drainStartSeq)) {
                long ends = wheel.headEnds();
                poppedTime = t;
                if (WheelEventLayout.spilled(key)) {
                    popSpilled(ends, key);
                } else {
                    poppedKind = WheelEventLayout.compactKind(ends);
                    poppedFrom = layout.compactFrom(ends);
                    poppedTo = layout.compactTo(ends);
                    poppedWord = layout.compactWord(ends, key);
                }
                poppedTag = (int) (key >>> 32);
                poppedRef = wheel.takeHead();
                return;
            }
        }
        int slot = near.pop();
        poppedTime = slots.time(slot);
        poppedKind = slots.kind(slot);
        poppedFrom = slots.from(slot);
        poppedTo = slots.to(slot);
        poppedWord = slots.word(slot);
        poppedTag = slots.tag(slot);
        poppedRef = slots.release(slot);
    }

    /** The wheel branch of {@link #push} while the appender stores events; apart, so that {@code push} stays small. */
    private void offer(long timeMicros, int bucket, int kind, int from, int to, long word, long key, Object ref) {
        wheel.mark(bucket);
        if (layout.fits(from, to, word)) {
            appender.offer(timeMicros, bucket, layout.compactEnds(kind, from, to, word),
                    key | WheelEventLayout.compactKeyBits(word), word, ref);
        } else {
            appender.offer(timeMicros, bucket, WheelEventLayout.spilledEnds(from, to),
                    key | WheelEventLayout.spilledKeyBits(kind), word, ref);
        }
    }

    /**
     * The ids and word of a spilled wheel event at the drain buffer's head. Apart from {@link #pop},
     * like the spilled branch of {@link #push}, so that both stay small enough for the JIT to
     * compile into the event loop (when they grew, the loop called them, and the join phase of the
     * scale benchmark was about 6 % slower).
     */
    private void popSpilled(long ends, long key) {
        poppedKind = WheelEventLayout.spilledKind(key);
        poppedFrom = WheelEventLayout.spilledFrom(ends);
        poppedTo = WheelEventLayout.spilledTo(ends);
        poppedWord = wheel.headSideWord();
    }

    /** Lets the appender store events while buckets are busy, and takes storing back when they are not. */
    private void switchAppending(int drained) {
        density += drained - (density / DENSITY_BUCKETS);
        if (!appending && density > appendAbove * DENSITY_BUCKETS) {
            appending = true;
            appenderStarts++;
            wheel.handChainsTo(appender);
            // Where the loop is now, so that sorting ahead starts from here rather than from where
            // the appender last saw it, which the wheel may since have gone round.
            appender.draining(currentStart >>> SHIFT);
            appender.resume();
        } else if (appending && density < appendBelow * DENSITY_BUCKETS) {
            appender.pause();
            wheel.handChainsTo(null);
            appending = false;
        }
    }

    /**
     * Fills {@code to} with the destinations of some of the events that come next, in about the
     * order they will be popped (the bucket being drained, then the next few non-empty buckets; not
     * the heaps), {@code tags} with their tags and {@code words} with the low halves of their words
     * (zeros for events without a primitive payload), and returns how many. A hint for reading
     * ahead: it changes nothing. The three arrays must be as long as one another.
     */
    public int upcoming(int[] to, int[] tags, int[] words) {
        return wheel.upcoming((int) (currentStart >>> SHIFT) & MASK, to, tags, words);
    }

    /** Time of the event last popped. */
    public long poppedTime() {
        return poppedTime;
    }

    /** Kind (0 to 3) of the event last popped. */
    public int poppedKind() {
        return poppedKind;
    }

    /** {@code from} of the event last popped. */
    public int poppedFrom() {
        return poppedFrom;
    }

    /** {@code to} of the event last popped. */
    public int poppedTo() {
        return poppedTo;
    }

    /** Primitive word of the event last popped; 0 if it carried a ref. */
    public long poppedWord() {
        return poppedWord;
    }

    /** Primitive tag of the event last popped; 0 if it carried a ref. */
    public int poppedTag() {
        return poppedTag;
    }

    /** Object payload of the event last popped; null if it carried a word and tag. */
    public Object poppedRef() {
        return poppedRef;
    }

    /**
     * From now until {@link #stopAppender}, a second thread stores wheel events in their buckets
     * whenever drained buckets hold more than {@code above} events on average, until they hold fewer
     * than {@code below} (see {@link WheelAppender}; {@link #APPEND_ABOVE} and {@link #APPEND_BELOW}
     * for a run, lower in the tests so that it switches often), while this one goes on, and sorts the
     * next buckets ahead when it has nothing to store; the order of events is the same. For a run
     * that has a core to itself: the second thread spins while it waits.
     */
    void startAppender(int above, int below) {
        if (appender != null) {
            throw new IllegalStateException("the appender is already running");
        }
        appendAbove = above;
        appendBelow = below;
        density = 0;
        appenderStarts = 0;
        appender = new WheelAppender(wheel.chunks);
        appender.start();
    }

    /**
     * How many buckets were drained from a buffer the appender sorted ahead, since
     * {@link #startAppender} (until {@link #stopAppender}).
     */
    long bucketsSortedAhead() {
        return appender == null ? sortedAheadBeforeStop : appender.takenSorted();
    }

    /** How many times the appender has taken over storing events since {@link #startAppender}. */
    long appenderStarts() {
        return appenderStarts;
    }

    /** Stops the thread {@link #startAppender} started, once it has stored every event given to it. */
    void stopAppender() {
        if (appender != null) {
            WheelAppender a = appender;
            if (appending) {
                a.pause();
                wheel.handChainsTo(null);
                appending = false;
            }
            appender = null;
            sortedAheadBeforeStop = a.takenSorted();
            a.stop();
        }
    }

    /** Gives back the memory of buckets grown for a peak; only when empty (at the end of a run). */
    public void trim() {
        if (appender != null) {
            throw new IllegalStateException("trim needs the appender stopped");
        }
        if (size != 0) {
            throw new IllegalStateException("trim needs an empty queue, " + size + " events pending");
        }
        wheel.trim();
        slots.trim();
    }

    /**
     * Makes the drain buffer or the near heap hold the earliest events ({@link #advance} when neither
     * holds any). Split from {@code advance} so that this check, made twice per event, is small
     * enough to be compiled into the loop, and advancing, once per bucket, is not.
     */
    private void fill() {
        if (!wheel.draining() && near.isEmpty()) {
            advance();
        }
    }

    /**
     * Advances to the next bucket holding events, or holding the earliest far event's time, until the
     * drain buffer or the near heap holds the earliest events. Empty buckets in between are skipped
     * whole: draining them would do nothing.
     */
    private void advance() {
        while (!wheel.draining() && near.isEmpty()) {
            if (wheel.isEmpty()) {
                if (far.isEmpty()) {
                    return;
                }
                // Nothing on the wheel: jump straight to the bucket of the earliest far event.
                currentStart = (far.minTime() >>> SHIFT) << SHIFT;
            } else {
                int next = (int) ((currentStart >>> SHIFT) + 1) & MASK;
                long target = currentStart + BUCKET_MICROS * (1L + wheel.distanceToOccupied(next));
                if (!far.isEmpty()) {
                    // Far events are all at or past the next bucket: stop at the first one's bucket if it comes first.
                    target = Math.min(target, (far.minTime() >>> SHIFT) << SHIFT);
                }
                currentStart = target;
            }
            long bucket = currentStart >>> SHIFT;
            if (appending) {
                appender.draining(bucket);
                appender.awaitStoredBefore(currentStart + BUCKET_MICROS);
            }
            wheel.drain((int) bucket & MASK, bucket);
            if (appender != null) {
                switchAppending(wheel.drained());
            }
            drainStartSeq = nextSeq;
            long end = currentStart + BUCKET_MICROS;
            while (!far.isEmpty() && far.minTime() < end) {
                long seq = far.minSeq();
                long t = far.minTime();
                near.push(t, seq, far.pop());
            }
        }
    }
}
