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
            new Row("Nodes", s -> Integer.toString(s.nodes())),
            new Row("c", s -> Numbers.compact(s.c())),
            new Row("Coverage mean", s -> Numbers.percent(s.coverageMean())),
            new Row("Coverage min", s -> Numbers.percent(s.coverageMin())),
            new Row("Reliability (broadcasts reaching all)", s -> Numbers.percent(s.reliability())),
            new Row("Latency t50", s -> Numbers.millis(s.latencyT50Ms())),
            new Row("Latency t99", s -> Numbers.millis(s.latencyT99Ms())),
            new Row("Latency t100", s -> Numbers.millis(s.latencyT100Ms())),
            new Row("PartialView mean vs expected (c+1)·ln n",
                    s -> Numbers.compact(s.pvMean()) + " vs " + Numbers.compact(s.pvExpected())),
            new Row("InView mean", s -> Numbers.compact(s.ivMean())),
            new Row("Messages per node", s -> Numbers.compact(s.messagesPerNode())),
            new Row("Duplicate ratio", s -> Numbers.compact(s.duplicateRatio())),
            new Row("Simulated events", s -> Numbers.compact(s.events())),
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
