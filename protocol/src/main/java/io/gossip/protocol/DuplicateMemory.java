package io.gossip.protocol;

import java.util.Arrays;

/**
 * The gossip message ids a node has seen, bounded by count and, optionally, by age.
 *
 * <p>Ids live in a ring in arrival order, so the oldest is forgotten first when the capacity is
 * reached or its age passes the bound. The ring starts tiny and grows (by 4 slots, then doubling)
 * up to the capacity, so a node that saw ten messages holds twelve slots, not the configured
 * thousands. Up to
 * {@value #SCAN_LIMIT} ids a lookup scans the ring; beyond that a linear-probing hash index of the
 * same ids answers in constant time.
 *
 * <p>An id forgotten too early means a late duplicate is delivered again; the bounds are the
 * application's trade between memory and that risk, hence configurable.
 */
final class DuplicateMemory {
    private static final int SCAN_LIMIT = 32;
    private static final long EMPTY_SLOT = Long.MIN_VALUE;

    private final int capacity;
    private final long maxAgeMicros;
    private long[] ring = new long[0];
    private long[] seenAt;
    /** {@code seenAt[head]} while not empty: the age check then reads no array. */
    private long oldestSeenMicros;
    private int head;
    private int size;
    private long[] index;

    DuplicateMemory(int capacity, long maxAgeMicros) {
        this.capacity = capacity;
        this.maxAgeMicros = maxAgeMicros;
    }

    /** Number of ids remembered. */
    int size() {
        return size;
    }

    /**
     * Hands {@code out} the high 32 bits of every id remembered, oldest first, whatever its age (an
     * entry past the age bound is only forgotten at the next lookup, add or expiry), as held in
     * {@code holder}. The keys a node remembers carry a node id there: a gossip message's origin, a
     * membership message's sender.
     */
    void forEachHighHalf(HeldIds.Holder holder, HeldIds out) {
        for (int i = 0; i < size; i++) {
            out.held(holder, (int) (ring[(head + i) % ring.length] >>> 32));
        }
    }

    /** Whether {@code id} is remembered, after forgetting what is older than the age bound. */
    boolean contains(long id, long nowMicros) {
        expire(nowMicros);
        if (index != null) {
            return slotOf(id) >= 0;
        }
        for (int i = 0; i < size; i++) {
            if (ring[(head + i) % ring.length] == id) {
                return true;
            }
        }
        return false;
    }

    /** Remembers {@code id}, seen at {@code nowMicros}; the caller has checked it is new. */
    void add(long id, long nowMicros) {
        expire(nowMicros);
        if (size == capacity) {
            forgetOldest();
        } else if (size == ring.length) {
            growRing();
        }
        int tail = (head + size) % ring.length;
        if (size == 0) {
            oldestSeenMicros = nowMicros;
        }
        ring[tail] = id;
        if (seenAt != null) {
            seenAt[tail] = nowMicros;
        }
        size++;
        if (index != null) {
            insertIntoIndex(id);
        } else if (size > SCAN_LIMIT) {
            rebuildIndex();
        }
    }

    /** Forgets what is older than the age bound. */
    void expire(long nowMicros) {
        if (maxAgeMicros == 0) {
            return;
        }
        while (size > 0 && nowMicros - oldestSeenMicros >= maxAgeMicros) {
            forgetOldest();
        }
    }

    private void forgetOldest() {
        long id = ring[head];
        head = (head + 1) % ring.length;
        size--;
        if (size > 0 && seenAt != null) {
            oldestSeenMicros = seenAt[head];
        }
        if (index != null) {
            removeFromIndex(id);
        }
    }

    private void growRing() {
        // Small rings grow by 4 (a node that saw ten messages holds 12 slots, not 16); larger ones double.
        int newLength = Math.min(capacity, ring.length < 16 ? ring.length + 4 : ring.length * 2);
        long[] newRing = new long[newLength];
        long[] newSeenAt = maxAgeMicros == 0 ? null : new long[newLength];
        for (int i = 0; i < size; i++) {
            int from = (head + i) % ring.length;
            newRing[i] = ring[from];
            if (newSeenAt != null) {
                newSeenAt[i] = seenAt[from];
            }
        }
        ring = newRing;
        seenAt = newSeenAt;
        head = 0;
        if (index != null) {
            rebuildIndex();
        }
    }

    private void rebuildIndex() {
        int tableSize = Integer.highestOneBit(Math.max(SCAN_LIMIT, ring.length) * 2 - 1) << 1;
        index = new long[tableSize];
        Arrays.fill(index, EMPTY_SLOT);
        for (int i = 0; i < size; i++) {
            insertIntoIndex(ring[(head + i) % ring.length]);
        }
    }

    private int home(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (index.length - 1);
    }

    private int slotOf(long id) {
        int mask = index.length - 1;
        for (int slot = home(id); ; slot = (slot + 1) & mask) {
            long held = index[slot];
            if (held == id) {
                return slot;
            }
            if (held == EMPTY_SLOT) {
                return -1;
            }
        }
    }

    private void insertIntoIndex(long id) {
        int mask = index.length - 1;
        int slot = home(id);
        while (index[slot] != EMPTY_SLOT) {
            slot = (slot + 1) & mask;
        }
        index[slot] = id;
    }

    /** Linear-probing deletion by backward shift: no tombstones, so lookups stay short. */
    private void removeFromIndex(long id) {
        int mask = index.length - 1;
        int hole = slotOf(id);
        if (hole < 0) {
            return;
        }
        int slot = hole;
        while (true) {
            slot = (slot + 1) & mask;
            long held = index[slot];
            if (held == EMPTY_SLOT) {
                break;
            }
            int want = home(held);
            boolean canMove = hole <= slot ? (want <= hole || want > slot) : (want <= hole && want > slot);
            if (canMove) {
                index[hole] = held;
                hole = slot;
            }
        }
        index[hole] = EMPTY_SLOT;
    }
}
