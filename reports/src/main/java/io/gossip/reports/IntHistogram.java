package io.gossip.reports;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts of whole-number values (view sizes), one bar per value so no binning hides the shape of
 * the distribution.
 */
record IntHistogram(String name, SortedMap<Integer, Integer> counts) {

    /** Counts {@code values}. */
    static IntHistogram of(String name, int[] values) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int value : values) {
            counts.merge(value, 1, Integer::sum);
        }
        return new IntHistogram(name, Collections.unmodifiableSortedMap(counts));
    }

    /** The number of values counted. */
    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The mean of the values counted, NaN when there are none. */
    double mean() {
        long sum = 0;
        for (var e : counts.entrySet()) {
            sum += (long) e.getKey() * e.getValue();
        }
        int total = total();
        return total == 0 ? Double.NaN : (double) sum / total;
    }
}
