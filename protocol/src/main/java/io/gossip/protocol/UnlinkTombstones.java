package io.gossip.protocol;

import java.util.Arrays;

/**
 * Unlinks that arrived before the Keep they cancel. Messages between two nodes can be reordered (a
 * retransmitted or slow Keep overtaking nothing but arriving after the sender's later Unlink), and
 * applying that stale Keep would leave a departed or unlinked node in the InView for ever. Sequence
 * numbers grow per sender, so a Keep older than a remembered Unlink of the same sender is stale.
 *
 * <p>An entry is kept for the retransmission horizon, after which no stale Keep can still arrive;
 * arrays are allocated on first use and dropped when empty.
 */
final class UnlinkTombstones {
    private int[] senders;
    private int[] seqs;
    private long[] expiries;
    private int size;

    /** Remembers that {@code sender} unlinked with sequence number {@code seq}. */
    void add(int sender, int seq, long expiryMicros) {
        if (senders == null) {
            senders = new int[4];
            seqs = new int[4];
            expiries = new long[4];
        } else if (size == senders.length) {
            senders = Arrays.copyOf(senders, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
            expiries = Arrays.copyOf(expiries, size * 2);
        }
        senders[size] = sender;
        seqs[size] = seq;
        expiries[size] = expiryMicros;
        size++;
    }

    /**
     * Whether a Keep or Subscribe (both mean "the sender holds us") from {@code sender} with
     * {@code seq} was overtaken by a later Unlink.
     */
    boolean cancels(int sender, int seq, long nowMicros) {
        expire(nowMicros);
        for (int i = 0; i < size; i++) {
            if (senders[i] == sender && seqs[i] - seq > 0) {
                return true;
            }
        }
        return false;
    }

    /** Hands {@code out} the sender of every entry, expired or not (entries are forgotten lazily). */
    void forEachHeldId(HeldIds out) {
        for (int i = 0; i < size; i++) {
            out.held(HeldIds.Holder.UNLINK_TOMBSTONES, senders[i]);
        }
    }

    /** Forgets entries past their horizon. */
    void expire(long nowMicros) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (expiries[i] > nowMicros) {
                senders[kept] = senders[i];
                seqs[kept] = seqs[i];
                expiries[kept] = expiries[i];
                kept++;
            }
        }
        size = kept;
        if (size == 0) {
            senders = null;
            seqs = null;
            expiries = null;
        }
    }

    /** When the oldest entry may be forgotten, {@link Long#MAX_VALUE} if none. */
    long nextExpiry() {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            earliest = Math.min(earliest, expiries[i]);
        }
        return earliest;
    }
}
