package io.gossip.udp.security;

import io.gossip.udp.TransportDropReason;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses replayed datagrams, cheaply: a timestamp window plus a bounded sliding window of sequence
 * numbers per stream.
 *
 * <p>A datagram is fresh if its sender's timestamp is within {@code maxSkewMillis} of this node's
 * clock and its (stream, seq) pair has not been seen. Per stream the guard keeps the highest seq
 * and a {@value #WINDOW} -bit map of the seqs below it (like IPsec's and DTLS's anti-replay
 * windows); a seq older than the window is refused. Streams are forgotten once the newest
 * timestamp accepted on them is older than the skew window, because from then on any replay of
 * theirs fails the timestamp test. If the memory is full of live streams, the stream with the
 * oldest newest timestamp is evicted and that timestamp becomes a floor: a datagram of an unknown
 * stream must be newer than the floor, so nothing evicted can be replayed. The floor starts just
 * below the moment the guard was created: a restarted node has forgotten every stream, and without
 * it the last skew window's worth of captured datagrams could all be replayed to it once. Only
 * called for datagrams that authenticated, so only key holders create entries. Not thread-safe.
 */
final class ReplayGuard {
    /** Width of each stream's window, in sequence numbers. */
    static final int WINDOW = 256;

    private static final class Stream {
        long highestSeq;
        long newestSentMillis = Long.MIN_VALUE;
        final long[] seen = new long[WINDOW / 64];
    }

    private final long maxSkewMillis;
    private final int capacity;
    private final Map<Long, Stream> streams = new HashMap<>();
    private long floorMillis;

    /**
     * @param startMillis this node's clock now: datagrams of unknown streams sent before it are
     *     refused as {@link TransportDropReason#REPLAYED}, since the node cannot know whether it saw them
     */
    ReplayGuard(long maxSkewMillis, int capacity, long startMillis) {
        if (maxSkewMillis < 1) {
            throw new IllegalArgumentException("maxSkewMillis must be >= 1, got " + maxSkewMillis);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("replay memory capacity must be >= 1, got " + capacity);
        }
        this.maxSkewMillis = maxSkewMillis;
        this.capacity = capacity;
        this.floorMillis = startMillis - 1;
    }

    /**
     * Accepts and remembers a datagram, or says why it is refused.
     *
     * @return null if fresh (now remembered), else {@link TransportDropReason#STALE} or
     *     {@link TransportDropReason#REPLAYED}
     */
    TransportDropReason accept(long streamId, long seq, long sentMillis, long nowMillis) {
        if (!withinSkew(sentMillis, nowMillis)) {
            return TransportDropReason.STALE;
        }
        if (seq < 1) {
            return TransportDropReason.REPLAYED;
        }
        Stream stream = streams.get(streamId);
        if (stream == null) {
            if (sentMillis <= floorMillis) {
                return TransportDropReason.REPLAYED; // its stream may have been evicted: cannot prove it fresh
            }
            makeRoom(nowMillis);
            stream = new Stream();
            streams.put(streamId, stream);
        }
        if (!mark(stream, seq)) {
            return TransportDropReason.REPLAYED;
        }
        stream.newestSentMillis = Math.max(stream.newestSentMillis, sentMillis);
        return null;
    }

    /**
     * Whether {@code sentMillis} is at most the skew away from {@code nowMillis}. The difference is
     * checked for overflow: {@code Math.abs(sentMillis - nowMillis)} let a timestamp 2^63 ms away
     * through, because the difference wraps to {@link Long#MIN_VALUE}, whose absolute value is negative.
     */
    private boolean withinSkew(long sentMillis, long nowMillis) {
        long difference = sentMillis - nowMillis;
        boolean overflowed = ((sentMillis ^ nowMillis) & (sentMillis ^ difference)) < 0;
        return !overflowed && difference >= -maxSkewMillis && difference <= maxSkewMillis;
    }

    /** Streams remembered now. */
    int size() {
        return streams.size();
    }

    private static boolean mark(Stream stream, long seq) {
        if (seq > stream.highestSeq) {
            long advance = seq - stream.highestSeq;
            if (advance >= WINDOW) {
                java.util.Arrays.fill(stream.seen, 0L);
            } else {
                for (long s = stream.highestSeq + 1; s < seq; s++) {
                    clear(stream.seen, s);
                }
            }
            stream.highestSeq = seq;
            set(stream.seen, seq);
            return true;
        }
        if (stream.highestSeq - seq >= WINDOW || isSet(stream.seen, seq)) {
            return false;
        }
        set(stream.seen, seq);
        return true;
    }

    private void makeRoom(long nowMillis) {
        if (streams.size() < capacity) {
            return;
        }
        Iterator<Stream> it = streams.values().iterator();
        while (it.hasNext()) {
            if (it.next().newestSentMillis < nowMillis - maxSkewMillis) {
                it.remove(); // any replay of it is STALE now
            }
        }
        if (streams.size() < capacity) {
            return;
        }
        Map.Entry<Long, Stream> oldest = null;
        for (Map.Entry<Long, Stream> entry : streams.entrySet()) {
            if (oldest == null || entry.getValue().newestSentMillis < oldest.getValue().newestSentMillis) {
                oldest = entry;
            }
        }
        floorMillis = Math.max(floorMillis, oldest.getValue().newestSentMillis);
        streams.remove(oldest.getKey());
    }

    private static int bit(long seq) {
        return (int) (seq & (WINDOW - 1));
    }

    private static void set(long[] bits, long seq) {
        bits[bit(seq) >>> 6] |= 1L << (bit(seq) & 63);
    }

    private static void clear(long[] bits, long seq) {
        bits[bit(seq) >>> 6] &= ~(1L << (bit(seq) & 63));
    }

    private static boolean isSet(long[] bits, long seq) {
        return (bits[bit(seq) >>> 6] & (1L << (bit(seq) & 63))) != 0;
    }
}
