package io.gossip.reports;

import java.util.List;

/** One row of {@code timeline.csv}: a sample of the membership's view sizes during a run. */
record TimelineRow(int point, String membership, int repetition, double tMs, int liveNodes,
        double pvMean, double pvMin, double pvMax, double ivMean, double pvExpected) {

    static final String FILE = "timeline.csv";

    static final List<String> COLUMNS = List.of("point", "membership", "repetition", "t_ms",
            "live_nodes", "pv_mean", "pv_min", "pv_max", "iv_mean", "pv_expected");

    static TimelineRow parse(CsvRow row) throws ReportException {
        return new TimelineRow(
                row.nonNegativeInt("point"),
                row.membership(),
                row.nonNegativeInt("repetition"),
                row.nonNegative("t_ms"),
                row.nonNegativeInt("live_nodes"),
                row.nonNegative("pv_mean"),
                row.nonNegative("pv_min"),
                row.nonNegative("pv_max"),
                row.nonNegative("iv_mean"),
                row.nonNegative("pv_expected"));
    }
}
