package io.gossip.sim.engine;

/**
 * The wakeups nodes ask for exactly one retransmission timeout ahead, kept in arrival order beside
 * the {@link EventQueue} instead of in it, and the bookkeeping that lets the loop merge the two
 * without changing the order of a single event.
 *
 * <p>Why: in SCAMP's joins every acknowledged message a node sends while it awaits nothing asks for
 * a wakeup one timeout later (250 ms by default), and most find their message acknowledged. They were
 * a third of the events the queue stored and sorted in the scale benchmark's joins (35.8 million
 * wakeups beside 67.7 million deliveries at 100,000 nodes, c = 1). Asked at {@code now + timeout}
 * with a clock that never goes back, they come in time order already: a ring of (time, node) is a
 * complete priority queue for them.
 *
 * <p>Order, exactly as if every wakeup were in the queue, whose order is (time, insertion
 * sequence). The loop takes the lane's head when its time is at most the queue's head time (the
 * lane first at equal times). That is right for every event queued <em>after</em> the lane's entry.
 * For an event queued <em>before</em> it at the same microsecond the lane would be wrong, so
 * {@link #offer} refuses such a wakeup (the caller queues it as before):
 * <ul>
 *   <li>a message queued earlier arrives at most at {@link #latestMessage}: a wakeup at or before
 *       that time is refused;</li>
 *   <li>a step or a wakeup put in the queue at least one timeout ahead is in {@link #queuedOthers}
 *       (times only) until no wakeup offered later can be that early: a wakeup at the time of one
 *       is refused (one put less than a timeout ahead is earlier than any wakeup offered after it).</li>
 * </ul>
 * A refused wakeup goes into {@link #queuedOthers} itself, so later ones at its time are refused
 * too and keep their order behind it. {@code WakeupLaneEngineTest} holds the engine to the same
 * results with and without the lane on runs where events tie to the microsecond all the time, and
 * each of these rules was checked to matter there.
 */
final class WakeupLane {
    private final long delayMicros;
    private long[] times = new long[1024];
    private int[] nodes = new int[1024];
    /** Index of the head; {@code count} entries follow it, wrapping around. */
    private int head;
    private int count;
    /** Wakeups taken so far (for tests: a lane that took none proves nothing). */
    private long taken;
    private long latestMessage = Long.MIN_VALUE;
    /**
     * Times of the steps and wakeups put in the queue at least a timeout ahead; those before
     * {@code now + delay} are forgotten (a wakeup offered from then on is no earlier, so none can
     * tie with them).
     */
    private final TimeSet queuedOthers = new TimeSet();

    /** @param delayMicros the only distance ahead, from the time asked, at which wakeups are taken */
    WakeupLane(long delayMicros) {
        this.delayMicros = delayMicros;
    }

    /** A message was queued to arrive at {@code timeMicros}. */
    void messageQueued(long timeMicros) {
        if (timeMicros > latestMessage) {
            latestMessage = timeMicros;
        }
    }

    /**
     * A step or a wakeup was queued at {@code nowMicros} for {@code timeMicros}. Only one at least a
     * timeout ahead can tie with a wakeup offered later (which is {@code now + delay} or later), so
     * only those are remembered, and those the clock has brought closer than that are forgotten
     * here as well as in {@link #offer}: a run whose wakeups are never one timeout ahead (timers of
     * other lengths only) would otherwise remember every timer it ever set.
     */
    void otherQueued(long nowMicros, long timeMicros) {
        queuedOthers.forgetBefore(nowMicros + delayMicros);
        if (timeMicros - nowMicros >= delayMicros) {
            queuedOthers.add(timeMicros);
        }
    }

    /**
     * Takes the wakeup of {@code node} at {@code timeMicros}, asked at {@code nowMicros}, if it is
     * one timeout ahead and nothing queued before it can tie with it; false if the caller must queue
     * it (and report it with {@link #otherQueued}).
     */
    boolean offer(long nowMicros, long timeMicros, int node) {
        if (timeMicros - nowMicros != delayMicros || timeMicros <= latestMessage || queuedOtherAt(timeMicros)) {
            return false;
        }
        if (count == times.length) {
            grow();
        }
        int at = head + count;
        if (at >= times.length) {
            at -= times.length;
        }
        times[at] = timeMicros;
        nodes[at] = node;
        count++;
        taken++;
        return true;
    }

    private boolean queuedOtherAt(long timeMicros) {
        queuedOthers.forgetBefore(timeMicros); // no wakeup offered from now on is earlier
        return queuedOthers.contains(timeMicros);
    }

    private void grow() {
        long[] t = new long[times.length * 2];
        int[] n = new int[t.length];
        int first = Math.min(count, times.length - head);
        System.arraycopy(times, head, t, 0, first);
        System.arraycopy(nodes, head, n, 0, first);
        System.arraycopy(times, 0, t, first, count - first);
        System.arraycopy(nodes, 0, n, first, count - first);
        times = t;
        nodes = n;
        head = 0;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Time of the earliest wakeup; only valid when not empty. */
    long headTime() {
        return times[head];
    }

    /** Node of the earliest wakeup; only valid when not empty. */
    int headNode() {
        return nodes[head];
    }

    /** Removes the earliest wakeup; the lane must not be empty. */
    void pop() {
        count--;
        if (++head == times.length) {
            head = 0;
        }
    }

    int size() {
        return count;
    }

    long taken() {
        return taken;
    }

    /** How many queued steps' and timers' times the lane remembers (for tests). */
    int othersRemembered() {
        return queuedOthers.size();
    }
}
