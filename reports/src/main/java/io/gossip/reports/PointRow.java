package io.gossip.reports;

import java.util.List;

/**
 * One row of {@code points.csv}: the aggregate of one point of a sweep for one membership.
 * {@code parameter} is empty and {@code value} is {@link Double#NaN} when the run has no sweep;
 * {@code reliabilityStddev} and the latency means are NaN when the simulator left them empty.
 */
record PointRow(
        int point,
        String parameter,
        double value,
        String membership,
        int repetitions,
        int nodes,
        double c,
        double coverageMean,
        double reliability,
        double reliabilityStddev,
        double pvMean,
        double pvExpected,
        double ivMean,
        double messagesPerNode,
        double duplicateRatio,
        double t99MsMean,
        double t100MsMean) {

    static final String FILE = "points.csv";

    static final List<String> COLUMNS = List.of("point", "parameter", "value", "membership",
            "repetitions", "nodes", "c", "coverage_mean", "reliability",
            "reliability_stddev", "pv_mean", "pv_expected", "iv_mean", "messages_per_node",
            "duplicate_ratio", "t99_ms_mean", "t100_ms_mean");

    static PointRow parse(CsvRow row) throws ReportException {
        return new PointRow(
                row.integer("point"),
                row.text("parameter"),
                row.optionalNumber("value"),
                row.membership(),
                row.integer("repetitions"),
                row.integer("nodes"),
                row.number("c"),
                row.number("coverage_mean"),
                row.number("reliability"),
                row.optionalNumber("reliability_stddev"),
                row.number("pv_mean"),
                row.number("pv_expected"),
                row.number("iv_mean"),
                row.number("messages_per_node"),
                row.number("duplicate_ratio"),
                row.optionalNumber("t99_ms_mean"),
                row.optionalNumber("t100_ms_mean"));
    }

    /** How the point is named on a category axis: {@code c=2} for a sweep, else {@code point 0}. */
    String label() {
        if (parameter.isEmpty() || Double.isNaN(value)) {
            return "point " + point;
        }
        return parameter + "=" + Numbers.compact(value);
    }
}
