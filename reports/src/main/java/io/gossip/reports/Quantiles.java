package io.gossip.reports;

import java.util.Arrays;

/** Order statistics used by the charts: quantiles by linear interpolation between order values. */
final class Quantiles {
    private Quantiles() {
    }

    /**
     * The {@code q}-quantile of {@code sorted} (ascending, non-empty), interpolating linearly
     * between the two nearest order statistics (the usual "type 7" definition), so the median of
     * {1, 2, 3, 4} is 2.5 and the 0.05-quantile of a single value is that value.
     */
    static double of(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile outside [0, 1]: " + q);
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = position - below;
        return sorted[below] + weight * (sorted[above] - sorted[below]);
    }

    /** A sorted copy of {@code values}. */
    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
