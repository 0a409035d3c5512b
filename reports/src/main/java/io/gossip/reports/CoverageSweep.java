package io.gossip.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Final coverage against the swept parameter: at each point, the mean fraction of live nodes a
 * broadcast reached and the 5–95 % range over the point's broadcasts (every repetition), one curve
 * per membership. Where reliability is 0 because every broadcast misses a few nodes, this still
 * shows how many it misses, which is what the SCAMP paper plots against the failed fraction.
 */
final class CoverageSweep {
    private CoverageSweep() {
    }

    /** Coverage at one point: x on the sweep's axis, over {@code broadcasts} broadcasts. */
    record Entry(double x, double mean, double p5, double p95, int broadcasts) {
    }

    /** One membership's entries, ordered by x. */
    record Curve(String name, List<Entry> entries) {
    }

    /** One curve per membership with broadcasts (SCAMP first); empty when nothing was broadcast. */
    static List<Curve> byMembership(Sweep sweep, List<PointRow> points, List<BroadcastRow> broadcasts) {
        List<String> memberships = Memberships.present(broadcasts, BroadcastRow::membership);
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < memberships.size(); i++) {
            String membership = memberships.get(i);
            curves.add(of(membership, sweep, points, broadcasts.stream()
                    .filter(b -> b.membership().equals(membership)).toList(),
                    ReliabilityCurves.shift(sweep, i, memberships.size())));
        }
        return curves;
    }

    /** The curve of {@code broadcasts}, grouped by point and placed where the point's value is. */
    static Curve of(String name, Sweep sweep, List<PointRow> points, List<BroadcastRow> broadcasts,
            double shift) {
        Map<Integer, PointRow> byPoint = new HashMap<>();
        points.forEach(p -> byPoint.putIfAbsent(p.point(), p));
        Map<Double, List<Double>> byX = new TreeMap<>();
        for (BroadcastRow b : broadcasts) {
            PointRow row = byPoint.get(b.point());
            if (row != null) {
                byX.computeIfAbsent(sweep.x(row) + shift, x -> new ArrayList<>()).add(b.coverage());
            }
        }
        List<Entry> entries = new ArrayList<>();
        byX.forEach((x, values) -> {
            double[] sorted = Quantiles.sorted(values.stream().mapToDouble(Double::doubleValue).toArray());
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            entries.add(new Entry(x, mean, Quantiles.of(sorted, 0.05), Quantiles.of(sorted, 0.95),
                    sorted.length));
        });
        return new Curve(name, entries);
    }

    /** The curves as a dataset: y = mean coverage, interval = 5th to 95th percentile. */
    static YIntervalSeriesCollection dataset(List<Curve> curves) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        for (Curve curve : curves) {
            YIntervalSeries series = new YIntervalSeries(curve.name(), false, true);
            curve.entries().forEach(e -> series.add(e.x(), e.mean(), e.p5(), e.p95()));
            dataset.addSeries(series);
        }
        return dataset;
    }
}
