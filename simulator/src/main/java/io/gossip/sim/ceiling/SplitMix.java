package io.gossip.sim.ceiling;

/** SplitMix64, the ceiling loop's generator: a 64-bit state stepped by a constant and mixed. */
final class SplitMix {
    static final long GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private SplitMix() {
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** A value in [0, bound) from 32 random bits (Lemire's multiply, without the rejection step). */
    static int below(long random, int bound) {
        return (int) (((random >>> 32) * bound) >>> 32);
    }
}
