package io.gossip.protocol;

import io.gossip.protocol.message.MessageType;
import java.util.Arrays;
import java.util.BitSet;

/**
 * {@link ReliableChannel} for every node of a {@link ScampArena}: per node, the membership messages
 * awaiting an ack and the (sender, seq) pairs already handled, each a {@code long[]} created on first
 * use and dropped when empty (most nodes are idle most of the time). The rules, and the order in
 * which entries are kept, removed and retransmitted, are {@link RetransmitQueue}'s and
 * its handled memory's ({@link ReliableChannel#HANDLED_CAPACITY}, a {@link DuplicateMemory}'s
 * rules), so that an arena run repeats a {@link ScampNode} run exactly.
 *
 * <p>Awaiting entries: {@code [count, capacity, keys..., deadlines..., messages..., budgets...]}, a
 * key being {@code to << 32 | seq}, a message {@code subject << 32 | hops << 12 | attempts << 4 |
 * type} and a budget the raw bits of a walk step's budget (0 for any other message); with leases a
 * fifth region, {@code leaseMillis << 32 | renewalCopies} of a subscription message (a run without
 * leases does not pay for it).
 * The keys lie side by side because every ack searches them: a contact that just forwarded a
 * subscription to its whole PartialView awaits a few dozen acks at once.
 * Handled entry: {@code (sender << 32 | seq, expiry)}, oldest first, at most
 * {@link ReliableChannel#HANDLED_CAPACITY}.
 */
final class ArenaChannel {
    /** Told when a message ran out of attempts without an ack. */
    interface Undeliverable {
        void undeliverable(long nowMicros, int node, int to, int type, int subject, int hops, double budget,
                int leaseMillis, int renewalCopies);
    }

    static final int MAX_HOPS = (1 << 20) - 1;
    private static final int COUNT = 0;
    private static final int CAPACITY = 1;
    private static final int KEYS = 2;
    private static final int WALK = MessageType.WALK.ordinal();
    private static final int UNLINK = MessageType.UNLINK.ordinal();
    private static final int KEEP = MessageType.KEEP.ordinal();
    private static final int SUBSCRIBE = MessageType.SUBSCRIBE.ordinal();
    private static final int FORWARDED_SUBSCRIPTION = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
    /** Entries an awaiting array starts with. */
    private static final int FIRST_CAPACITY = 4;
    /** At most this many emptied first-size awaiting arrays are kept for reuse. */
    private static final int SPARES = 1024;

    private final ProtocolConfig config;
    private final ArenaEnvironment env;
    private final Counters counters;
    /** Regions of an awaiting array: keys, deadlines, messages, budgets; with leases a fifth, {@link #LEASES}. */
    private static final int REGIONS = 4;
    private static final int LEASES = 4;
    /** Whether subscription messages carry a lease (then they travel as {@link ArenaEnvironment#sendSubscription}). */
    private final boolean leases;
    private long[][] awaiting;
    private long[][] handled;
    /**
     * One bit per node: whether it holds either array. Every message a node handles ends by
     * forgetting expired entries and recomputing its next deadline; for the many nodes with nothing
     * in flight, this bit set (n/8 bytes, in cache) answers without touching the two arrays of
     * references.
     */
    private final BitSet active;
    /** One bit per node: whether it awaits an ack (its awaiting array exists). */
    private final BitSet waiting;
    /**
     * Emptied awaiting arrays of the first size, for the next node that starts awaiting. Nearly every
     * membership message a node forwards opens an array that its ack empties a few hundred events
     * later: allocated each time, they were 85 % of the bytes a run allocates (1.2 GB at 100,000
     * nodes, c = 0) and most of its young collections.
     */
    private final long[][] spares = new long[SPARES][];
    private int spareCount;

    ArenaChannel(int capacity, ProtocolConfig config, ArenaEnvironment env, Counters counters) {
        this.config = config;
        this.env = env;
        this.counters = counters;
        this.leases = config.leaseDurationMillis() > 0;
        this.awaiting = new long[capacity][];
        this.handled = new long[capacity][];
        this.active = new BitSet(capacity);
        this.waiting = new BitSet(capacity);
    }

    void grow(int capacity) {
        awaiting = Arrays.copyOf(awaiting, capacity);
        handled = Arrays.copyOf(handled, capacity);
    }

    /** Whether {@code node} awaits any ack: if not, no retransmission can be due and it needs no timer. */
    boolean awaitsAck(int node) {
        return waiting.get(node);
    }

    private void setAwaiting(int node, long[] a) {
        long[] old = awaiting[node];
        if (old != null && old != a) {
            recycle(old);
        }
        awaiting[node] = a;
        waiting.set(node, a != null);
        if (a == null) {
            markIdleIfEmpty(node);
        } else {
            active.set(node);
        }
    }

    private boolean isActive(int node) {
        return active.get(node);
    }

    /** Clears the node's bit once it holds neither array. */
    private void markIdleIfEmpty(int node) {
        if (awaiting[node] == null && handled[node] == null) {
            active.clear(node);
        }
    }

    private static long key(int peer, int seq) {
        return ((long) peer << 32) | (seq & 0xFFFF_FFFFL);
    }

    /** Sends a membership message and, if it wants an ack ({@code seq != 0}), awaits one. */
    void send(long nowMicros, int node, int to, int type, int seq, int subject, int hops) {
        if (type == UNLINK) {
            cancel(node, to, KEEP, KEEP); // a Keep retransmitted after this Unlink would undo it
        }
        env.send(node, to, type, seq, subject, hops);
        counters.sent(type, 1);
        if (seq != 0) {
            await(nowMicros, node, to, type, seq, subject, hops, 0L, 0L);
        }
    }

    /**
     * {@link #send} for a subscription message of {@code type} (Subscribe, ForwardedSubscription,
     * Walk) with every field it has: through {@link ArenaEnvironment#sendSubscription} when they do
     * not fit the primitive form (a walk step's budget; with leases, a subscription's lease and
     * renewal copies), else as a primitive message.
     */
    void sendSubscription(long nowMicros, int node, int to, int type, int seq, int subscriber, int hops,
            double budget, int leaseMillis, int renewalCopies) {
        if (!travelsAsSubscription(type)) {
            send(nowMicros, node, to, type, seq, subscriber, hops);
            return;
        }
        env.sendSubscription(node, to, type, seq, subscriber, hops, budget, leaseMillis, renewalCopies);
        counters.sent(type, 1);
        if (seq != 0) {
            await(nowMicros, node, to, type, seq, subscriber, hops, Double.doubleToRawLongBits(budget),
                    ((long) leaseMillis << 32) | (renewalCopies & 0xFFFF_FFFFL));
        }
    }

    /** Whether a message of {@code type} leaves through {@link ArenaEnvironment#sendSubscription}. */
    private boolean travelsAsSubscription(int type) {
        return type == WALK || (leases && (type == SUBSCRIBE || type == FORWARDED_SUBSCRIPTION));
    }

    private void await(long nowMicros, int node, int to, int type, int seq, int subject, int hops, long budget,
            long lease) {
        long[] a = awaiting[node];
        if (a == null) {
            a = spareCount > 0 ? reused() : withCapacity(null, FIRST_CAPACITY);
        } else if (a[COUNT] == a[CAPACITY]) {
            a = withCapacity(a, 2 * (int) a[CAPACITY]);
        }
        setAwaiting(node, a);
        int i = (int) a[COUNT];
        int capacity = (int) a[CAPACITY];
        a[KEYS + i] = key(to, seq);
        a[KEYS + capacity + i] = nowMicros + config.retransmitDelayMicros(1);
        a[KEYS + 2 * capacity + i] = ((long) subject << 32) | ((long) hops << 12) | (1L << 4) | type;
        a[KEYS + 3 * capacity + i] = budget;
        if (leases) {
            a[KEYS + LEASES * capacity + i] = lease;
        }
        a[COUNT]++;
    }

    /** A spare first-size array, emptied. */
    private long[] reused() {
        long[] a = spares[--spareCount];
        spares[spareCount] = null;
        a[COUNT] = 0;
        return a;
    }

    /** Keeps an awaiting array no node holds any more, if it is of the first size and there is room. */
    private void recycle(long[] a) {
        if (a[CAPACITY] == FIRST_CAPACITY && spareCount < SPARES) {
            spares[spareCount++] = a;
        }
    }

    private long[] withCapacity(long[] old, int capacity) {
        int regions = leases ? REGIONS + 1 : REGIONS;
        long[] a = new long[KEYS + regions * capacity];
        a[CAPACITY] = capacity;
        if (old != null) {
            int n = (int) old[COUNT];
            int oldCapacity = (int) old[CAPACITY];
            for (int region = 0; region < regions; region++) {
                System.arraycopy(old, KEYS + region * oldCapacity, a, KEYS + region * capacity, n);
            }
            a[COUNT] = n;
        }
        return a;
    }

    /**
     * Stops retransmitting the awaited messages of type {@code type} or {@code orType} (to
     * {@code to} only, unless it is {@link NodeIds#NONE}), last entry first, as
     * {@link RetransmitQueue}'s cancellations do.
     */
    private void cancel(int node, int to, int type, int orType) {
        long[] a = awaiting[node];
        if (a == null) {
            return;
        }
        int capacity = (int) a[CAPACITY];
        for (int i = (int) a[COUNT] - 1; i >= 0; i--) {
            int t = (int) a[KEYS + 2 * capacity + i] & 0xF;
            if ((t == type || t == orType) && (to == NodeIds.NONE || (int) (a[KEYS + i] >>> 32) == to)) {
                removeAt(a, i);
            }
        }
        if (a[COUNT] == 0) {
            setAwaiting(node, null);
        }
    }

    /** {@link ReliableChannel#cancelSubscriptionsAndKeeps}: the node is leaving. */
    void cancelSubscriptionsAndKeeps(int node) {
        cancel(node, NodeIds.NONE, SUBSCRIBE, KEEP);
    }

    /** Acks the message if it asks for it; false for a retransmission already handled (counted). */
    boolean receive(long nowMicros, int node, int from, int seq) {
        if (seq == 0) {
            return true;
        }
        env.send(node, from, MessageType.ACK.ordinal(), seq, 0, 0);
        counters.sent(MessageType.ACK, 1);
        if (!firstTime(nowMicros, node, from, seq)) {
            counters.dropped(DropReason.DUPLICATE_MEMBERSHIP);
            return false;
        }
        return true;
    }

    /** {@link ReliableChannel#firstTime}: whether (from, seq) is new to the node; remembers it either way. */
    boolean firstTime(long nowMicros, int node, int from, int seq) {
        long key = key(from, seq);
        long[] h = isActive(node) ? handled[node] : null; // most receivers are idle: skip the reference array
        if (h != null) {
            expireHandled(h, nowMicros);
            for (int i = 1, end = 1 + 2 * (int) h[0]; i < end; i += 2) {
                if (h[i] == key) {
                    return false;
                }
            }
        }
        if (h == null) {
            h = new long[1 + 2 * 4];
        } else if ((int) h[0] == ReliableChannel.HANDLED_CAPACITY) {
            System.arraycopy(h, 3, h, 1, 2 * (ReliableChannel.HANDLED_CAPACITY - 1));
            h[0]--;
        } else if (1 + 2 * ((int) h[0] + 1) > h.length) {
            h = Arrays.copyOf(h, 1 + 4 * (int) h[0]);
        }
        handled[node] = h;
        active.set(node);
        int at = 1 + 2 * (int) h[0];
        h[at] = key;
        h[at + 1] = nowMicros + config.retransmitHorizonMicros();
        h[0]++;
        return true;
    }

    private static void expireHandled(long[] h, long nowMicros) {
        int size = (int) h[0];
        int expired = 0;
        while (expired < size && h[2 + 2 * expired] <= nowMicros) {
            expired++;
        }
        if (expired > 0) {
            System.arraycopy(h, 1 + 2 * expired, h, 1, 2 * (size - expired));
            h[0] = size - expired;
        }
    }

    /** Reads the first entries of the node's arrays, if any ({@link ScampArena#prefetch}). */
    int prefetch(int node) {
        if (!isActive(node)) {
            return 0;
        }
        long[] h = handled[node];
        long[] a = awaiting[node];
        return (h == null ? 0 : (int) h[0]) + (a == null ? 0 : (int) a[0]);
    }

    /** Reads the ends of the node's awaited entries, where an ack searches and removes; a hint. */
    int prefetchAwaiting(int node) {
        long[] a = waiting.get(node) ? awaiting[node] : null;
        return a == null ? 0 : (int) a[COUNT] + (int) a[a.length - 1];
    }

    /** Forgets handled messages past their horizon. */
    void forgetExpired(long nowMicros, int node) {
        if (!isActive(node)) {
            return;
        }
        long[] h = handled[node];
        if (h != null) {
            expireHandled(h, nowMicros);
            if (h[0] == 0) {
                handled[node] = null;
                markIdleIfEmpty(node);
            }
        }
    }

    /** Handles an ack; counts it if nothing was waiting for it. */
    void acknowledged(int node, int from, int seq) {
        long[] a = awaiting[node];
        long key = key(from, seq);
        if (a != null) {
            // Keys are unique (a node never reuses a sequence number in flight): any search order finds the same entry.
            for (int i = KEYS, end = KEYS + (int) a[COUNT]; i < end; i++) {
                if (a[i] == key) {
                    removeAt(a, i - KEYS);
                    if (a[COUNT] == 0) {
                        setAwaiting(node, null);
                    }
                    return;
                }
            }
        }
        counters.dropped(DropReason.UNKNOWN_ACK);
    }

    /** Swap-with-last removal, as {@link RetransmitQueue#removeAt}. */
    private void removeAt(long[] a, int i) {
        int last = (int) a[COUNT] - 1;
        int capacity = (int) a[CAPACITY];
        // Every ack removes an entry: the four regions every array has, in a loop of constant length.
        for (int region = KEYS; region < KEYS + REGIONS * capacity; region += capacity) {
            a[region + i] = a[region + last];
        }
        if (leases) {
            a[KEYS + LEASES * capacity + i] = a[KEYS + LEASES * capacity + last];
        }
        a[COUNT] = last;
    }

    /** Retransmits what is due; hands messages out of attempts to {@code onUndeliverable}. */
    void retransmitDue(long nowMicros, int node, Undeliverable onUndeliverable) {
        forgetExpired(nowMicros, node);
        if (awaiting[node] == null) {
            return;
        }
        // onUndeliverable may send (append, possibly reallocating): re-read the array each step.
        for (int i = (int) awaiting[node][COUNT] - 1; i >= 0; i--) {
            long[] a = awaiting[node];
            int capacity = (int) a[CAPACITY];
            if (a[KEYS + capacity + i] > nowMicros) {
                continue;
            }
            int to = (int) (a[KEYS + i] >>> 32);
            int seq = (int) a[KEYS + i];
            long message = a[KEYS + 2 * capacity + i];
            int type = (int) message & 0xF;
            int attempts = (int) (message >>> 4) & 0x1F;
            int hops = (int) (message >>> 12) & MAX_HOPS;
            int subject = (int) (message >>> 32);
            double budget = Double.longBitsToDouble(a[KEYS + 3 * capacity + i]);
            long lease = leases ? a[KEYS + LEASES * capacity + i] : 0L;
            if (attempts < config.maxAttempts()) {
                a[KEYS + capacity + i] = nowMicros + config.retransmitDelayMicros(attempts + 1);
                a[KEYS + 2 * capacity + i] = message + (1L << 4);
                if (travelsAsSubscription(type)) {
                    env.sendSubscription(node, to, type, seq, subject, hops, budget, (int) (lease >>> 32), (int) lease);
                } else {
                    env.send(node, to, type, seq, subject, hops);
                }
                counters.sent(type, 1);
                counters.retransmission();
            } else {
                removeAt(a, i);
                counters.dropped(DropReason.RETRANSMIT_EXHAUSTED);
                onUndeliverable.undeliverable(nowMicros, node, to, type, subject, hops, budget, (int) (lease >>> 32),
                        (int) lease);
            }
        }
        if (awaiting[node][COUNT] == 0) {
            setAwaiting(node, null);
        }
    }

    /** When the node's next retransmission is due. */
    long nextDeadline(int node) {
        if (!isActive(node)) {
            return Long.MAX_VALUE;
        }
        long[] a = awaiting[node];
        if (a == null) {
            return Long.MAX_VALUE;
        }
        long earliest = Long.MAX_VALUE;
        int deadlines = KEYS + (int) a[CAPACITY];
        for (int i = deadlines, end = deadlines + (int) a[COUNT]; i < end; i++) {
            earliest = Math.min(earliest, a[i]);
        }
        return earliest;
    }

    /** Membership messages the node sent and has not had acknowledged. */
    int unacknowledgedCount(int node) {
        long[] a = awaiting[node];
        return a == null ? 0 : (int) a[COUNT];
    }
}
