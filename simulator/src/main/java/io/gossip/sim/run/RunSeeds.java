package io.gossip.sim.run;

import io.gossip.sim.scenario.MembershipSpec;

/**
 * Derives each run's seeds from the scenario seed, deterministically and well mixed, with the
 * SplitMix64 finaliser: neighbouring points or repetitions get unrelated streams.
 *
 * <p>The timeline seed depends on (seed, point, repetition) only, so the SCAMP run and the global
 * baseline of one repetition draw their contacts, origins and fault selections from the same
 * stream; the run seed (nodes and network) also depends on the membership.
 */
public final class RunSeeds {
    private RunSeeds() {
    }

    /** SplitMix64's finaliser: a bijective avalanche mix of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Seed of the timeline generator of (point, repetition). */
    public static long timelineSeed(long scenarioSeed, int point, int repetition) {
        long h = mix(scenarioSeed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ ((point + 1L) * 0xC2B2AE3D27D4EB4FL));
        return mix(h ^ ((repetition + 1L) * 0x165667B19E3779F9L));
    }

    /** Root seed of the nodes' and network's generators of (point, repetition, membership). */
    public static long runSeed(long scenarioSeed, int point, int repetition, MembershipSpec.Type membership) {
        return mix(timelineSeed(scenarioSeed, point, repetition) ^ ((membership.ordinal() + 1L) * 0xD6E8FEB86659FD93L));
    }
}
