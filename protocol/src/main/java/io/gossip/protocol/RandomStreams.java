package io.gossip.protocol;

import java.util.Arrays;

/**
 * Many independent SplitMix64 generators held in primitive arrays: each stream draws exactly the
 * numbers a {@link java.util.SplittableRandom} in the same state would draw on JDK 17.
 *
 * <p>Why: a simulator of a million SCAMP nodes gives every node its own generator. A
 * {@code SplittableRandom} object per node costs an object header, a reference and a pointer chase
 * on every draw; here a stream is sixteen bytes, four ints in one flat array (its seed and its
 * gamma, the whole state of SplitMix64), addressed by the node's index. The static methods taking
 * {@code (int[] a, int at)} work on such a four-int state wherever it lives: {@link ScampArena}
 * keeps each node's inside the node's record, so a draw costs no cache miss of its own. Because
 * every operation mirrors the JDK's bit for bit, a run that moves from {@code SplittableRandom}
 * objects to streams keeps its results byte-identical: {@link #seed} is the constructor
 * {@code new SplittableRandom(seed)}, {@link #split} is {@code parent.split()}, and the draws are
 * the JDK 17 methods of the same names, including the bounded ones ({@code RandomGenerator}'s
 * default algorithm: a mask when the bound is a power of two, otherwise rejection of the
 * over-represented top range).
 *
 * <p>The algorithm is SplitMix64 (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number
 * Generators", OOPSLA 2014): the seed advances by the odd gamma at each draw and an output function
 * mixes the new seed; a split draws the child's seed and derives its gamma from the next seed.
 *
 * <p>A stream is usable once {@link #seed seeded} or {@link #split split} into; drawing from a
 * stream that was never given a state throws {@link IllegalStateException} (its gamma, always odd
 * once set, is still zero). Draws allocate nothing and take no locks; the class is not thread-safe,
 * but distinct streams may be drawn from by distinct threads when the caller keeps them apart.
 */
public final class RandomStreams {
    /** The gamma of a generator made from a bare seed: 2^64 divided by the golden ratio, odd. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** Ints per generator state: seed (high, low), gamma (high, low). */
    static final int STATE_INTS = 4;
    /** Largest number of streams one instance holds (array length limit of the JVM). */
    static final int MAX_CAPACITY = (Integer.MAX_VALUE - 8) / STATE_INTS;

    /** Stream {@code s}'s state at {@code 4s .. 4s + 3}. */
    private int[] state;

    /**
     * Creates {@code capacity} streams, none of them usable until seeded or split into.
     *
     * @param capacity number of streams, from zero to {@code (Integer.MAX_VALUE - 8) / 4}
     * @throws IllegalArgumentException if the capacity is out of that range
     */
    public RandomStreams(int capacity) {
        checkCapacity(capacity);
        state = new int[STATE_INTS * capacity];
    }

    /**
     * Number of streams held: valid stream indexes are {@code 0 .. capacity() - 1}.
     *
     * @return the capacity, {@code >= 0}: the constructor's, or the largest passed to {@link #grow} since
     */
    public int capacity() {
        return state.length / STATE_INTS;
    }

    /**
     * Makes room for at least {@code newCapacity} streams, keeping every existing stream's state;
     * the added streams are unusable until seeded or split into. A capacity not above the current
     * one changes nothing.
     *
     * @param newCapacity the number of streams wanted, from zero to {@code (Integer.MAX_VALUE - 8) / 4}
     * @throws IllegalArgumentException if {@code newCapacity} is negative or above the limit
     */
    public void grow(int newCapacity) {
        checkCapacity(newCapacity);
        if (newCapacity <= capacity()) {
            return;
        }
        state = Arrays.copyOf(state, STATE_INTS * newCapacity);
    }

    /**
     * Gives {@code stream} the state of {@code new SplittableRandom(seed)}.
     *
     * @param stream the stream's index, in [0, {@link #capacity()}); whatever it held is overwritten
     * @param seed any long, as for {@code new SplittableRandom(seed)}
     * @throws IndexOutOfBoundsException if {@code stream} is out of range
     */
    public void seed(int stream, long seed) {
        setState(stream, seed, GOLDEN_GAMMA);
    }

    /**
     * Gives {@code child} the state {@code parent.split()} would return, and advances {@code parent}
     * exactly as that call does (two seed steps). Whatever {@code child} held is overwritten.
     *
     * @param child the index of the stream to set, in [0, {@link #capacity()})
     * @param parent the index of a seeded stream, in [0, {@link #capacity()})
     * @throws IllegalArgumentException if {@code child == parent} (the parent's state would be lost)
     * @throws IllegalStateException if {@code parent} was never seeded
     */
    public void split(int child, int parent) {
        if (child == parent) {
            throw new IllegalArgumentException("a stream cannot be split into itself: " + child);
        }
        splitFrom(child, this, parent);
    }

    /**
     * As {@link #split}, with the parent stream held by another instance: gives {@code child} (in
     * this instance) the state {@code parentStreams}'s stream {@code parent} would split off, and
     * advances that parent. Nothing changes if either index is out of range.
     *
     * @param child the index of the stream to set in this instance, in [0, {@link #capacity()})
     * @param parentStreams the instance holding the parent stream, not null; may be this one
     * @param parent the index of a seeded stream of {@code parentStreams}
     * @throws IllegalArgumentException if the parent is this instance's stream {@code child}
     * @throws IllegalStateException if the parent stream was never seeded
     */
    public void splitFrom(int child, RandomStreams parentStreams, int parent) {
        if (parentStreams == this && child == parent) {
            throw new IllegalArgumentException("a stream cannot be split into itself: " + child);
        }
        parentStreams.checkSeeded(parent);
        checkIndex(child);
        splitInto(state, STATE_INTS * child, parentStreams, parent);
    }

    /**
     * Writes at {@code a[at .. at + 3]} the state {@code parentStreams}'s stream {@code parent}
     * would split off, advancing that parent: {@link #splitFrom} for a state kept outside a
     * {@code RandomStreams}.
     */
    static void splitInto(int[] a, int at, RandomStreams parentStreams, int parent) {
        parentStreams.checkSeeded(parent);
        int p = STATE_INTS * parent;
        long firstSeed = nextSeed(parentStreams.state, p);
        long secondSeed = nextSeed(parentStreams.state, p);
        put(a, at, mix64(firstSeed));
        put(a, at + 2, mixGamma(secondSeed));
    }

    /**
     * The next long of {@code stream}, as {@code SplittableRandom.nextLong()}.
     *
     * @param stream the index of a seeded stream, in [0, {@link #capacity()})
     * @return any long, uniformly distributed
     * @throws IllegalStateException if the stream was never seeded or split into
     */
    public long nextLong(int stream) {
        return mix64(nextSeed(state, seeded(stream)));
    }

    /**
     * The next int of {@code stream}, as {@code SplittableRandom.nextInt()}.
     *
     * @param stream the index of a seeded stream, in [0, {@link #capacity()})
     * @return any int, uniformly distributed
     * @throws IllegalStateException if the stream was never seeded or split into
     */
    public int nextInt(int stream) {
        return mix32(nextSeed(state, seeded(stream)));
    }

    /**
     * A uniform int in {@code [0, bound)} from {@code stream}, as {@code SplittableRandom.nextInt(bound)}
     * on JDK 17: one draw when the bound is a power of two (its low bits), otherwise draws repeat
     * while they fall in the top range that would favour small results.
     *
     * @param stream the index of a seeded stream, in [0, {@link #capacity()})
     * @param bound the exclusive upper bound, {@code > 0}
     * @return an int in {@code [0, bound)}
     * @throws IllegalArgumentException if {@code bound} is not positive (the stream is not advanced)
     * @throws IllegalStateException if the stream was never seeded or split into
     */
    public int nextInt(int stream, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return nextInt(state, seeded(stream), bound);
    }

    /** {@link #nextInt(int, int)} for the state at {@code a[at .. at + 3]}; {@code bound} must be positive. */
    static int nextInt(int[] a, int at, int bound) {
        int mask = bound - 1;
        int r = mix32(nextSeed(a, at));
        if ((bound & mask) == 0) {
            return r & mask;
        }
        int u = r >>> 1;
        r = u % bound;
        while (u + mask - r < 0) {
            u = mix32(nextSeed(a, at)) >>> 1;
            r = u % bound;
        }
        return r;
    }

    /**
     * A uniform long in {@code [0, bound)} from {@code stream}, as
     * {@code SplittableRandom.nextLong(bound)} on JDK 17 (same algorithm as {@link #nextInt(int, int)}).
     *
     * @param stream the index of a seeded stream, in [0, {@link #capacity()})
     * @param bound the exclusive upper bound, {@code > 0}
     * @return a long in {@code [0, bound)}
     * @throws IllegalArgumentException if {@code bound} is not positive (the stream is not advanced)
     * @throws IllegalStateException if the stream was never seeded or split into
     */
    public long nextLong(int stream, long bound) {
        if (bound <= 0L) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return nextLong(state, seeded(stream), bound);
    }

    /** {@link #nextLong(int, long)} for the state at {@code a[at .. at + 3]}; {@code bound} must be positive. */
    static long nextLong(int[] a, int at, long bound) {
        long mask = bound - 1L;
        long r = mix64(nextSeed(a, at));
        if ((bound & mask) == 0L) {
            return r & mask;
        }
        long u = r >>> 1;
        r = u % bound;
        while (u + mask - r < 0L) {
            u = mix64(nextSeed(a, at)) >>> 1;
            r = u % bound;
        }
        return r;
    }

    /**
     * A uniform double in {@code [0, 1)} from {@code stream}: the top 53 bits of the next long.
     *
     * @param stream the index of a seeded stream, in [0, {@link #capacity()})
     * @return a multiple of 2<sup>-53</sup> in {@code [0, 1)}
     * @throws IllegalStateException if the stream was never seeded or split into
     */
    public double nextDouble(int stream) {
        return (nextLong(stream) >>> 11) * 0x1.0p-53;
    }

    /**
     * A fair boolean from {@code stream}: the sign of the next int, as {@code SplittableRandom}.
     *
     * @param stream the index of a seeded stream, in [0, {@link #capacity()})
     * @return true if the next int is negative
     * @throws IllegalStateException if the stream was never seeded or split into
     */
    public boolean nextBoolean(int stream) {
        return nextInt(stream) < 0;
    }

    /** The raw seed of {@code stream} (for tests and snapshots). */
    long rawSeed(int stream) {
        return get(state, STATE_INTS * stream);
    }

    /** The raw gamma of {@code stream}; zero while the stream was never given a state. */
    long rawGamma(int stream) {
        return get(state, STATE_INTS * stream + 2);
    }

    /**
     * Sets the raw state of {@code stream}. A generator's gamma is always odd; an even one is
     * rejected so a stream cannot be put in a state no {@code SplittableRandom} has.
     */
    void setState(int stream, long seed, long gamma) {
        if ((gamma & 1L) == 0L) {
            throw new IllegalArgumentException("gamma must be odd: " + gamma);
        }
        checkIndex(stream);
        put(state, STATE_INTS * stream, seed);
        put(state, STATE_INTS * stream + 2, gamma);
    }

    /** Advances the state at {@code a[at ..]} by one step and returns its new seed. */
    private static long nextSeed(int[] a, int at) {
        long seed = get(a, at) + get(a, at + 2);
        put(a, at, seed);
        return seed;
    }

    private static long get(int[] a, int at) {
        return ((long) a[at] << 32) | (a[at + 1] & 0xFFFF_FFFFL);
    }

    private static void put(int[] a, int at, long value) {
        a[at] = (int) (value >>> 32);
        a[at + 1] = (int) value;
    }

    /** The offset of {@code stream}'s state, after checking it was given one. */
    private int seeded(int stream) {
        checkSeeded(stream);
        return STATE_INTS * stream;
    }

    private void checkSeeded(int stream) {
        if (rawGamma(stream) == 0L) {
            throw new IllegalStateException("stream " + stream + " was never seeded");
        }
    }

    private void checkIndex(int stream) {
        if (stream < 0 || stream >= capacity()) {
            throw new IndexOutOfBoundsException(
                    "stream " + stream + " out of range for capacity " + capacity());
        }
    }

    private static void checkCapacity(int capacity) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity out of range: " + capacity);
        }
    }

    /** SplitMix64's 64-bit output function (variant 13 of Stafford's MurmurHash3 finalizers). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** SplitMix64's 32-bit output function: the upper half of a two-round mix. */
    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /**
     * A gamma for a new generator: MurmurHash3's finalizer made odd, with every other bit flipped
     * when too few adjacent bits differ (such gammas give visibly poor sequences).
     */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
