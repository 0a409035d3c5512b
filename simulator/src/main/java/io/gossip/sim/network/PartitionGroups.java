package io.gossip.sim.network;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Assigns every node slot to one group of a partition. Group sizes are proportional to the given
 * fractions (normalised to sum to 1; the last group takes the rounding remainder), and which node
 * lands in which group is a seeded uniformly random permutation.
 */
public final class PartitionGroups {
    private PartitionGroups() {
    }

    /**
     * @return the group index of every node slot
     * @throws IllegalArgumentException if fractions is empty or has a non-positive entry
     */
    public static int[] assign(int nodes, List<Double> fractions, SplittableRandom random) {
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
        int[] permutation = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            permutation[i] = i;
        }
        for (int i = nodes - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        int[] group = new int[nodes];
        int at = 0;
        double cumulative = 0;
        for (int g = 0; g < fractions.size(); g++) {
            cumulative += fractions.get(g);
            int end = g == fractions.size() - 1 ? nodes : (int) Math.round(nodes * cumulative / sum);
            for (; at < end; at++) {
                group[permutation[at]] = g;
            }
        }
        return group;
    }
}
