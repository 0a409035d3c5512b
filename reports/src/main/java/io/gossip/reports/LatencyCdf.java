package io.gossip.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Empirical distribution, across broadcasts, of the delay until 99 % and until 100 % of the live
 * nodes had the gossip.
 *
 * <p>The fraction is taken over <em>all</em> broadcasts, including those that never got there, so
 * a curve that levels off below 1 shows at a glance how many broadcasts were incomplete.
 */
final class LatencyCdf {
    private LatencyCdf() {
    }

    /**
     * One distribution: {@code fraction[i]} of the {@code broadcasts} had reached the target by
     * {@code ms[i]}. Arrays are ascending.
     */
    record Cdf(String name, double[] ms, double[] fraction, int broadcasts) {
    }

    /** t99 and t100 curves for each membership present (SCAMP first), pooled over points. */
    static List<Cdf> byMembership(List<BroadcastRow> broadcasts) {
        List<Cdf> cdfs = new ArrayList<>();
        for (String membership : Memberships.present(broadcasts, BroadcastRow::membership)) {
            List<BroadcastRow> rows = broadcasts.stream()
                    .filter(b -> b.membership().equals(membership)).toList();
            cdfs.add(of(membership + " t99", rows, BroadcastRow::t99Ms));
            cdfs.add(of(membership + " t100", rows, BroadcastRow::t100Ms));
        }
        return cdfs;
    }

    /** The distribution of one latency column; NaN (never reached) counts in the denominator. */
    static Cdf of(String name, List<BroadcastRow> rows, ToDoubleFunction<BroadcastRow> latency) {
        double[] reached = rows.stream().mapToDouble(latency).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(reached);
        double[] fraction = new double[reached.length];
        for (int i = 0; i < reached.length; i++) {
            fraction[i] = (i + 1) / (double) rows.size();
        }
        return new Cdf(name, reached, fraction, rows.size());
    }

    /**
     * The curves as staircases, one series per {@link Cdf} in order: each delay appears twice, at
     * the fraction before and after it, starting from (first delay, 0). A line through these
     * points is the step function, and drawn as one path its dash pattern runs on along the whole
     * curve; a step renderer draws each step as its own line and restarts the dashes at every
     * step, so a dense t99 curve (steps shorter than a dash) looked solid. A curve with no reached
     * broadcast is an empty series, so series indices (and the t99/t100 styling that depends on
     * them) stay in step with {@code cdfs}.
     */
    static XYSeriesCollection dataset(List<Cdf> cdfs) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Cdf cdf : cdfs) {
            XYSeries series = new XYSeries(cdf.name(), false, true);
            double before = 0;
            for (int i = 0; i < cdf.ms().length; i++) {
                series.add(cdf.ms()[i], before);
                series.add(cdf.ms()[i], cdf.fraction()[i]);
                before = cdf.fraction()[i];
            }
            dataset.addSeries(series);
        }
        return dataset;
    }
}
