package io.gossip.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Several series of counts sharing one set of equal-width bins, for values too spread out for one
 * bar per value (messages sent per node). Bin {@code i} covers
 * {@code [start + i·width, start + (i+1)·width)}; widths are whole numbers because the values are
 * counts. A set of values gathered over several repetitions (each its own run of the same
 * scenario) is drawn as the mean count per repetition, so its bars add up to the values of one.
 */
record BinnedHistogram(double start, double width, List<Series> series) {

    /** The counts per bin of one named set of values, gathered over {@code repetitions}. */
    record Series(String name, int[] counts, int repetitions) {
        /** The bar of bin {@code i}: its count per repetition. */
        double height(int i) {
            return counts[i] / (double) repetitions;
        }
    }

    /** Bins {@code valuesByName}, each from one repetition, into at most {@code maxBins} bins. */
    static BinnedHistogram of(Map<String, long[]> valuesByName, int maxBins) {
        return of(valuesByName, Map.of(), maxBins);
    }

    /**
     * Bins {@code valuesByName} into at most {@code maxBins} bins covering every value; each set's
     * values come from as many repetitions as {@code repetitionsByName} says (1 when it is absent).
     */
    static BinnedHistogram of(Map<String, long[]> valuesByName, Map<String, Integer> repetitionsByName,
            int maxBins) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long[] values : valuesByName.values()) {
            for (long v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new BinnedHistogram(0, 1, List.of());
        }
        long span = max - min + 1;
        long width = (span + maxBins - 1) / maxBins;
        int bins = (int) ((span + width - 1) / width);
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : valuesByName.entrySet()) {
            int[] counts = new int[bins];
            for (long v : entry.getValue()) {
                counts[(int) ((v - min) / width)]++;
            }
            series.add(new Series(entry.getKey(), counts,
                    repetitionsByName.getOrDefault(entry.getKey(), 1)));
        }
        return new BinnedHistogram(min, width, List.copyOf(series));
    }

    /** One series of bars per named set of values, each bar its {@link Series#height}. */
    XYIntervalSeriesCollection dataset() {
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        for (Series s : series) {
            XYIntervalSeries bars = new XYIntervalSeries(s.name(), false, true);
            for (int i = 0; i < s.counts().length; i++) {
                double low = start + i * width;
                double height = s.height(i);
                bars.add(low + width / 2, low, low + width, height, height, height);
            }
            dataset.addSeries(bars);
        }
        return dataset;
    }
}
