package io.gossip.protocol;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A small insertion-ordered set of node ids in a primitive array: the storage behind
 * {@link PartialView} and {@link InView}.
 *
 * <p>Views hold a few dozen ids even in a million-node group ((c+1)·ln n), so a linear scan beats a
 * hash set and costs four bytes per entry. Removal shifts the tail to keep insertion order, which
 * the unsubscription rule relies on (it pairs the i-th InView member with the j-th PartialView one).
 */
class IdList {
    /** Expiry of an entry that never expires. */
    static final long NEVER = Long.MAX_VALUE;

    private static final int[] EMPTY = new int[0];

    private final boolean expiring;
    int[] ids = EMPTY;
    int size;
    private long[] expiries;

    /**
     * @param expiring whether entries carry an expiry time (only with leases: a lease-free node
     *     pays four bytes per entry)
     */
    IdList(boolean expiring) {
        this.expiring = expiring;
    }

    /** Number of ids held. */
    final int size() {
        return size;
    }

    /** Whether no id is held. */
    final boolean isEmpty() {
        return size == 0;
    }

    /** The id at {@code index} (insertion order). */
    final int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return ids[index];
    }

    /** Position of {@code id}, or -1. */
    final int indexOf(int id) {
        int[] a = ids;
        for (int i = 0, n = size; i < n; i++) {
            if (a[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code id} is held. */
    final boolean contains(int id) {
        return indexOf(id) >= 0;
    }

    /**
     * Adds {@code id} with the given expiry unless already present, in which case its expiry is
     * extended to {@code expiryMicros} if that is later. Returns whether it was added.
     */
    final boolean add(int id, long expiryMicros) {
        int at = indexOf(id);
        if (at >= 0) {
            if (expiring && expiries[at] < expiryMicros) {
                expiries[at] = expiryMicros;
            }
            return false;
        }
        if (size == ids.length) {
            int capacity = Math.max(4, size + (size >> 1) + 1);
            ids = Arrays.copyOf(ids, capacity);
            if (expiring) {
                expiries = expiries == null ? new long[capacity] : Arrays.copyOf(expiries, capacity);
            }
        }
        ids[size] = id;
        if (expiring) {
            expiries[size] = expiryMicros;
        }
        size++;
        return true;
    }

    /** Removes the entry at {@code index}, keeping the order of the rest. */
    final void removeAt(int index) {
        int tail = size - index - 1;
        if (tail > 0) {
            System.arraycopy(ids, index + 1, ids, index, tail);
            if (expiring) {
                System.arraycopy(expiries, index + 1, expiries, index, tail);
            }
        }
        size--;
        if (size == 0) {
            clear();
        }
    }

    /** Expiry of the entry at {@code index}, {@link #NEVER} when entries do not expire. */
    final long expiryAt(int index) {
        return expiring ? expiries[index] : NEVER;
    }

    /** The earliest expiry of any entry, {@link #NEVER} if none expires. */
    final long earliestExpiry() {
        long earliest = NEVER;
        if (expiring) {
            for (int i = 0; i < size; i++) {
                earliest = Math.min(earliest, expiries[i]);
            }
        }
        return earliest;
    }

    /** Removes {@code id} if held; returns whether it was. */
    final boolean remove(int id) {
        int i = indexOf(id);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        return true;
    }

    /** A member chosen uniformly at random; the caller has checked the list is not empty. */
    final int random(SplittableRandom random) {
        return ids[random.nextInt(size)];
    }

    /**
     * A member other than {@code excluded} chosen uniformly at random, or {@link NodeIds#NONE} if
     * there is none.
     */
    final int randomExcept(SplittableRandom random, int excluded) {
        int excludedAt = indexOf(excluded);
        int candidates = excludedAt < 0 ? size : size - 1;
        if (candidates == 0) {
            return NodeIds.NONE;
        }
        int pick = random.nextInt(candidates);
        if (excludedAt >= 0 && pick >= excludedAt) {
            pick++;
        }
        return ids[pick];
    }

    /** Hands {@code out} every id held, in insertion order, as held in {@code holder}. */
    final void forEachId(HeldIds.Holder holder, HeldIds out) {
        for (int i = 0; i < size; i++) {
            out.held(holder, ids[i]);
        }
    }

    /** A copy of the ids, in insertion order. */
    final int[] toArray() {
        return Arrays.copyOf(ids, size);
    }

    /** Drops every id. */
    final void clear() {
        ids = EMPTY;
        expiries = null;
        size = 0;
    }
}
