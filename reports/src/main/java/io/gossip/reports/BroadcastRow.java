package io.gossip.reports;

import java.util.List;

/**
 * One row of {@code broadcasts.csv}: the outcome of one broadcast. Latencies are
 * {@link Double#NaN} when the broadcast never reached that fraction of the nodes.
 */
record BroadcastRow(
        int point,
        String membership,
        int repetition,
        int broadcast,
        double sentMs,
        int liveNodes,
        int reached,
        double coverage,
        boolean complete,
        double t50Ms,
        double t99Ms,
        double t100Ms,
        long messages,
        long duplicates) {

    static final String FILE = "broadcasts.csv";

    static final List<String> COLUMNS = List.of("point", "membership", "repetition", "broadcast",
            "sent_ms", "live_nodes", "reached", "coverage", "complete", "t50_ms", "t99_ms", "t100_ms",
            "messages", "duplicates");

    static BroadcastRow parse(CsvRow row) throws ReportException {
        return new BroadcastRow(
                row.integer("point"),
                row.membership(),
                row.integer("repetition"),
                row.integer("broadcast"),
                row.number("sent_ms"),
                row.integer("live_nodes"),
                row.integer("reached"),
                row.number("coverage"),
                row.bool("complete"),
                row.optionalNumber("t50_ms"),
                row.optionalNumber("t99_ms"),
                row.optionalNumber("t100_ms"),
                row.longInteger("messages"),
                row.longInteger("duplicates"));
    }
}
