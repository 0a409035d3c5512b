package io.gossip.protocol;

import java.util.Arrays;

/**
 * For the newest messages broadcast in a {@link ScampArena}, one bit per node: whether the node's
 * duplicate memory holds the message. Nearly every gossip arrival is a copy of a message its node
 * already has (a node is sent one copy by each member of its InView and keeps only the first); with
 * these bits the arena recognises such a copy from a table of n bits per message, which stays in
 * cache, instead of reading the node's record, one of n spread over tens to hundreds of MB.
 *
 * <p>Exact, not a filter. A bit is set when the node remembers the message and cleared when its
 * memory pushes the message out to make room. A memory forgets by age only lazily, when next used,
 * so a set bit proves the message is still held only while the message is younger than the age
 * bound (every node remembered it after it was broadcast, so none has forgotten it by age before
 * then). A clear bit proves the message is not held at any age: a first receipt that arrives out
 * of order, below the newest index the node remembers, is then known new without a scan of the
 * memory. With a set bit past that age, or for messages older than the newest {@value #SLOTS}, the
 * arena asks the record, which decides as it always has.
 */
final class RecentMessageHolders {
    /** Messages with bits: the newest this many (a power of two). */
    static final int SLOTS = 32;

    private final long maxAgeMicros;
    private final long[][] bits = new long[SLOTS][];
    /** The message each slot holds bits for; -1 (and no bits) for none: a message -1 never matches. */
    private final int[] messageOf = new int[SLOTS];
    private final long[] broadcastAt = new long[SLOTS];

    /** @param maxAgeMicros the duplicate memory's age bound, 0 for none */
    RecentMessageHolders(long maxAgeMicros) {
        this.maxAgeMicros = maxAgeMicros;
        Arrays.fill(messageOf, -1);
    }

    /**
     * Starts the bits of {@code message}, broadcast at {@code nowMicros} by one of {@code nodes}
     * nodes, in place of the message {@value #SLOTS} before it (whose copies the records answer from
     * then on).
     */
    void open(int message, long nowMicros, int nodes) {
        int slot = message & (SLOTS - 1);
        long[] b = bits[slot];
        int words = (nodes + 63) >>> 6;
        if (b == null || b.length < words) {
            bits[slot] = new long[words];
        } else {
            Arrays.fill(b, 0L);
        }
        messageOf[slot] = message;
        broadcastAt[slot] = nowMicros;
    }

    /** {@code node} now remembers {@code message}. */
    void remembered(int message, int node) {
        int slot = message & (SLOTS - 1);
        long[] b = bits[slot];
        if (messageOf[slot] != message || b == null) {
            return;
        }
        int word = node >>> 6;
        if (word >= b.length) {
            b = bits[slot] = Arrays.copyOf(b, Math.max(word + 1, b.length + (b.length >> 1)));
        }
        b[word] |= 1L << node;
    }

    /** {@code node}'s memory pushed {@code message} out to make room. */
    void forgotten(int message, int node) {
        int slot = message & (SLOTS - 1);
        long[] b = bits[slot];
        if (messageOf[slot] == message && b != null && (node >>> 6) < b.length) {
            b[node >>> 6] &= ~(1L << node);
        }
    }

    /**
     * {@code node} left the group: clears its bit for every message, so that a copy sent to it
     * reaches its record (a departed node answers it; it never delivers gossip again, so its bits
     * need not say what its memory holds any more).
     */
    void forgetNode(int node) {
        for (long[] b : bits) {
            if (b != null && (node >>> 6) < b.length) {
                b[node >>> 6] &= ~(1L << node);
            }
        }
    }

    /**
     * Whether {@code node}'s duplicate memory surely holds {@code message} at {@code nowMicros}
     * (false means: ask the record).
     */
    boolean surelyHeld(int message, int node, long nowMicros) {
        int slot = message & (SLOTS - 1);
        return messageOf[slot] == message && (maxAgeMicros == 0 || nowMicros - broadcastAt[slot] < maxAgeMicros)
                && isSet(bits[slot], node);
    }

    /**
     * Whether {@code node}'s duplicate memory surely does not hold {@code message}: one of the newest
     * messages whose bit is clear (never remembered, or pushed out for room; forgetting by age
     * leaves a bit set, never clears one, so a clear bit is exact at any age). False means: ask the
     * record.
     */
    boolean surelyNotHeld(int message, int node) {
        int slot = message & (SLOTS - 1);
        // message >= 0: an empty slot's "none" (-1) must not read as a message nobody holds.
        return message >= 0 && messageOf[slot] == message && !isSet(bits[slot], node);
    }

    /** Whether {@code node}'s bit for {@code message} is set, whatever the time (a hint for reading ahead). */
    boolean mayHold(int message, int node) {
        int slot = message & (SLOTS - 1);
        return messageOf[slot] == message && isSet(bits[slot], node);
    }

    private static boolean isSet(long[] b, int node) {
        int word = node >>> 6;
        return b != null && word < b.length && (b[word] & (1L << node)) != 0;
    }
}
