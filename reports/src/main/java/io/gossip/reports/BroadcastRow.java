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
        int liveNodes = row.nonNegativeInt("live_nodes");
        int reached = row.nonNegativeInt("reached");
        // reached counts members of the live reference set, so it cannot exceed it.
        if (reached > liveNodes) {
            throw row.outOfRange("reached", row.text("reached"), "must be at most live_nodes, " + liveNodes);
        }
        return new BroadcastRow(
                row.nonNegativeInt("point"),
                row.membership(),
                row.nonNegativeInt("repetition"),
                row.nonNegativeInt("broadcast"),
                row.nonNegative("sent_ms"),
                liveNodes,
                reached,
                row.fraction("coverage"),
                row.bool("complete"),
                row.optionalNonNegative("t50_ms"),
                row.optionalNonNegative("t99_ms"),
                row.optionalNonNegative("t100_ms"),
                row.nonNegativeLong("messages"),
                row.nonNegativeLong("duplicates"));
    }
}
