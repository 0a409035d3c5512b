package io.gossip.protocol;

/**
 * The membership messages this node handled recently, as (sender, sequence number) pairs, so that a
 * retransmission (sent because our ack was lost) is acked again but not handled twice.
 *
 * <p>A pair is remembered until no retransmission of it can still arrive (the config's retransmit
 * horizon), as the protocol requires: a retransmission of a handled message must be ignored. The
 * count bound, {@value #CAPACITY} pairs, is only a guard against a sender that invents pairs to
 * fill a node's memory; no honest load comes near it. It was 64 once, and that broke the rule under
 * heavy loss: at 30 % loss a node relaying subscriptions handled more than 64 messages within the
 * horizon (15.75 s by default), forgot pairs whose acks were still being lost, handled their
 * retransmissions as new subscription copies, relayed those, and membership traffic ran away
 * (200 nodes never finished joining).
 *
 * <p>Memory follows need: pairs sit in one ring of (key, expiry) longs that starts at
 * {@value #INITIAL} entries and doubles up to {@value #CAPACITY}, and the ring is dropped once empty,
 * so an idle node pays nothing and a node that handled two messages pays for four.
 */
final class HandledMessages {
    static final int CAPACITY = 4_096;
    private static final int INITIAL = 4;

    /** Entry i of the ring: key at {@code 2i}, expiry at {@code 2i + 1}. */
    private long[] ring;
    private int head;
    private int size;

    private static long key(int sender, int seq) {
        return ((long) sender << 32) | (seq & 0xFFFF_FFFFL);
    }

    /** Whether the pair was handled and is still remembered. */
    boolean contains(int sender, int seq, long nowMicros) {
        expire(nowMicros);
        if (size == 0) {
            return false;
        }
        long key = key(sender, seq);
        int mask = ring.length / 2 - 1;
        for (int i = 0; i < size; i++) {
            if (ring[2 * ((head + i) & mask)] == key) {
                return true;
            }
        }
        return false;
    }

    /** Remembers the pair until {@code expiryMicros}; expiries must be added in non-decreasing order. */
    void add(int sender, int seq, long expiryMicros) {
        if (ring == null) {
            ring = new long[2 * INITIAL];
            head = 0;
        } else if (size == ring.length / 2) {
            if (size == CAPACITY) {
                head = (head + 1) & (CAPACITY - 1);
                size--;
            } else {
                grow();
            }
        }
        int tail = (head + size) & (ring.length / 2 - 1);
        ring[2 * tail] = key(sender, seq);
        ring[2 * tail + 1] = expiryMicros;
        size++;
    }

    private void grow() {
        int entries = ring.length / 2;
        long[] bigger = new long[ring.length * 2];
        int firstPart = entries - head;
        System.arraycopy(ring, 2 * head, bigger, 0, 2 * firstPart);
        System.arraycopy(ring, 0, bigger, 2 * firstPart, 2 * head);
        ring = bigger;
        head = 0;
    }

    /** Forgets pairs whose horizon has passed; drops the ring when nothing is left. */
    void expire(long nowMicros) {
        if (size == 0) {
            return;
        }
        int mask = ring.length / 2 - 1;
        while (size > 0 && ring[2 * head + 1] <= nowMicros) {
            head = (head + 1) & mask;
            size--;
        }
        if (size == 0) {
            ring = null;
        }
    }

    /** When the oldest pair may be forgotten, {@link Long#MAX_VALUE} if none is held. */
    long nextExpiry() {
        return size == 0 ? Long.MAX_VALUE : ring[2 * head + 1];
    }

    /** Number of pairs remembered. */
    int size() {
        return size;
    }

    @Override
    public String toString() {
        return "HandledMessages[size=" + size + ", ring=" + (ring == null ? 0 : ring.length / 2) + "]";
    }
}
