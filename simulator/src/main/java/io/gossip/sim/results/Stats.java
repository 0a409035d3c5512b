package io.gossip.sim.results;

/** Running count, sum, sum of squares, minimum and maximum of a stream of numbers. */
final class Stats {
    private long count;
    private double sum;
    private double sumSquares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double x) {
        count++;
        sum += x;
        sumSquares += x * x;
        min = Math.min(min, x);
        max = Math.max(max, x);
    }

    long count() {
        return count;
    }

    double sum() {
        return sum;
    }

    /** Mean, NaN when empty. */
    double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    double min() {
        return count == 0 ? Double.NaN : min;
    }

    double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** Population standard deviation, NaN when empty. */
    double stddev() {
        if (count == 0) {
            return Double.NaN;
        }
        double m = sum / count;
        return Math.sqrt(Math.max(0, sumSquares / count - m * m));
    }
}
