package io.gossip.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The rows of the summary table of {@code summary.json}, shared by the run page (one value column)
 * and the comparison page (one column per run), so both name and format every figure alike.
 *
 * <p>After a sweep the figures aggregate every point, while summary.json's top-level {@code nodes}
 * and {@code c} are the first point's: the table then shows the range of the points' own values
 * with the sweep named (or the one value they all share), and does not set the all-points
 * PartialView mean against a single (c+1)·ln n, which differs from point to point.
 */
final class SummaryTable {
    /** A row of the table, drawn when {@code shown} holds for one of its summaries at least. */
    private record Row(String label, Function<Summary, String> value, Predicate<Summary> shown) {
        Row(String label, Function<Summary, String> value) {
            this(label, value, s -> true);
        }
    }

    /** The label of the measured reliability's row (a run page adds its prediction after it). */
    static final String RELIABILITY = "Reliability (broadcasts reaching all)";

    private static final List<Row> ROWS = List.of(
            new Row("Nodes", s -> perPoint(s, "nodes", s.nodes(), Summary.PointSummary::nodes,
                    Numbers::grouped)),
            new Row("c", s -> perPoint(s, "c", s.c(), Summary.PointSummary::c, Numbers::compact)),
            new Row("Coverage mean", s -> Numbers.percent(s.coverageMean())),
            new Row("Coverage min", s -> Numbers.percent(s.coverageMin())),
            new Row(RELIABILITY, s -> Numbers.percent(s.reliability())),
            new Row("Latency t50", s -> Numbers.millis(s.latencyT50Ms())),
            new Row("Latency t99", s -> Numbers.millis(s.latencyT99Ms())),
            new Row("Latency t100", s -> Numbers.millis(s.latencyT100Ms())),
            // Only where a broadcast had no node left to measure it over: the figures above leave it out.
            new Row("Unmeasured broadcasts (every node live when sent was gone by the end)",
                    s -> Numbers.grouped(s.unmeasuredBroadcasts()) + " of " + Numbers.grouped(s.broadcasts()),
                    s -> s.unmeasuredBroadcasts() > 0),
            new Row("PartialView mean vs expected (c+1)·ln n",
                    s -> s.sweep() == null
                            ? Numbers.fixed(s.pvMean(), 2) + " vs " + Numbers.fixed(s.pvExpected(), 2)
                            // Pooled over points of different n (or c): no single expected value.
                            : Numbers.fixed(s.pvMean(), 2) + " over all points; expected (c+1)·ln n: "
                                    + "per point"),
            new Row("InView mean", s -> Numbers.fixed(s.ivMean(), 2)),
            new Row("Messages per node", s -> Numbers.fixed(s.messagesPerNode(), 1)),
            // Without broadcasts the simulator writes 0: there is no ratio. Unmeasured ones have one.
            new Row("Duplicate ratio", s -> !s.anyBroadcast() ? "–" : Numbers.fixed(s.duplicateRatio(), 3)),
            new Row("Simulated events", s -> Numbers.grouped(s.events())),
            // Only with a live run on the page (only they write drops.kernel): what full socket
            // receive buffers cost it.
            new Row("Datagrams the kernel dropped (full receive buffers)",
                    s -> !s.kernelDropsWritten() ? "–" : Double.isNaN(s.kernelDrops()) ? "not counted (not Linux)"
                            : Numbers.grouped(s.kernelDrops()), Summary::kernelDropsWritten),
            new Row("Seed", Summary::seed));

    private SummaryTable() {
    }

    /**
     * A figure every point records for itself ({@code nodes}, {@code c}): without a sweep the
     * top-level value; with one, the value all points share, or "lowest … highest (sweep of P over
     * N points)". When the points do not all give it, the top-level value stands unless the
     * figure is the swept parameter itself, which is then only named.
     */
    private static String perPoint(Summary s, String name, double topLevel,
            ToDoubleFunction<Summary.PointSummary> of, DoubleFunction<String> format) {
        if (s.sweep() == null) {
            return format.apply(topLevel);
        }
        Map<Integer, Double> byPoint = new TreeMap<>();
        s.points().forEach(p -> byPoint.putIfAbsent(p.point(), of.applyAsDouble(p)));
        String sweep = "sweep of " + s.sweep()
                + (byPoint.isEmpty() ? "" : " over " + Numbers.counted(byPoint.size(), "point"));
        if (byPoint.isEmpty() || byPoint.values().stream().anyMatch(v -> Double.isNaN(v))) {
            return s.sweep().equals(name) ? sweep : format.apply(topLevel);
        }
        double low = byPoint.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = byPoint.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (low == high) {
            return format.apply(low);
        }
        return format.apply(low) + " … " + format.apply(high) + " (" + sweep + ")";
    }

    /** One row per figure: its label, then its value in each summary in order. */
    static List<List<String>> rows(List<Summary> summaries) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : ROWS) {
            if (summaries.stream().noneMatch(row.shown())) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            cells.add(row.label());
            summaries.forEach(s -> cells.add(row.value().apply(s)));
            rows.add(cells);
        }
        return rows;
    }
}
