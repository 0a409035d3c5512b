package io.gossip.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The per-point table of a sweep's report page: one row per point and membership of
 * {@code points.csv}, so a reader sees the numbers behind the charts against the swept parameter.
 */
final class PointTable {
    private PointTable() {
    }

    /** The header: the swept parameter's name (or "point"), then the figures. */
    static List<String> header(List<PointRow> points) {
        String first = Sweep.of(points).map(Sweep::parameter).orElse("point");
        return List.of(first, "membership", "repetitions", "nodes", "coverage mean", "reliability",
                "± std. error", "PartialView mean", "(c+1)·ln n", "messages per node",
                "duplicate ratio", "t99 mean", "t100 mean");
    }

    /**
     * The rows, ordered by point, SCAMP before the baseline. Each column has one precision (two
     * decimals for view sizes, one for messages, three for the duplicate ratio) so it lines up.
     */
    static List<List<String>> rows(List<PointRow> points) {
        List<List<String>> rows = new ArrayList<>();
        points.stream()
                .sorted(Comparator.comparingInt(PointRow::point)
                        .thenComparingInt(p -> Memberships.ORDER.indexOf(p.membership())))
                .forEach(p -> rows.add(List.of(
                        p.valueText().isEmpty() ? Integer.toString(p.point()) : p.valueText(),
                        p.membership(),
                        Integer.toString(p.repetitions()),
                        Numbers.grouped(p.nodes()),
                        Numbers.percent(p.coverageMean()),
                        Numbers.percent(p.reliability()),
                        Numbers.percent(p.reliabilityStandardError()),
                        Numbers.fixed(p.pvMean(), 2),
                        Numbers.fixed(p.pvExpected(), 2),
                        Numbers.fixed(p.messagesPerNode(), 1),
                        // Without broadcasts (reliability empty) there is no ratio.
                        Double.isNaN(p.reliability()) ? "–" : Numbers.fixed(p.duplicateRatio(), 3),
                        Numbers.millis(p.t99MsMean()),
                        Numbers.millis(p.t100MsMean()))));
        return rows;
    }
}
