package io.gossip.sim.network;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Assigns every node slot to one group of a partition. The live members are split in proportion
 * to the given fractions (normalised to sum to 1; the last group takes the rounding remainder), by
 * a seeded uniformly random permutation; the other slots (nodes that join later, and those gone)
 * are split the same way among themselves, so that later joins land in the groups in proportion too.
 */
public final class PartitionGroups {
    private PartitionGroups() {
    }

    /**
     * @param members the live members, distinct slots (the array is reordered)
     * @return the group index of every node slot
     * @throws IllegalArgumentException if fractions is empty or has a non-positive entry
     */
    public static int[] assign(int nodes, int[] members, List<Double> fractions, SplittableRandom random) {
        if (fractions.isEmpty()) {
            throw new IllegalArgumentException("a partition needs at least one group fraction");
        }
        double sum = 0;
        for (double f : fractions) {
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("partition fractions must be > 0, got " + f);
            }
            sum += f;
        }
        int[] group = new int[nodes];
        boolean[] member = new boolean[nodes];
        for (int m : members) {
            member[m] = true;
        }
        int[] others = new int[nodes - members.length];
        int k = 0;
        for (int slot = 0; slot < nodes; slot++) {
            if (!member[slot]) {
                others[k++] = slot;
            }
        }
        split(members, fractions, sum, random, group);
        split(others, fractions, sum, random, group);
        return group;
    }

    /** Shuffles {@code slots} and gives consecutive runs of them, sized by the fractions, to each group. */
    private static void split(int[] slots, List<Double> fractions, double sum, SplittableRandom random, int[] group) {
        int n = slots.length;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = slots[i];
            slots[i] = slots[j];
            slots[j] = t;
        }
        int at = 0;
        double cumulative = 0;
        for (int g = 0; g < fractions.size(); g++) {
            cumulative += fractions.get(g);
            int end = g == fractions.size() - 1 ? n : (int) Math.round(n * cumulative / sum);
            for (; at < end; at++) {
                group[slots[at]] = g;
            }
        }
    }
}
