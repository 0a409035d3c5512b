package io.gossip.reports;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Mean PartialView size against the number of nodes, for a sweep over {@code nodes}: SCAMP's
 * central claim is that views grow as (c+1)·ln n without any node knowing n, and this shows
 * whether the measured means follow that line. Each repetition builds its own membership graph, so
 * with several repetitions a point's mean carries an error bar of ± one standard error over them
 * ({@link PointRow#pvMeanStandardError}), as the reliability chart's points do.
 *
 * @param measured the SCAMP points, ordered by n
 * @param c the c of the sweep (the first point's; a nodes sweep does not change c)
 */
record PvScaling(List<Measured> measured, double c) {
    static final String MEASURED_LABEL = "measured mean PartialView (scamp)";
    static final String THEORY_LABEL = "theory (c+1)·ln n";

    private static final int THEORY_SAMPLES = 60;

    /**
     * One point: {@code error} is one standard error of the mean over the repetitions, NaN with one
     * repetition, and NaN with several where {@code points.csv} has no {@code pv_mean_stddev}
     * column (written before it existed): then {@code spreadUnknown}.
     */
    record Measured(double nodes, double mean, double error, int repetitions, boolean spreadUnknown) {
        double low() {
            return Double.isNaN(error) ? mean : Math.max(0, mean - error);
        }

        double high() {
            return Double.isNaN(error) ? mean : mean + error;
        }
    }

    /** The scaling data, or empty unless the run swept {@code nodes} over SCAMP points. */
    static Optional<PvScaling> of(List<PointRow> points) {
        if (!Sweep.parameter(points).map("nodes"::equals).orElse(false)) {
            return Optional.empty();
        }
        List<PointRow> scamp = points.stream()
                // A point with no live node at the end has no mean view to plot.
                .filter(p -> p.membership().equals(CsvRow.SCAMP) && p.nodes() > 0 && !Double.isNaN(p.pvMean()))
                .sorted(Comparator.comparingInt(PointRow::nodes))
                .toList();
        if (scamp.size() < 2) {
            return Optional.empty();
        }
        List<Measured> measured = scamp.stream()
                .map(p -> new Measured(p.nodes(), p.pvMean(), p.pvMeanStandardError(), p.repetitions(),
                        p.repetitions() > 1 && Double.isNaN(p.pvMeanStddev())))
                .toList();
        return Optional.of(new PvScaling(measured, scamp.get(0).c()));
    }

    /** Whether some point has an error bar (several repetitions and their spread recorded). */
    boolean anyErrorBar() {
        return measured.stream().anyMatch(m -> !Double.isNaN(m.error()));
    }

    /** Whether some point ran several repetitions but {@code points.csv} does not record their spread. */
    boolean spreadUnknown() {
        return measured.stream().anyMatch(Measured::spreadUnknown);
    }

    /** The repetitions of the points, as text: {@code 10}, or {@code 1–3} when they vary. */
    String repetitions() {
        int min = measured.stream().mapToInt(Measured::repetitions).min().orElse(0);
        int max = measured.stream().mapToInt(Measured::repetitions).max().orElse(0);
        return min == max ? Integer.toString(min) : min + "–" + max;
    }

    /** The measured means: y = mean PartialView, interval = ± one standard error (none without). */
    YIntervalSeriesCollection measuredDataset() {
        YIntervalSeries series = new YIntervalSeries(MEASURED_LABEL, true, true);
        measured.forEach(m -> series.add(m.nodes(), m.mean(), m.low(), m.high()));
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(series);
        return dataset;
    }

    /** (c+1)·ln n at points evenly spaced in log n between the smallest and largest n. */
    XYSeriesCollection theoryDataset() {
        double logMin = Math.log(measured.get(0).nodes());
        double logMax = Math.log(measured.get(measured.size() - 1).nodes());
        XYSeries series = new XYSeries(THEORY_LABEL, true, false);
        for (int i = 0; i < THEORY_SAMPLES; i++) {
            double n = Math.exp(logMin + (logMax - logMin) * i / (THEORY_SAMPLES - 1));
            series.add(n, ViewSizes.expectedSize(c, n));
        }
        return new XYSeriesCollection(series);
    }
}
