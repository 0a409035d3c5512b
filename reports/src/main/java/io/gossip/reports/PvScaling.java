package io.gossip.reports;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Mean PartialView size against the number of nodes, for a sweep over {@code nodes}: SCAMP's
 * central claim is that views grow as (c+1)·ln n without any node knowing n, and this shows
 * whether the measured means follow that line.
 *
 * @param measured (n, mean PartialView size) of the SCAMP points, ordered by n
 * @param c the c of the sweep (the first point's; a nodes sweep does not change c)
 */
record PvScaling(List<double[]> measured, double c) {
    static final String MEASURED_LABEL = "measured mean PartialView (scamp)";
    static final String THEORY_LABEL = "theory (c+1)·ln n";

    private static final int THEORY_SAMPLES = 60;

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
        List<double[]> measured = scamp.stream()
                .map(p -> new double[] {p.nodes(), p.pvMean()})
                .toList();
        return Optional.of(new PvScaling(measured, scamp.get(0).c()));
    }

    /** The measured means. */
    XYSeriesCollection measuredDataset() {
        XYSeries series = new XYSeries(MEASURED_LABEL, true, true);
        measured.forEach(m -> series.add(m[0], m[1]));
        return new XYSeriesCollection(series);
    }

    /** (c+1)·ln n at points evenly spaced in log n between the smallest and largest n. */
    XYSeriesCollection theoryDataset() {
        double logMin = Math.log(measured.get(0)[0]);
        double logMax = Math.log(measured.get(measured.size() - 1)[0]);
        XYSeries series = new XYSeries(THEORY_LABEL, true, false);
        for (int i = 0; i < THEORY_SAMPLES; i++) {
            double n = Math.exp(logMin + (logMax - logMin) * i / (THEORY_SAMPLES - 1));
            series.add(n, ViewSizes.expectedSize(c, n));
        }
        return new XYSeriesCollection(series);
    }
}
