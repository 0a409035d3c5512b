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
                row.integer("point"),
                row.membership(),
                row.integer("repetition"),
                row.number("t_ms"),
                row.integer("live_nodes"),
                row.number("pv_mean"),
                row.number("pv_min"),
                row.number("pv_max"),
                row.number("iv_mean"),
                row.number("pv_expected"));
    }
}
