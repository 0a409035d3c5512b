package io.gossip.reports;

import io.gossip.reports.CoverageRow.BroadcastKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Coverage over time across many broadcasts: at each time since sending, the median and the 5 %
 * and 95 % quantiles of the fraction of live nodes reached.
 *
 * <p>Every broadcast's curve in {@code coverage.csv} stops when the broadcast stops spreading; past
 * its last sample a broadcast keeps its final coverage (it will not reach anyone else), so early
 * finishers and late ones are compared on a common time grid, the union of all sample times.
 */
final class CoverageBands {
    private CoverageBands() {
    }

    /**
     * One band. Arrays are parallel and ordered by time; {@code curves} is how many broadcasts
     * were combined.
     */
    record Band(String name, double[] tMs, double[] median, double[] p5, double[] p95, int curves) {
    }

    /** One band per membership present in {@code rows} (SCAMP first), named by membership. */
    static List<Band> byMembership(List<CoverageRow> rows) {
        List<Band> bands = new ArrayList<>();
        for (String membership : Memberships.present(rows, CoverageRow::membership)) {
            bands.add(of(membership, rows.stream().filter(r -> r.membership().equals(membership)).toList()));
        }
        return bands;
    }

    /** The band of all broadcasts in {@code rows}, whatever their point or membership. */
    static Band of(String name, List<CoverageRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no coverage samples for " + name);
        }
        Map<BroadcastKey, TreeMap<Double, Double>> curves = new TreeMap<>();
        TreeSet<Double> grid = new TreeSet<>();
        for (CoverageRow row : rows) {
            curves.computeIfAbsent(row.key(), k -> new TreeMap<>()).put(row.tMs(), row.coverage());
            grid.add(row.tMs());
        }
        double[] times = grid.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] valuesAtTime = new double[times.length][curves.size()];
        int curve = 0;
        for (TreeMap<Double, Double> samples : curves.values()) {
            for (int i = 0; i < times.length; i++) {
                Map.Entry<Double, Double> held = samples.floorEntry(times[i]);
                valuesAtTime[i][curve] = held == null ? 0.0 : held.getValue();
            }
            curve++;
        }
        double[] median = new double[times.length];
        double[] p5 = new double[times.length];
        double[] p95 = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double[] sorted = Quantiles.sorted(valuesAtTime[i]);
            median[i] = Quantiles.of(sorted, 0.5);
            p5[i] = Quantiles.of(sorted, 0.05);
            p95[i] = Quantiles.of(sorted, 0.95);
        }
        return new Band(name, times, median, p5, p95, curves.size());
    }

    /** The bands as a JFreeChart dataset: one series per band, y = median, interval = 5–95 %. */
    static YIntervalSeriesCollection dataset(List<Band> bands) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        for (Band band : bands) {
            YIntervalSeries series = new YIntervalSeries(band.name(), false, true);
            for (int i = 0; i < band.tMs().length; i++) {
                series.add(band.tMs()[i], band.median()[i], band.p5()[i], band.p95()[i]);
            }
            dataset.addSeries(series);
        }
        return dataset;
    }
}
