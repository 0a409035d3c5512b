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
    private static final int[] EMPTY = new int[0];

    int[] ids = EMPTY;
    int size;

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

    /** Appends {@code id}; the caller has checked it is absent. Returns its index. */
    int append(int id) {
        if (size == ids.length) {
            grow();
        }
        ids[size] = id;
        return size++;
    }

    void grow() {
        ids = Arrays.copyOf(ids, Math.max(4, size + (size >> 1) + 1));
    }

    /** Removes the entry at {@code index}, keeping the order of the rest. */
    void removeAt(int index) {
        int tail = size - index - 1;
        if (tail > 0) {
            System.arraycopy(ids, index + 1, ids, index, tail);
        }
        size--;
        if (size == 0) {
            ids = EMPTY;
        }
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

    /** A copy of the ids, in insertion order. */
    final int[] toArray() {
        return Arrays.copyOf(ids, size);
    }

    /** Drops every id. */
    void clear() {
        ids = EMPTY;
        size = 0;
    }
}
