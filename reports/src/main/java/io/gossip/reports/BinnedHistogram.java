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
 * counts.
 */
record BinnedHistogram(double start, double width, List<Series> series) {

    /** The counts per bin of one named set of values. */
    record Series(String name, int[] counts) {
    }

    /** Bins {@code valuesByName} into at most {@code maxBins} bins covering every value. */
    static BinnedHistogram of(Map<String, long[]> valuesByName, int maxBins) {
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
            series.add(new Series(entry.getKey(), counts));
        }
        return new BinnedHistogram(min, width, List.copyOf(series));
    }

    /** One series of bars per named set of values. */
    XYIntervalSeriesCollection dataset() {
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        for (Series s : series) {
            XYIntervalSeries bars = new XYIntervalSeries(s.name(), false, true);
            for (int i = 0; i < s.counts().length; i++) {
                double low = start + i * width;
                bars.add(low + width / 2, low, low + width, s.counts()[i], s.counts()[i], s.counts()[i]);
            }
            dataset.addSeries(bars);
        }
        return dataset;
    }
}
