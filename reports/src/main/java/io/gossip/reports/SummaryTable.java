package io.gossip.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rows of the summary table of {@code summary.json}, shared by the run page (one value column)
 * and the comparison page (one column per run), so both name and format every figure alike.
 */
final class SummaryTable {
    private record Row(String label, Function<Summary, String> value) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("Nodes", s -> Numbers.grouped(s.nodes())),
            new Row("c", s -> Numbers.compact(s.c())),
            new Row("Coverage mean", s -> Numbers.percent(s.coverageMean())),
            new Row("Coverage min", s -> Numbers.percent(s.coverageMin())),
            new Row("Reliability (broadcasts reaching all)", s -> Numbers.percent(s.reliability())),
            new Row("Latency t50", s -> Numbers.millis(s.latencyT50Ms())),
            new Row("Latency t99", s -> Numbers.millis(s.latencyT99Ms())),
            new Row("Latency t100", s -> Numbers.millis(s.latencyT100Ms())),
            new Row("PartialView mean vs expected (c+1)·ln n",
                    s -> Numbers.fixed(s.pvMean(), 2) + " vs " + Numbers.fixed(s.pvExpected(), 2)),
            new Row("InView mean", s -> Numbers.fixed(s.ivMean(), 2)),
            new Row("Messages per node", s -> Numbers.fixed(s.messagesPerNode(), 1)),
            // Without broadcasts (reliability null) the simulator writes 0: there is no ratio.
            new Row("Duplicate ratio", s -> Double.isNaN(s.reliability()) ? "–"
                    : Numbers.fixed(s.duplicateRatio(), 3)),
            new Row("Simulated events", s -> Numbers.grouped(s.events())),
            new Row("Seed", Summary::seed));

    private SummaryTable() {
    }

    /** One row per figure: its label, then its value in each summary in order. */
    static List<List<String>> rows(List<Summary> summaries) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : ROWS) {
            List<String> cells = new ArrayList<>();
            cells.add(row.label());
            summaries.forEach(s -> cells.add(row.value().apply(s)));
            rows.add(cells);
        }
        return rows;
    }
}
