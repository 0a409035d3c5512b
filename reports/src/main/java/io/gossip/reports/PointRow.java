package io.gossip.reports;

import java.util.List;

/**
 * One row of {@code points.csv}: the aggregate of one point of a sweep for one membership.
 * {@code parameter} and {@code valueText} are empty when the run has no sweep; {@code value} is the
 * swept value as a number, {@link Double#NaN} when there is none or it is a word (a sweep over
 * {@code membership.type} or {@code protocol.indirection} is categorical). Coverage, reliability,
 * their deviation, the duplicate ratio and the latency means are NaN when the simulator left them
 * empty, as it does for a run without broadcasts; the PartialView and InView means too, as for a run
 * whose every node crashed or left before the end. {@code pvMeanStddev} (column {@code pv_mean_stddev},
 * the spread across repetitions of each repetition's mean PartialView) is NaN when empty, and when
 * the file has no such column: the simulator added it at the end of the row later, so a
 * {@code points.csv} written before still reads.
 */
record PointRow(
        int point,
        String parameter,
        String valueText,
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
        double t100MsMean,
        double pvMeanStddev) {

    static final String FILE = "points.csv";

    static final List<String> COLUMNS = List.of("point", "parameter", "value", "membership",
            "repetitions", "nodes", "c", "coverage_mean", "reliability",
            "reliability_stddev", "pv_mean", "pv_expected", "iv_mean", "messages_per_node",
            "duplicate_ratio", "t99_ms_mean", "t100_ms_mean");

    /** The spread of the repetitions' mean PartialView: not in {@link #COLUMNS}, a file may predate it. */
    static final String PV_MEAN_STDDEV = "pv_mean_stddev";

    static PointRow parse(CsvRow row) throws ReportException {
        return new PointRow(
                row.nonNegativeInt("point"),
                row.text("parameter"),
                row.text("value"),
                numericOrNaN(row.text("value")),
                row.membership(),
                row.nonNegativeInt("repetitions"),
                row.nonNegativeInt("nodes"),
                row.nonNegative("c"),
                row.optionalFraction("coverage_mean"),
                row.optionalFraction("reliability"),
                // A standard deviation of reliabilities (fractions) is 0.5 at most.
                row.optionalFraction("reliability_stddev"),
                row.optionalNonNegative("pv_mean"),
                row.nonNegative("pv_expected"),
                row.optionalNonNegative("iv_mean"),
                row.nonNegative("messages_per_node"),
                row.optionalFraction("duplicate_ratio"),
                row.optionalNonNegative("t99_ms_mean"),
                row.optionalNonNegative("t100_ms_mean"),
                row.has(PV_MEAN_STDDEV) ? row.optionalNonNegative(PV_MEAN_STDDEV) : Double.NaN);
    }

    /** How the point is named on a category axis: {@code c=2} for a sweep, else {@code point 0}. */
    String label() {
        if (parameter.isEmpty() || valueText.isEmpty()) {
            return "point " + point;
        }
        return parameter + "=" + (Double.isNaN(value) ? valueText : Numbers.compact(value));
    }

    /**
     * How the point is named on a category axis whose label names the parameter: the swept value
     * alone ({@code 2}, {@code 0.1}, {@code scamp}), else {@code point 0}.
     */
    String valueLabel() {
        if (parameter.isEmpty() || valueText.isEmpty()) {
            return "point " + point;
        }
        return Double.isNaN(value) ? valueText : Numbers.compact(value);
    }

    /**
     * One standard error of the mean reliability across repetitions: the simulator's population
     * standard deviation of the per-repetition reliabilities, scaled to the sample estimate and
     * divided by √repetitions, i.e. {@code stddev / √(repetitions − 1)}. NaN with one repetition
     * or no recorded deviation.
     */
    double reliabilityStandardError() {
        if (repetitions < 2 || Double.isNaN(reliabilityStddev)) {
            return Double.NaN;
        }
        return reliabilityStddev / Math.sqrt(repetitions - 1);
    }

    /**
     * One standard error of the mean PartialView across repetitions, from the population standard
     * deviation of the repetitions' means as {@link #reliabilityStandardError}: NaN with one
     * repetition or no recorded deviation.
     */
    double pvMeanStandardError() {
        if (repetitions < 2 || Double.isNaN(pvMeanStddev)) {
            return Double.NaN;
        }
        return pvMeanStddev / Math.sqrt(repetitions - 1);
    }

    /** The swept value as a number, or NaN when it is empty or a word ({@code scamp}, {@code true}). */
    static double numericOrNaN(String text) {
        return CsvRow.isDecimal(text) ? Double.parseDouble(text) : Double.NaN;
    }
}
