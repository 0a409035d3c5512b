package io.gossip.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Reliability (the fraction of broadcasts that reached every live node) against the swept
 * parameter, one curve per membership, and the theoretical curve where the parameter has one.
 *
 * <p>The theory is the SCAMP paper's: with fanout (c+1)·ln n, the probability that a gossip reaches
 * all n nodes tends to exp(−exp(−c)). It is drawn only for a sweep over {@code c}, the one
 * parameter it is a function of.
 */
final class ReliabilityCurves {
    /** Legend text of the theoretical curve. */
    static final String THEORY_LABEL = "theory exp(−e^(−c))";

    private static final int THEORY_SAMPLES = 101;

    private ReliabilityCurves() {
    }

    /** One measured point: {@code stddev} is NaN when the run did not record one. */
    record Measured(double x, double reliability, double stddev) {
        /** Lower end of the error bar, kept inside [0, 1] because reliability is a probability. */
        double low() {
            return Double.isNaN(stddev) ? reliability : Math.max(0, reliability - stddev);
        }

        /** Upper end of the error bar, kept inside [0, 1]. */
        double high() {
            return Double.isNaN(stddev) ? reliability : Math.min(1, reliability + stddev);
        }
    }

    /** One series of measured points, ordered by x. */
    record Curve(String name, List<Measured> points) {
    }

    /** One curve per membership of the sweep in {@code points} (SCAMP first). */
    static List<Curve> byMembership(List<PointRow> points) {
        List<Curve> curves = new ArrayList<>();
        for (String membership : Memberships.present(points, PointRow::membership)) {
            curves.add(of(membership, points.stream()
                    .filter(p -> p.membership().equals(membership)).toList()));
        }
        return curves;
    }

    /** The curve of {@code points}, whatever their membership. */
    static Curve of(String name, List<PointRow> points) {
        List<Measured> measured = points.stream()
                .map(p -> new Measured(p.value(), p.reliability(), p.reliabilityStddev()))
                .sorted(Comparator.comparingDouble(Measured::x))
                .toList();
        return new Curve(name, measured);
    }

    /** The theoretical curve over [xMin, xMax] when {@code parameter} is {@code c}. */
    static Optional<XYSeries> theory(String parameter, double xMin, double xMax) {
        if (!parameter.equals("c") || !(xMax > xMin)) {
            return Optional.empty();
        }
        XYSeries series = new XYSeries(THEORY_LABEL, true, false);
        for (int i = 0; i < THEORY_SAMPLES; i++) {
            double c = xMin + (xMax - xMin) * i / (THEORY_SAMPLES - 1);
            series.add(c, allReachedProbability(c));
        }
        return Optional.of(series);
    }

    /** exp(−exp(−c)): the limit probability that every node is reached with fanout (c+1)·ln n. */
    static double allReachedProbability(double c) {
        return Math.exp(-Math.exp(-c));
    }

    /** The measured curves as a dataset: y = reliability, interval = ± one standard deviation. */
    static YIntervalSeriesCollection dataset(List<Curve> curves) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        for (Curve curve : curves) {
            YIntervalSeries series = new YIntervalSeries(curve.name(), false, true);
            for (Measured m : curve.points()) {
                series.add(m.x(), m.reliability(), m.low(), m.high());
            }
            dataset.addSeries(series);
        }
        return dataset;
    }

    /** The theory as a one-series dataset, or an empty dataset when there is none. */
    static XYSeriesCollection theoryDataset(String parameter, List<Curve> curves) {
        double min = curves.stream().flatMap(c -> c.points().stream())
                .mapToDouble(Measured::x).min().orElse(0);
        double max = curves.stream().flatMap(c -> c.points().stream())
                .mapToDouble(Measured::x).max().orElse(0);
        XYSeriesCollection dataset = new XYSeriesCollection();
        theory(parameter, min, max).ifPresent(dataset::addSeries);
        return dataset;
    }
}
