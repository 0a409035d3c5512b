package io.gossip.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Reliability (the fraction of broadcasts that reached every live node) against the swept
 * parameter, one curve per membership with error bars of one standard error across repetitions,
 * and beside each the theoretical exp(−e^(−k)) of {@link FanoutTheory} at that point's measured
 * effective fanout; for SCAMP also the prediction of {@link InViewPrediction} from its InView sizes
 * and the measured share of gossip copies lost.
 *
 * <p>On a categorical sweep the memberships are shifted a little left and right of their category
 * so their error bars do not hide each other.
 */
final class ReliabilityCurves {
    /** Horizontal distance between memberships at one category, in category widths. */
    static final double CATEGORY_SHIFT = 0.12;

    private ReliabilityCurves() {
    }

    /** One measured point: {@code error} (one standard error) is NaN without repetitions. */
    record Measured(double x, double reliability, double error) {
        /** Lower end of the error bar, kept inside [0, 1] because reliability is a probability. */
        double low() {
            return Double.isNaN(error) ? reliability : Math.max(0, reliability - error);
        }

        /** Upper end of the error bar, kept inside [0, 1]. */
        double high() {
            return Double.isNaN(error) ? reliability : Math.min(1, reliability + error);
        }
    }

    /** One series of measured points, ordered by x. */
    record Curve(String name, List<Measured> points) {
    }

    /**
     * The charts' subtitle for their error bars: named only where some point has one (a point
     * of a single repetition has none).
     */
    static String errorBarsSubtitle(List<Curve> curves) {
        boolean any = curves.stream().flatMap(c -> c.points().stream()).anyMatch(p -> !Double.isNaN(p.error()));
        return any ? "error bars: ± 1 standard error over repetitions" : "one repetition per point: no error bars";
    }

    /** The legend text of one membership's theoretical curve. */
    static String theoryLabel(String membership) {
        return membership + ", theory exp(−e^(−k)) at its live fanout";
    }

    /** The legend text of a membership's prediction from its InView sizes. */
    static String predictionLabel(String membership) {
        return membership + ", predicted from InView sizes and copies lost";
    }

    /**
     * One curve per membership of the sweep in {@code points} (SCAMP first); points without a
     * reliability (no broadcasts) are left out, and so is a membership left with none.
     */
    static List<Curve> byMembership(Sweep sweep, List<PointRow> points) {
        List<String> memberships = Memberships.present(points, PointRow::membership);
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < memberships.size(); i++) {
            String membership = memberships.get(i);
            Curve curve = of(membership, sweep, points.stream()
                    .filter(p -> p.membership().equals(membership)).toList(),
                    shift(sweep, i, memberships.size()));
            if (!curve.points().isEmpty()) {
                curves.add(curve);
            }
        }
        return curves;
    }

    /** The curve of {@code points}, whatever their membership, moved {@code shift} along x. */
    static Curve of(String name, Sweep sweep, List<PointRow> points, double shift) {
        List<Measured> measured = points.stream()
                .filter(p -> !Double.isNaN(p.reliability()))
                .map(p -> new Measured(sweep.x(p) + shift, p.reliability(), p.reliabilityStandardError()))
                .sorted(Comparator.comparingDouble(Measured::x))
                .toList();
        return new Curve(name, measured);
    }

    /** How far series {@code index} of {@code count} moves: nothing on a numeric axis. */
    static double shift(Sweep sweep, int index, int count) {
        return sweep.numeric() ? 0 : (index - (count - 1) / 2.0) * CATEGORY_SHIFT;
    }

    /** The measured curves as a dataset: y = reliability, interval = ± one standard error. */
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

    /**
     * The theory of each membership that has a measured curve, at the same x positions: one series
     * per membership, in the curves' order, named by {@link #theoryLabel}.
     */
    static XYSeriesCollection theoryDataset(Sweep sweep, List<PointRow> points,
            List<BroadcastRow> broadcasts) {
        List<String> memberships = Memberships.present(points, PointRow::membership);
        List<FanoutTheory> theories = FanoutTheory.of(broadcasts);
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (int i = 0; i < memberships.size(); i++) {
            String membership = memberships.get(i);
            addIfAny(dataset, theorySeries(membership, membership, sweep, points, theories,
                    shift(sweep, i, memberships.size())));
        }
        return dataset;
    }

    /**
     * The theory beside the measured curve named {@code name}: {@code membership}'s entries of
     * {@code theories} at the points of {@code points} (which give their x), moved {@code shift}
     * along x, named {@link #theoryLabel}({@code name}); empty when none of them has a theory.
     */
    static XYSeries theorySeries(String name, String membership, Sweep sweep, List<PointRow> points,
            List<FanoutTheory> theories, double shift) {
        Map<Integer, PointRow> byPoint = firstByPoint(points);
        XYSeries series = new XYSeries(theoryLabel(name), true, false);
        for (FanoutTheory t : theories) {
            PointRow row = byPoint.get(t.point());
            if (t.membership().equals(membership) && row != null) {
                series.add(sweep.x(row) + shift, t.allReached());
            }
        }
        return series;
    }

    /**
     * SCAMP's {@link InViewPrediction} at each point that has one, at the x of its measured curve
     * (shifted as SCAMP is on a category axis): one series named by {@link #predictionLabel}, or
     * none when no point has a prediction.
     */
    static XYSeriesCollection predictionDataset(Sweep sweep, List<PointRow> points,
            List<BroadcastRow> broadcasts, List<NodeRow> nodes) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        List<String> memberships = Memberships.present(points, PointRow::membership);
        int index = memberships.indexOf(InViewPrediction.MEMBERSHIP);
        if (index >= 0) {
            addIfAny(dataset, predictionSeries(InViewPrediction.MEMBERSHIP, sweep, points, broadcasts, nodes,
                    shift(sweep, index, memberships.size())));
        }
        return dataset;
    }

    /**
     * SCAMP's {@link InViewPrediction} beside the measured curve named {@code name}, at the points
     * of {@code points} (which give their x), moved {@code shift} along x, named
     * {@link #predictionLabel}({@code name}); empty when none of them has a prediction.
     */
    static XYSeries predictionSeries(String name, Sweep sweep, List<PointRow> points,
            List<BroadcastRow> broadcasts, List<NodeRow> nodes, double shift) {
        Map<Integer, PointRow> byPoint = firstByPoint(points);
        XYSeries series = new XYSeries(predictionLabel(name), true, false);
        for (InViewPrediction p : InViewPrediction.of(broadcasts, nodes)) {
            PointRow row = byPoint.get(p.point());
            if (row != null) {
                series.add(sweep.x(row) + shift, p.reliability());
            }
        }
        return series;
    }

    /** Each point's first row: every row of a point has the point's x. */
    private static Map<Integer, PointRow> firstByPoint(List<PointRow> points) {
        Map<Integer, PointRow> byPoint = new HashMap<>();
        points.forEach(p -> byPoint.putIfAbsent(p.point(), p));
        return byPoint;
    }

    /** Adds {@code series} to {@code dataset} unless it is empty: a chart draws no empty series. */
    static void addIfAny(XYSeriesCollection dataset, XYSeries series) {
        if (series.getItemCount() > 0) {
            dataset.addSeries(series);
        }
    }
}
