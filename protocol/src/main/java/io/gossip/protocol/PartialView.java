package io.gossip.protocol;

import java.util.Arrays;

/**
 * The ids this node gossips to: its out-neighbours. No duplicates, never the node itself.
 *
 * <p>With leases, each entry carries the time (in the core's microseconds) at which the subscription
 * that created it expires; the parallel {@code expiries} array exists only when leases are on, so a
 * lease-free node pays four bytes per entry. {@link #NEVER} marks an entry without expiry (the
 * contact a node chose itself when joining).
 */
final class PartialView extends IdList {
    /** Expiry of an entry that never expires. */
    static final long NEVER = Long.MAX_VALUE;

    private final boolean leases;
    private long[] expiries;

    PartialView(boolean leases) {
        this.leases = leases;
    }

    /** Adds {@code id} with the given expiry unless already present; returns whether it was added. */
    boolean add(int id, long expiryMicros) {
        if (contains(id)) {
            return false;
        }
        int index = append(id);
        if (leases) {
            expiries[index] = expiryMicros;
        }
        return true;
    }

    @Override
    void grow() {
        super.grow();
        if (leases) {
            expiries = expiries == null ? new long[ids.length] : Arrays.copyOf(expiries, ids.length);
        }
    }

    @Override
    void removeAt(int index) {
        if (leases) {
            int tail = size - index - 1;
            if (tail > 0) {
                System.arraycopy(expiries, index + 1, expiries, index, tail);
            }
        }
        super.removeAt(index);
        if (size == 0) {
            expiries = null;
        }
    }

    /** Expiry of the entry at {@code index}, {@link #NEVER} without leases. */
    long expiryAt(int index) {
        return leases ? expiries[index] : NEVER;
    }

    /** The earliest expiry of any entry, {@link #NEVER} if none expires. */
    long earliestExpiry() {
        if (!leases) {
            return NEVER;
        }
        long earliest = NEVER;
        for (int i = 0; i < size; i++) {
            earliest = Math.min(earliest, expiries[i]);
        }
        return earliest;
    }

    @Override
    void clear() {
        super.clear();
        expiries = null;
    }
}
