package io.gossip.sim.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code points.csv}: one row per point × membership (docs/results-format.md). Columns added
 * later ({@code pv_mean_stddev}) go at the end of the row.
 */
public final class PointsCsv {
    private static final String HEADER = "point,parameter,value,membership,repetitions,nodes,c,coverage_mean,"
            + "coverage_min,reliability,reliability_stddev,pv_mean,pv_expected,iv_mean,messages_per_node,"
            + "duplicate_ratio,t99_ms_mean,t100_ms_mean,pv_mean_stddev";

    private PointsCsv() {
    }

    public static void write(Path file, List<PointSummary> points) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (PointSummary p : points) {
                Aggregate a = p.aggregate();
                w.write(p.point() + "," + text(p.parameter()) + "," + text(p.value()) + "," + p.membership() + ","
                        + p.scenario().repetitions() + "," + p.scenario().nodes() + "," + p.scenario().protocol().c()
                        + "," + Decimal.orEmpty(a.coverage.mean()) + "," + Decimal.orEmpty(a.coverage.min()) + ","
                        + Decimal.orEmpty(a.reliability()) + "," + Decimal.orEmpty(a.reliabilitySpread()) + ","
                        + Decimal.orEmpty(a.partialView.mean()) + "," + Decimal.orEmpty(a.expected.mean()) + ","
                        + Decimal.orEmpty(a.inView.mean()) + ","
                        + Decimal.orEmpty(a.messagesPerNode()) + "," + Decimal.orEmpty(a.duplicateRatio()) + ","
                        + Decimal.orEmpty(a.t99.mean()) + "," + Decimal.orEmpty(a.t100.mean()) + ","
                        // Appended last, so readers that take columns by position keep working.
                        + Decimal.orEmpty(a.partialViewMeanSpread()) + "\n");
            }
        }
    }

    private static String text(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a swept parameter or value must not contain a comma: " + s);
        }
        return s;
    }
}
