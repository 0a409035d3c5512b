package io.gossip.protocol;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One {@link ScampArena} node's state packed in a single {@code int[]}: a few scalars, then its
 * PartialView, its InView and its duplicate memory, back to back. One array per node instead of the
 * ten small objects of a {@link ScampNode} means one object header instead of ten and, on a
 * delivery, one or two cache lines touched instead of a pointer chase: at a million nodes nearly
 * every delivery lands on a node whose state is not in cache, so the misses per delivery are what
 * bounds the simulator's speed.
 *
 * <p>Layout: {@code [header | PartialView ids | InView ids | forgotten seen entries | seen entries]}.
 * Views keep insertion order and remove by shifting, exactly like {@link IdList}, so a random draw
 * picks the same member as a {@link ScampNode} would. A seen entry is two ints, message index and
 * the time first seen (low 32 bits of the µs), oldest first, as {@link DuplicateMemory} keeps them,
 * so both forget the same messages at the same moments. The seen entries come last because a node
 * remembers a message far more often than its views change: remembering appends, where with the
 * entries before the views each first receipt shifted both views along (in a profile of many
 * broadcasts, that copy was 8 % of the time), and the PartialView starts at a fixed place.
 *
 * <p>The duplicate memory stays in the record however many messages it holds (8 bytes each, where
 * a {@code DuplicateMemory} spends about 32 on its ring, times and hash index): a run with hundreds
 * of broadcasts costs no extra object per node and no extra miss per arrival. What keeps the check
 * cheap without an index is the shape of gossip traffic. Message indices grow with time, so the
 * first receipt of a new broadcast is larger than every index the node ever remembered
 * ({@link #SEEN_MAX}) and is known new from the header alone; a duplicate is nearly always one of
 * the last few messages, which the scan, newest first, meets at once. Forgetting the oldest
 * entries only marks them ({@link #SEEN_FORGOTTEN}); they are squeezed out once they are a quarter
 * of the live ones, so each forgotten entry costs a bounded share of one move of the record,
 * however long the memory. Methods that add may reallocate and return the array the caller must
 * keep.
 */
final class NodeRecord {
    static final int PV_SIZE = 0;
    static final int IV_SIZE = 1;
    static final int SEEN_SIZE = 2;
    static final int NEXT_SEQ = 3;
    /** The low 32 bits of the time the node asked to be woken at (µs); the high bits are in {@link #TIME_HIGHS}. */
    static final int WAKE_LOW = 4;
    /**
     * The high bits (above the low 32) of two times, 16 each: the wake time's in the top half
     * ({@link #NO_WAKE} when the node awaits no wakeup), the seen base's in the bottom half. The seen
     * base is the newest live seen entry's time, whose low 32 bits that entry holds: the base the
     * other entries' times are read against ({@link #seenBase}). Two times in three ints, not four:
     * 8 bytes a node, for a limit of {@link #TIME_LIMIT_MICROS} (8.9 years) of virtual time.
     */
    static final int TIME_HIGHS = 5;
    static final int BOOTSTRAP_CONTACT = 6;
    /**
     * Messages the node sent and was handed, each count's low 32 bits read unsigned ({@link #addCount}):
     * kept here, where the miss is paid anyway; but a gossip copy that {@link RecentMessageHolders}
     * recognises is counted in a byte per node of the arena's own, and added here 256 at a time (it
     * does not read the record). A count wraps only after 2^32 messages of one node, so the arena
     * keeps the high halves apart, for the nodes that ever need one ({@link CountWraps}): 8 bytes a
     * node less than two longs.
     */
    static final int SENT = 7;
    static final int RECEIVED = 8;
    /** Seen entries forgotten but not yet squeezed out of the record: they lie before the live ones. */
    static final int SEEN_FORGOTTEN = 9;
    /** The largest message index ever remembered, -1 before the first: anything above it is new. */
    static final int SEEN_MAX = 10;
    /** The node's generator ({@link RandomStreams#STATE_INTS} ints): drawing costs no miss of its own. */
    static final int RANDOM = 11;
    static final int HEADER = RANDOM + RandomStreams.STATE_INTS;
    static final int SEEN_INTS = 2;
    /** Forgotten entries are squeezed out once there are this many and a quarter of the live ones. */
    private static final int SQUEEZE_AT_LEAST = 4;
    /**
     * The largest duplicate memory age a record can hold: entries keep the low 32 bits of their time,
     * exact while no entry is older than this relative to the newest (see {@link #seenAt}).
     */
    static final long MAX_SEEN_AGE_MICROS = 0xFFFF_FFFFL;
    /** The high half of the wake time of a node that awaits none (read back as {@code Long.MAX_VALUE}). */
    private static final int NO_WAKE = 0xFFFF;
    /**
     * Times a record holds are below this (2^48 - 2^32 µs, 8.9 years): their high bits fit in 16,
     * with {@link #NO_WAKE} left over.
     */
    static final long TIME_LIMIT_MICROS = (long) NO_WAKE << 32;

    private NodeRecord() {
    }

    /** A record for a node that has not joined yet: empty views, sequence numbers from 1. */
    static int[] create() {
        int[] r = new int[HEADER + 4];
        r[NEXT_SEQ] = 1;
        r[BOOTSTRAP_CONTACT] = NodeIds.NONE;
        r[SEEN_MAX] = -1;
        setWake(r, Long.MAX_VALUE);
        return r;
    }

    /**
     * Adds {@code amount} (0 to 2^31 - 1) to the unsigned 32-bit count at {@code at}; whether it
     * wrapped past 2^32 (then the caller counts the carry: {@link CountWraps}).
     */
    static boolean addCount(int[] r, int at, int amount) {
        int before = r[at];
        int after = before + amount;
        r[at] = after;
        return Integer.compareUnsigned(after, before) < 0;
    }

    static long wake(int[] r) {
        int high = r[TIME_HIGHS] >>> 16;
        return high == NO_WAKE ? Long.MAX_VALUE : ((long) high << 32) | (r[WAKE_LOW] & 0xFFFF_FFFFL);
    }

    /** Sets the wake time: {@code Long.MAX_VALUE} for none, else a time below {@link #TIME_LIMIT_MICROS}. */
    static void setWake(int[] r, long micros) {
        int high = micros == Long.MAX_VALUE ? NO_WAKE : highBits(micros);
        r[TIME_HIGHS] = high << 16 | (r[TIME_HIGHS] & 0xFFFF);
        r[WAKE_LOW] = (int) micros;
    }

    /** The bits of {@code micros} above the low 32, checked to fit in 16 beside {@link #NO_WAKE}. */
    private static int highBits(long micros) {
        if (micros < 0 || micros >= TIME_LIMIT_MICROS) {
            throw new IllegalArgumentException("time " + micros + " µs is outside what an arena node holds: 0 to "
                    + (TIME_LIMIT_MICROS - 1) + " µs (8.9 years)");
        }
        return (int) (micros >>> 32);
    }

    // ------------------------------------------------------------------ PartialView

    static int pvStart(int[] r) {
        return HEADER;
    }

    static int pvGet(int[] r, int i) {
        return r[pvStart(r) + i];
    }

    static int pvIndexOf(int[] r, int id) {
        int start = pvStart(r);
        for (int i = start, end = start + r[PV_SIZE]; i < end; i++) {
            if (r[i] == id) {
                return i - start;
            }
        }
        return -1;
    }

    /** Appends {@code id} unless present; returns the (possibly new) record. */
    static int[] pvAdd(int[] r, int id) {
        if (pvIndexOf(r, id) >= 0) {
            return r;
        }
        int at = pvStart(r) + r[PV_SIZE];
        r = insert(r, at, 1);
        r[at] = id;
        r[PV_SIZE]++;
        return r;
    }

    /** Removes the member at {@code i}, shifting the rest (views keep their order, as {@link IdList#removeAt}). */
    static void pvRemoveAt(int[] r, int i) {
        removeInt(r, pvStart(r) + i);
        r[PV_SIZE]--;
    }

    /** A uniformly random PartialView member, as {@link IdList#random}; the view must not be empty. */
    static int pvRandom(int[] r) {
        return r[pvStart(r) + RandomStreams.nextInt(r, RANDOM, r[PV_SIZE])];
    }

    /** A uniformly random PartialView member other than {@code excluded}, as {@link IdList#randomExcept}. */
    static int pvRandomExcept(int[] r, int excluded) {
        int size = r[PV_SIZE];
        int excludedAt = pvIndexOf(r, excluded);
        int candidates = excludedAt < 0 ? size : size - 1;
        if (candidates == 0) {
            return NodeIds.NONE;
        }
        int pick = RandomStreams.nextInt(r, RANDOM, candidates);
        if (excludedAt >= 0 && pick >= excludedAt) {
            pick++;
        }
        return r[pvStart(r) + pick];
    }

    // ------------------------------------------------------------------ InView

    static int ivStart(int[] r) {
        return pvStart(r) + r[PV_SIZE];
    }

    static boolean ivContains(int[] r, int id) {
        for (int i = ivStart(r), end = i + r[IV_SIZE]; i < end; i++) {
            if (r[i] == id) {
                return true;
            }
        }
        return false;
    }

    /** Appends {@code id} unless present; returns the (possibly new) record. */
    static int[] ivAdd(int[] r, int id) {
        if (ivContains(r, id)) {
            return r;
        }
        int at = ivStart(r) + r[IV_SIZE];
        r = insert(r, at, 1);
        r[at] = id;
        r[IV_SIZE]++;
        return r;
    }

    /** Empties both views (a leaving node's), moving the duplicate memory down after the header. */
    static void clearViews(int[] r) {
        int from = HEADER + r[PV_SIZE] + r[IV_SIZE];
        System.arraycopy(r, from, r, HEADER, used(r) - from);
        r[PV_SIZE] = 0;
        r[IV_SIZE] = 0;
    }

    /** Removes {@code id} if present, as {@link IdList#remove}; whether it was there. */
    static boolean ivRemove(int[] r, int id) {
        for (int i = ivStart(r), end = i + r[IV_SIZE]; i < end; i++) {
            if (r[i] == id) {
                removeInt(r, i);
                r[IV_SIZE]--;
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ duplicate memory

    /** Where the forgotten seen entries start: right after the InView. */
    private static int forgottenStart(int[] r) {
        return HEADER + r[PV_SIZE] + r[IV_SIZE];
    }

    /** Where the oldest live seen entry starts. */
    private static int seenStart(int[] r) {
        return forgottenStart(r) + r[SEEN_FORGOTTEN] * SEEN_INTS;
    }

    /**
     * The newest live entry's time, which the others are read against ({@link #seenAt}): its low 32
     * bits from the entry itself, which lies last in the record, the rest from {@link #TIME_HIGHS}.
     * Only meaningful while the memory holds a live entry.
     */
    private static long seenBase(int[] r) {
        return ((long) (r[TIME_HIGHS] & 0xFFFF) << 32) | (r[used(r) - 1] & 0xFFFF_FFFFL);
    }

    /**
     * The time whose low 32 bits are {@code low}: the base minus the 32-bit distance between the low
     * halves. Exact because adding an entry first forgets every entry at least the age bound old,
     * and the bound is at most {@link #MAX_SEEN_AGE_MICROS}, so every distance fits in 32 bits.
     */
    private static long seenAt(long base, int low) {
        return base - (((int) base - low) & 0xFFFF_FFFFL);
    }

    /** Forgets entries at least {@code maxAgeMicros} old (0 = no age bound), oldest first. */
    static void seenExpire(int[] r, long nowMicros, long maxAgeMicros) {
        if (maxAgeMicros == 0 || r[SEEN_SIZE] == 0) {
            return;
        }
        // The oldest live entry is read, not a copy of its time in the header: it lies next to the
        // newest ones (which a gossip copy reads anyway) unless the node remembers many messages.
        int start = seenStart(r);
        long base = seenBase(r);
        if (nowMicros - seenAt(base, r[start + 1]) < maxAgeMicros) {
            return;
        }
        int expired = 1; // the oldest, just checked
        while (expired < r[SEEN_SIZE] && nowMicros - seenAt(base, r[start + expired * SEEN_INTS + 1]) >= maxAgeMicros) {
            expired++;
        }
        forgetOldest(r, expired);
    }

    static boolean seenContains(int[] r, int message) {
        if (message > r[SEEN_MAX]) {
            return false;
        }
        for (int i = used(r) - SEEN_INTS, oldest = seenStart(r); i >= oldest; i -= SEEN_INTS) {
            if (r[i] == message) {
                return true;
            }
        }
        return false;
    }

    /**
     * The message {@link #seenAdd} would forget to make room for one more under {@code capacity}, or
     * -1 if it would forget none.
     */
    static int seenPushedOut(int[] r, int capacity) {
        return r[SEEN_SIZE] == capacity ? r[seenStart(r)] : -1;
    }

    /** Remembers {@code message}, forgetting the oldest entry first when {@code capacity} are held. */
    static int[] seenAdd(int[] r, int message, long nowMicros, int capacity) {
        int high = highBits(nowMicros); // checked before anything changes
        if (r[SEEN_SIZE] == capacity) {
            forgetOldest(r, 1);
        }
        int at = used(r);
        r = insert(r, at, SEEN_INTS);
        r[at] = message;
        r[at + 1] = (int) nowMicros; // the new base's low half
        r[TIME_HIGHS] = (r[TIME_HIGHS] & 0xFFFF_0000) | high;
        r[SEEN_MAX] = Math.max(r[SEEN_MAX], message);
        r[SEEN_SIZE]++;
        return r;
    }

    /**
     * Drops the live entries whose message is in {@code messages}, wherever they are, keeping the
     * others in their order (and squeezing out the forgotten ones if any is dropped); how many it
     * dropped. The record keeps its length: what it drops is room for the next entries. The base
     * becomes the newest kept entry's time, read against the old base before the entries move.
     */
    static int seenDrop(int[] r, BitSet messages) {
        int start = seenStart(r);
        int end = start + r[SEEN_SIZE] * SEEN_INTS;
        int i = start;
        while (i < end && !messages.get(r[i])) {
            i += SEEN_INTS;
        }
        if (i == end) {
            return 0;
        }
        long base = seenBase(r);
        int to = forgottenStart(r);
        System.arraycopy(r, start, r, to, i - start);
        to += i - start;
        for (; i < end; i += SEEN_INTS) {
            if (!messages.get(r[i])) {
                r[to] = r[i];
                r[to + 1] = r[i + 1];
                to += SEEN_INTS;
            }
        }
        int kept = (to - forgottenStart(r)) / SEEN_INTS;
        int dropped = r[SEEN_SIZE] - kept;
        r[SEEN_FORGOTTEN] = 0;
        r[SEEN_SIZE] = kept;
        if (kept > 0) {
            r[TIME_HIGHS] = (r[TIME_HIGHS] & 0xFFFF_0000) | (int) (seenAt(base, r[to - 1]) >>> 32);
        }
        return dropped;
    }

    /** Forgets the {@code entries} oldest live entries; squeezes the forgotten out once they are many. */
    private static void forgetOldest(int[] r, int entries) {
        r[SEEN_SIZE] -= entries;
        r[SEEN_FORGOTTEN] += entries;
        if (r[SEEN_FORGOTTEN] >= Math.max(SQUEEZE_AT_LEAST, r[SEEN_SIZE] / 4)) {
            squeezeForgotten(r);
        }
    }

    /** Moves the live seen entries over the forgotten ones. */
    private static void squeezeForgotten(int[] r) {
        int from = seenStart(r);
        System.arraycopy(r, from, r, forgottenStart(r), r[SEEN_SIZE] * SEEN_INTS);
        r[SEEN_FORGOTTEN] = 0;
    }

    // ------------------------------------------------------------------ storage

    static int used(int[] r) {
        return HEADER + r[PV_SIZE] + r[IV_SIZE] + (r[SEEN_FORGOTTEN] + r[SEEN_SIZE]) * SEEN_INTS;
    }

    /**
     * Opens {@code count} ints at {@code at}, shifting what follows. Grows to what is needed plus a
     * sixty-fourth, to an even length: the room a record keeps to grow is heap times a million
     * nodes, and it stays in a run's end state. The sixty-fourth keeps growth amortised for the rare
     * large records (a contact's InView, a long duplicate memory); an even length because an
     * {@code int[]} takes 16 + 4·length bytes rounded up to eight, so an odd one holds an int of
     * padding anyway. Growing by a quarter, as records did until round 29
     * (docs/simulator-engine.md), left 27 B of room per node at the end of a 100,000-node run with
     * c = 1.
     */
    private static int[] insert(int[] r, int at, int count) {
        int used = used(r);
        if (used + count > r.length) {
            r = Arrays.copyOf(r, (used + count + (r.length >> 6) + 1) & ~1);
        }
        System.arraycopy(r, at, r, at + count, used - at);
        return r;
    }

    /** Closes the int at {@code at}, shifting what follows (the record keeps its length). */
    private static void removeInt(int[] r, int at) {
        System.arraycopy(r, at + 1, r, at, used(r) - at - 1);
    }
}
