package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Every stream must draw what a {@link SplittableRandom} in the same state draws, bit for bit and
 * draw for draw: each comparison ends with {@link #assertSameState}, which fails when the two
 * generators have consumed a different number of seed steps, even if every value compared so far
 * was equal.
 */
class RandomStreamsTest {
    private static final long[] SEEDS = seeds();
    private static final int[] INT_BOUNDS = {
        1, 2, 3, 7, 64, 1000, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE
    };
    private static final long[] LONG_BOUNDS = {
        1L, 2L, 3L, 7L, 1000L, 1L << 32, (1L << 32) + 1, 1L << 62, (1L << 62) + 1, Long.MAX_VALUE
    };

    private static long[] seeds() {
        long[] edge = {0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x9e3779b97f4a7c15L};
        long[] drawn = new SplittableRandom(20_260_126L).longs(24).toArray();
        return LongStream.concat(LongStream.of(edge), LongStream.of(drawn)).toArray();
    }

    /** Streams 0..n-1 seeded from SEEDS, paired with JDK generators made from the same seeds. */
    private static RandomStreams seededStreams(SplittableRandom[] jdk) {
        RandomStreams streams = new RandomStreams(SEEDS.length);
        for (int s = 0; s < SEEDS.length; s++) {
            streams.seed(s, SEEDS[s]);
            jdk[s] = new SplittableRandom(SEEDS[s]);
        }
        return streams;
    }

    /**
     * Two longs fix both seed and gamma (each output is a bijection of the seed after one more
     * step), so equal tails mean equal states; this also advances both generators alike.
     */
    private static void assertSameState(SplittableRandom jdk, RandomStreams streams, int s) {
        for (int i = 0; i < 3; i++) {
            assertEquals(jdk.nextLong(), streams.nextLong(s), "state differs, tail draw " + i);
        }
    }

    @Test
    void longSequencesEqualSplittableRandomForEverySeed() {
        SplittableRandom[] jdk = new SplittableRandom[SEEDS.length];
        RandomStreams streams = seededStreams(jdk);
        for (int s = 0; s < SEEDS.length; s++) {
            for (int i = 0; i < 1_000; i++) {
                assertEquals(jdk[s].nextLong(), streams.nextLong(s), "seed " + SEEDS[s] + " draw " + i);
            }
            assertSameState(jdk[s], streams, s);
        }
    }

    @Test
    void intDoubleAndBooleanDrawsEqualSplittableRandom() {
        SplittableRandom[] jdk = new SplittableRandom[SEEDS.length];
        RandomStreams streams = seededStreams(jdk);
        for (int s = 0; s < SEEDS.length; s++) {
            for (int i = 0; i < 500; i++) {
                assertEquals(jdk[s].nextInt(), streams.nextInt(s));
                assertEquals(jdk[s].nextDouble(), streams.nextDouble(s));
                assertEquals(jdk[s].nextBoolean(), streams.nextBoolean(s));
            }
            assertSameState(jdk[s], streams, s);
        }
    }

    @Test
    void boundedIntsEqualSplittableRandomIncludingRejectedDraws() {
        for (int bound : INT_BOUNDS) {
            SplittableRandom[] jdk = new SplittableRandom[SEEDS.length];
            RandomStreams streams = seededStreams(jdk);
            for (int s = 0; s < SEEDS.length; s++) {
                for (int i = 0; i < 1_000; i++) {
                    int expected = jdk[s].nextInt(bound);
                    assertEquals(expected, streams.nextInt(s, bound), "bound " + bound + " draw " + i);
                }
                assertSameState(jdk[s], streams, s);
            }
        }
    }

    @Test
    void boundedLongsEqualSplittableRandomIncludingRejectedDraws() {
        for (long bound : LONG_BOUNDS) {
            SplittableRandom[] jdk = new SplittableRandom[SEEDS.length];
            RandomStreams streams = seededStreams(jdk);
            for (int s = 0; s < SEEDS.length; s++) {
                for (int i = 0; i < 1_000; i++) {
                    long expected = jdk[s].nextLong(bound);
                    assertEquals(expected, streams.nextLong(s, bound), "bound " + bound + " draw " + i);
                }
                assertSameState(jdk[s], streams, s);
            }
        }
    }

    @Test
    void boundsJustAboveAPowerOfTwoRejectAboutHalfTheDraws() {
        // Guards that the comparisons above exercise the rejection loop: with bound 2^30 + 1,
        // about half of the 31-bit candidates fall in the rejected top range, so 10,000 draws
        // take about 20,000 seed steps.
        int draws = 10_000;
        RandomStreams streams = new RandomStreams(2);
        streams.seed(0, 42L);
        streams.seed(1, 42L);
        for (int i = 0; i < draws; i++) {
            streams.nextInt(0, (1 << 30) + 1);
        }
        int steps = 0;
        while (streams.rawSeed(1) != streams.rawSeed(0) && steps <= 4 * draws) {
            streams.nextLong(1);
            steps++;
        }
        assertTrue(steps > draws * 3 / 2 && steps < draws * 5 / 2, "seed steps " + steps);
    }

    @Test
    void candidatesAtTheRejectionBoundaryMatchSplittableRandom() {
        // Random draws almost never land on the edge of the rejected range (for most bounds the
        // chance is about 2^-31 per draw), so craft seeds whose first candidate is exactly the
        // last accepted one, the first rejected one, or the largest one.
        for (int bound : new int[] {3, 7, 1000, (1 << 30) + 1, Integer.MAX_VALUE}) {
            long rejectedFrom = (1L << 31) - (1L << 31) % bound;
            for (long u : new long[] {rejectedFrom - 1, rejectedFrom, (1L << 31) - 1}) {
                for (int lowBit = 0; lowBit <= 1; lowBit++) {
                    int candidate = (int) (u << 1) | lowBit;
                    long seed = seedWhoseFirstIntIs(candidate);
                    assertEquals(candidate, new SplittableRandom(seed).nextInt(), "crafted seed");
                    RandomStreams streams = new RandomStreams(1);
                    streams.seed(0, seed);
                    SplittableRandom jdk = new SplittableRandom(seed);
                    assertEquals(jdk.nextInt(bound), streams.nextInt(0, bound), "bound " + bound);
                    assertSameState(jdk, streams, 0);
                }
            }
        }
        for (long bound : new long[] {3L, 1000L, (1L << 62) + 1, Long.MAX_VALUE}) {
            long rejectedFrom = Long.MIN_VALUE - Long.remainderUnsigned(Long.MIN_VALUE, bound);
            for (long u : new long[] {rejectedFrom - 1, rejectedFrom, Long.MAX_VALUE}) {
                long candidate = u << 1;
                long seed = seedWhoseFirstLongIs(candidate);
                assertEquals(candidate, new SplittableRandom(seed).nextLong(), "crafted seed");
                RandomStreams streams = new RandomStreams(1);
                streams.seed(0, seed);
                SplittableRandom jdk = new SplittableRandom(seed);
                assertEquals(jdk.nextLong(bound), streams.nextLong(0, bound), "bound " + bound);
                assertSameState(jdk, streams, 0);
            }
        }
    }

    /** A seed for which {@code new SplittableRandom(seed).nextInt()} is {@code value}. */
    private static long seedWhoseFirstIntIs(int value) {
        // Undo the 32-bit output function step by step (any low half of the last product works).
        long z = ((long) value << 32) | 0x5555_5555L;
        z = unXorShift(z * inverse(0xcb24d0a5c88c35b3L), 28);
        z = unXorShift(z * inverse(0x62a9d9ed799705f5L), 33);
        return z - 0x9e3779b97f4a7c15L;
    }

    /** A seed for which {@code new SplittableRandom(seed).nextLong()} is {@code value}. */
    private static long seedWhoseFirstLongIs(long value) {
        long z = unXorShift(value, 31);
        z = unXorShift(z * inverse(0x94d049bb133111ebL), 27);
        z = unXorShift(z * inverse(0xbf58476d1ce4e5b9L), 30);
        return z - 0x9e3779b97f4a7c15L;
    }

    /** The x with {@code x ^ (x >>> shift) == y}. */
    private static long unXorShift(long y, int shift) {
        long x = y;
        for (int i = 0; i < 64 / shift + 1; i++) {
            x = y ^ (x >>> shift);
        }
        return x;
    }

    /** The multiplicative inverse of an odd number modulo 2^64 (Newton's iteration). */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 6; i++) {
            x *= 2 - odd * x;
        }
        return x;
    }

    @Test
    void mixedDrawsInAnyOrderStayInStep() {
        SplittableRandom chooser = new SplittableRandom(7L);
        SplittableRandom[] jdk = new SplittableRandom[SEEDS.length];
        RandomStreams streams = seededStreams(jdk);
        for (int i = 0; i < 20_000; i++) {
            int s = chooser.nextInt(SEEDS.length);
            switch (chooser.nextInt(6)) {
                case 0 -> assertEquals(jdk[s].nextLong(), streams.nextLong(s));
                case 1 -> assertEquals(jdk[s].nextInt(), streams.nextInt(s));
                case 2 -> {
                    int bound = INT_BOUNDS[chooser.nextInt(INT_BOUNDS.length)];
                    assertEquals(jdk[s].nextInt(bound), streams.nextInt(s, bound));
                }
                case 3 -> {
                    long bound = LONG_BOUNDS[chooser.nextInt(LONG_BOUNDS.length)];
                    assertEquals(jdk[s].nextLong(bound), streams.nextLong(s, bound));
                }
                case 4 -> assertEquals(jdk[s].nextDouble(), streams.nextDouble(s));
                default -> assertEquals(jdk[s].nextBoolean(), streams.nextBoolean(s));
            }
        }
        for (int s = 0; s < SEEDS.length; s++) {
            assertSameState(jdk[s], streams, s);
        }
    }

    @Test
    void splitChildAndAdvancedParentEqualSplittableRandomSplit() {
        for (long seed : SEEDS) {
            RandomStreams streams = new RandomStreams(4);
            streams.seed(0, seed);
            SplittableRandom parent = new SplittableRandom(seed);
            assertEquals(parent.nextLong(), streams.nextLong(0));
            SplittableRandom child = parent.split();
            streams.split(1, 0);
            SplittableRandom grandchild = child.split();
            streams.split(2, 1);
            for (int i = 0; i < 200; i++) {
                assertEquals(parent.nextInt(1000), streams.nextInt(0, 1000));
                assertEquals(grandchild.nextLong(), streams.nextLong(2));
                assertEquals(child.nextInt((1 << 30) + 1), streams.nextInt(1, (1 << 30) + 1));
                if (i % 50 == 0) {
                    SplittableRandom sibling = parent.split();
                    streams.split(3, 0);
                    assertEquals(sibling.nextDouble(), streams.nextDouble(3));
                    assertSameState(sibling, streams, 3);
                }
            }
            assertSameState(parent, streams, 0);
            assertSameState(child, streams, 1);
            assertSameState(grandchild, streams, 2);
        }
    }

    @Test
    void thousandChildrenOfOneParentDrawAsSplittableRandomChildren() {
        // As a simulator does: nodeSeeds.split() once per node, then each node draws. With a
        // thousand children, some ~3% of their gammas take mixGamma's bit-flip fix.
        int nodes = 1_000;
        RandomStreams nodeSeeds = new RandomStreams(1);
        nodeSeeds.seed(0, 123_456_789L);
        SplittableRandom jdkNodeSeeds = new SplittableRandom(123_456_789L);
        RandomStreams nodes1 = new RandomStreams(nodes);
        SplittableRandom[] jdkNodes = new SplittableRandom[nodes];
        for (int n = 0; n < nodes; n++) {
            nodes1.splitFrom(n, nodeSeeds, 0);
            jdkNodes[n] = jdkNodeSeeds.split();
        }
        for (int round = 0; round < 20; round++) {
            for (int n = 0; n < nodes; n++) {
                int bound = round % 2 == 0 ? 7 : n + 1;
                assertEquals(jdkNodes[n].nextInt(bound), nodes1.nextInt(n, bound), "node " + n);
            }
        }
        for (int n = 0; n < nodes; n++) {
            assertSameState(jdkNodes[n], nodes1, n);
        }
        assertSameState(jdkNodeSeeds, nodeSeeds, 0);
    }

    @Test
    void growKeepsEveryStateAndAddsUnseededStreams() {
        SplittableRandom[] jdk = new SplittableRandom[SEEDS.length];
        RandomStreams streams = seededStreams(jdk);
        for (int s = 0; s < SEEDS.length; s++) {
            for (int i = 0; i <= s; i++) {
                assertEquals(jdk[s].nextInt(3), streams.nextInt(s, 3));
            }
        }
        streams.grow(SEEDS.length * 3);
        assertEquals(SEEDS.length * 3, streams.capacity());
        streams.grow(1);
        assertEquals(SEEDS.length * 3, streams.capacity());
        for (int s = 0; s < SEEDS.length; s++) {
            assertSameState(jdk[s], streams, s);
        }
        int added = SEEDS.length + 1;
        assertThrows(IllegalStateException.class, () -> streams.nextLong(added));
        streams.split(added, 0);
        assertSameState(jdk[0].split(), streams, added);
        assertSameState(jdk[0], streams, 0);
    }

    @Test
    void nonPositiveBoundsAreRejectedWithoutAdvancingTheStream() {
        RandomStreams streams = new RandomStreams(1);
        streams.seed(0, 99L);
        SplittableRandom jdk = new SplittableRandom(99L);
        for (int bound : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> jdk.nextInt(bound));
            assertThrows(IllegalArgumentException.class, () -> streams.nextInt(0, bound));
        }
        for (long bound : new long[] {0L, -1L, Long.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> jdk.nextLong(bound));
            assertThrows(IllegalArgumentException.class, () -> streams.nextLong(0, bound));
        }
        assertSameState(jdk, streams, 0);
    }

    @Test
    void misuseIsRejectedWithoutChangingAnyState() {
        RandomStreams streams = new RandomStreams(2);
        assertThrows(IllegalArgumentException.class, () -> new RandomStreams(-1));
        assertThrows(IllegalArgumentException.class, () -> streams.grow(-1));
        assertThrows(IllegalStateException.class, () -> streams.nextInt(0));
        assertThrows(IllegalStateException.class, () -> streams.split(1, 0));
        streams.seed(0, 5L);
        assertThrows(IllegalArgumentException.class, () -> streams.split(0, 0));
        assertThrows(IllegalArgumentException.class, () -> streams.splitFrom(0, streams, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> streams.split(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> streams.seed(-1, 5L));
        assertThrows(IllegalArgumentException.class, () -> streams.setState(1, 5L, 2L));
        assertEquals(0L, streams.rawGamma(1));
        assertSameState(new SplittableRandom(5L), streams, 0);
    }

    @Test
    void anExtraOrMissingDrawIsDetected() {
        // The state check used by every test above must fail when one side is a single draw off.
        RandomStreams streams = new RandomStreams(1);
        streams.seed(0, 1L);
        SplittableRandom jdk = new SplittableRandom(1L);
        assertEquals(jdk.nextInt(1000), streams.nextInt(0, 1000));
        streams.nextBoolean(0);
        assertThrows(AssertionFailedError.class, () -> assertSameState(jdk, streams, 0));

        RandomStreams behind = new RandomStreams(1);
        behind.seed(0, 1L);
        SplittableRandom ahead = new SplittableRandom(1L);
        ahead.nextBoolean();
        assertThrows(AssertionFailedError.class, () -> assertSameState(ahead, behind, 0));
        assertNotEquals(new SplittableRandom(1L).split().nextLong(), new SplittableRandom(1L).nextLong());
    }
}
