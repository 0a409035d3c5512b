package io.gossip.protocol;

/**
 * The membership messages this node handled recently, as (sender, sequence number) pairs, so that a
 * retransmission (sent because our ack was lost) is acked again but not handled twice.
 *
 * <p>A pair is remembered until no retransmission of it can still arrive (the config's retransmit
 * horizon) or until {@value #CAPACITY} newer pairs push it out, whichever comes first. The count
 * bound keeps memory flat in a busy join phase, where a node relays many subscription copies per
 * second; it can only matter for a retransmission arriving after {@value #CAPACITY} other membership
 * messages, which needs several acks in a row to be lost. The arrays are dropped once empty, so an
 * idle node pays nothing.
 */
final class HandledMessages {
    static final int CAPACITY = 64;

    private long[] keys;
    private long[] expiries;
    private int head;
    private int size;

    private static long key(int sender, int seq) {
        return ((long) sender << 32) | (seq & 0xFFFF_FFFFL);
    }

    /** Whether the pair was handled and is still remembered. */
    boolean contains(int sender, int seq, long nowMicros) {
        expire(nowMicros);
        long key = key(sender, seq);
        for (int i = 0; i < size; i++) {
            if (keys[(head + i) % CAPACITY] == key) {
                return true;
            }
        }
        return false;
    }

    /** Remembers the pair until {@code expiryMicros}; expiries must be added in non-decreasing order. */
    void add(int sender, int seq, long expiryMicros) {
        if (keys == null) {
            keys = new long[CAPACITY];
            expiries = new long[CAPACITY];
            head = 0;
        }
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        int tail = (head + size) % CAPACITY;
        keys[tail] = key(sender, seq);
        expiries[tail] = expiryMicros;
        size++;
    }

    /** Forgets pairs whose horizon has passed; drops the arrays when nothing is left. */
    void expire(long nowMicros) {
        while (size > 0 && expiries[head] <= nowMicros) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        if (size == 0) {
            keys = null;
            expiries = null;
        }
    }

    /** When the oldest pair may be forgotten, {@link Long#MAX_VALUE} if none is held. */
    long nextExpiry() {
        return size == 0 ? Long.MAX_VALUE : expiries[head];
    }

    /** Number of pairs remembered. */
    int size() {
        return size;
    }
}
