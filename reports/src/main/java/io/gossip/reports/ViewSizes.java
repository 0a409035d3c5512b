package io.gossip.reports;

import java.util.List;
import java.util.Optional;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The distribution of PartialView and InView sizes over the live SCAMP nodes at the end of each
 * repetition of one point, and the size SCAMP aims for, (c+1)·ln n.
 *
 * <p>A sweep mixes points of different n or c, whose distributions should not be pooled, so the
 * histogram shows a single point: the last one of the run. Only SCAMP is shown: under the global
 * baseline every node knows every other and the histogram is one bar at n−1.
 *
 * @param liveNodes mean number of live nodes per repetition: the n of the expected size
 * @param c the c of that point, from summary.json
 */
record ViewSizes(int point, int repetitions, double liveNodes, double c,
        IntHistogram partialView, IntHistogram inView) {

    /** The view size SCAMP converges to: (c+1)·ln n. */
    double expected() {
        return expectedSize(c, liveNodes);
    }

    /** (c+1)·ln n. */
    static double expectedSize(double c, double n) {
        return (c + 1) * Math.log(n);
    }

    /** The view sizes of the last point's live SCAMP nodes, or empty when there are none. */
    static Optional<ViewSizes> of(Summary summary, List<NodeRow> nodes) {
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        int point = nodes.stream().mapToInt(NodeRow::point).max().getAsInt();
        List<NodeRow> live = nodes.stream()
                .filter(n -> n.point() == point && n.alive() && n.membership().equals(CsvRow.SCAMP))
                .toList();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        int repetitions = (int) live.stream().mapToInt(NodeRow::repetition).distinct().count();
        return Optional.of(new ViewSizes(point, repetitions, (double) live.size() / repetitions,
                summary.cOfPoint(point),
                IntHistogram.of("PartialView", live.stream().mapToInt(NodeRow::partialView).toArray()),
                IntHistogram.of("InView", live.stream().mapToInt(NodeRow::inView).toArray())));
    }

    /**
     * Histograms as bars one unit wide centred on each size. With {@code asFraction} the height
     * is the fraction of nodes instead of the count, so runs of different sizes can share axes.
     */
    static XYIntervalSeriesCollection dataset(List<IntHistogram> histograms, boolean asFraction) {
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        for (IntHistogram histogram : histograms) {
            XYIntervalSeries series = new XYIntervalSeries(histogram.name(), false, true);
            double total = histogram.total();
            histogram.counts().forEach((size, count) -> {
                double y = asFraction ? count / total : count;
                series.add(size, size - 0.5, size + 0.5, y, y, y);
            });
            dataset.addSeries(series);
        }
        return dataset;
    }
}
