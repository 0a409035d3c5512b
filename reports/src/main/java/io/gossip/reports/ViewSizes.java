package io.gossip.reports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The distribution of PartialView and InView sizes over the live SCAMP nodes at the end of each
 * repetition of one point, and the size SCAMP aims for, (c+1)·ln n.
 *
 * <p>A sweep mixes points of different n or c, whose distributions should not be pooled, so the
 * histogram shows a single point: the one with the most live SCAMP nodes per repetition (the
 * largest n of a nodes sweep, the uncrashed point of a crash sweep), the last of those on a tie.
 * Only SCAMP is shown: under the global baseline every node knows every other and the histogram is
 * one bar at n−1.
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

    /** The view sizes of the chosen point's live SCAMP nodes, or empty when there are none. */
    static Optional<ViewSizes> of(Summary summary, List<NodeRow> nodes) {
        Map<Integer, List<NodeRow>> byPoint = nodes.stream()
                .filter(n -> n.alive() && n.membership().equals(CsvRow.SCAMP))
                .collect(Collectors.groupingBy(NodeRow::point, TreeMap::new, Collectors.toList()));
        int point = -1;
        double most = -1;
        for (Map.Entry<Integer, List<NodeRow>> e : byPoint.entrySet()) {
            double perRepetition = (double) e.getValue().size() / repetitions(e.getValue());
            if (perRepetition >= most) {
                most = perRepetition;
                point = e.getKey();
            }
        }
        if (point < 0) {
            return Optional.empty();
        }
        List<NodeRow> live = byPoint.get(point);
        int repetitions = repetitions(live);
        return Optional.of(new ViewSizes(point, repetitions, (double) live.size() / repetitions,
                summary.cOfPoint(point),
                IntHistogram.of("PartialView", live.stream().mapToInt(NodeRow::partialView).toArray()),
                IntHistogram.of("InView", live.stream().mapToInt(NodeRow::inView).toArray())));
    }

    private static int repetitions(List<NodeRow> rows) {
        return (int) rows.stream().mapToInt(NodeRow::repetition).distinct().count();
    }

    /**
     * This point's histogram of {@code view} ({@link #partialView} or {@link #inView}) as bars one
     * unit wide centred on each size, each as high as the mean number of live nodes per repetition
     * with that size: the counts of all repetitions divided by their number, so the bars add up to
     * the live nodes of one repetition, as a reader of "live nodes" expects, however many
     * repetitions were run.
     */
    XYIntervalSeriesCollection meanPerRepetition(IntHistogram view) {
        return dataset(List.of(view), h -> repetitions);
    }

    /**
     * Histograms as bars one unit wide centred on each size, each as high as the fraction of its
     * histogram's nodes with that size, so runs of different sizes can share axes.
     */
    static XYIntervalSeriesCollection fractions(List<IntHistogram> histograms) {
        return dataset(histograms, IntHistogram::total);
    }

    private static XYIntervalSeriesCollection dataset(List<IntHistogram> histograms,
            ToDoubleFunction<IntHistogram> divisor) {
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        for (IntHistogram histogram : histograms) {
            XYIntervalSeries series = new XYIntervalSeries(histogram.name(), false, true);
            double by = divisor.applyAsDouble(histogram);
            histogram.counts().forEach((size, count) -> {
                double y = count / by;
                series.add(size, size - 0.5, size + 0.5, y, y, y);
            });
            dataset.addSeries(series);
        }
        return dataset;
    }
}
