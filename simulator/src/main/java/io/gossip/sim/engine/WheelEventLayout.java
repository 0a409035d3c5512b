package io.gossip.sim.engine;

/**
 * How a wheel event's kind, {@code from}, {@code to}, 64-bit {@code word} and 32-bit {@code tag}
 * fit in two longs, {@code ends} and {@code key}, for {@link EventQueue} and {@link WheelBuckets}.
 *
 * <p>Most events fit: node ids below the run's node count take {@code idBits} bits each, a packed
 * message's word is a sequence number (its high half: small, a node's count of membership messages,
 * 0 for gossip) and a subject (its low half: a node id or a message index). Such an event is
 * <em>compact</em>: {@code ends = kind << 62 | seq << 2·idBits | from << idBits | to} and the
 * subject in {@value #SUBJECT_BITS} bits of the key. Any other event (an id out of range, a large
 * sequence or subject, any word of a test) is <em>spilled</em>: {@code ends = from << 32 | to}, a
 * flag and the kind in the key, and the whole word in a side array beside the chunk, the way object
 * payloads are kept. Both kinds keep their place in the bucket, so the order of events never
 * depends on the layout.
 *
 * <p>Why: a third long per event was a third of the bytes the wheel writes, sorts and reads for
 * every message; with two, the scale benchmark's broadcast phase at 100,000 nodes ran 7-23 % faster
 * with c = 1 in four pairs against three longs, -1 to 12 % with c = 0, the join phase within the
 * noise (docs/simulator-engine.md, round 9). Key: {@code tag << 32 | subject << (SHIFT + 1) |
 * spilled << SHIFT | offset}, with {@link WheelBuckets#SHIFT} offset bits; a spilled event's kind
 * takes the subject's place. The kind of a compact event lies in {@code ends} rather than in the key
 * (until round 20 it sat beside the offset, and the subject had 21 bits): with 256 µs buckets the
 * subject has 32 - 9 = 23 bits, node ids of runs of up to 8,388,608 nodes, and a bucket twice as
 * wide would still leave 22. The sequence gives up the two bits (22 of them at 1,000,000 nodes);
 * the same speed in paired runs (docs/simulator-engine.md, round 20).
 */
final class WheelEventLayout {
    /** The key's bit saying the event is spilled (its word lies in the chunk's side array): just above the offset. */
    static final long SPILLED = 1L << WheelBuckets.SHIFT;
    static final int SUBJECT_SHIFT = WheelBuckets.SHIFT + 1;
    /** Bits of the key holding a compact event's subject (the word's low half): the rest of the key's low half. */
    static final int SUBJECT_BITS = 32 - SUBJECT_SHIFT;
    private static final long SUBJECT_MASK = (1L << SUBJECT_BITS) - 1;
    /** Where a compact event's kind lies in {@code ends}: its top two bits. */
    private static final int KIND_IN_ENDS = 62;

    private final int idBits;
    private final long idMask;
    /** The sequence's bits: the 62 - 2·idBits of {@code ends} left below the kind. */
    private final long seqMask;
    /** Where the sequence starts in {@code ends}: 2·idBits, at most 62 (ids have at most 31 bits), so one shift. */
    private final int seqShift;

    private WheelEventLayout(int idBits) {
        this.idBits = idBits;
        this.idMask = (1L << idBits) - 1;
        this.seqShift = 2 * idBits;
        this.seqMask = (1L << (KIND_IN_ENDS - seqShift)) - 1;
    }

    /** A layout for a run of {@code nodes} nodes: ids in [0, nodes) are compact, others spill. */
    static WheelEventLayout forNodes(int nodes) {
        return new WheelEventLayout(nodes <= 2 ? 1 : 32 - Integer.numberOfLeadingZeros(nodes - 1));
    }

    /**
     * A layout for any ids: compact when both are non-negative (31 bits each, the two below the kind
     * in {@code ends}), the word's sequence (high half) is 0 and its subject small.
     */
    static WheelEventLayout anyIds() {
        return new WheelEventLayout(31);
    }

    /** Whether the event fits the two longs; if not, {@link #spilledEnds} and a side word hold it. */
    boolean fits(int from, int to, long word) {
        // One test of the bits that must be zero: ids past idBits, sequence past seqMask, subject past SUBJECT_BITS.
        long ids = ((from | to) & 0xFFFF_FFFFL) & ~idMask;
        return (ids | ((word >>> 32) & ~seqMask) | (word & 0xFFFF_FFFFL & ~SUBJECT_MASK)) == 0;
    }

    /** {@code ends} of a compact event (see {@link #fits}); {@code kind} 0 to 3. */
    long compactEnds(int kind, int from, int to, long word) {
        return ((long) kind << KIND_IN_ENDS) | ((word >>> 32) << seqShift) | ((from & idMask) << idBits)
                | (to & idMask);
    }

    /** The key bits of a compact event's word (its subject). */
    static long compactKeyBits(long word) {
        return (word & SUBJECT_MASK) << SUBJECT_SHIFT;
    }

    /**
     * The key bits of a spilled event: the flag, and its {@code kind} (0 to 3) where a compact
     * event's subject lies.
     */
    static long spilledKeyBits(int kind) {
        return SPILLED | ((long) kind << SUBJECT_SHIFT);
    }

    /** The kind of a compact event (see {@link #compactEnds}). */
    static int compactKind(long ends) {
        return (int) (ends >>> KIND_IN_ENDS);
    }

    /** The kind of a spilled event (see {@link #spilledKeyBits}). */
    static int spilledKind(long key) {
        return (int) (key >>> SUBJECT_SHIFT) & 3;
    }

    /** {@code ends} of a spilled event. */
    static long spilledEnds(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFF_FFFFL);
    }

    static boolean spilled(long key) {
        return (key & SPILLED) != 0;
    }

    /** {@code from} of a spilled event (see {@link #spilledEnds}). */
    static int spilledFrom(long ends) {
        return (int) (ends >>> 32);
    }

    /** {@code to} of a spilled event (see {@link #spilledEnds}). */
    static int spilledTo(long ends) {
        return (int) ends;
    }

    int to(long ends, long key) {
        return spilled(key) ? spilledTo(ends) : compactTo(ends);
    }

    /** The event's word: a spilled one's is its side word. */
    long word(long ends, long key, long sideWord) {
        return spilled(key) ? sideWord : compactWord(ends, key);
    }

    int compactFrom(long ends) {
        return (int) ((ends >>> idBits) & idMask);
    }

    int compactTo(long ends) {
        return (int) (ends & idMask);
    }

    long compactWord(long ends, long key) {
        return (((ends >>> seqShift) & seqMask) << 32) | ((key >>> SUBJECT_SHIFT) & SUBJECT_MASK);
    }
}
