package io.gossip.reports;

import java.util.List;

/**
 * One row of {@code broadcasts.csv}: the outcome of one broadcast. Latencies are
 * {@link Double#NaN} when the broadcast never reached that fraction of the nodes.
 *
 * <p>A broadcast whose reference set is empty ({@code live_nodes} 0: every node live when it was
 * sent was gone by the end) is unmeasured ({@link #measured}): the simulator leaves its
 * {@code coverage} and {@code complete} empty, read as NaN and false, and the charts of coverage,
 * reliability and latency leave it out. Its messages and duplicates are real.
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
        boolean measured = liveNodes > 0;
        for (String column : List.of("coverage", "complete")) {
            checkPresence(row, column, measured);
        }
        return new BroadcastRow(
                row.nonNegativeInt("point"),
                row.membership(),
                row.nonNegativeInt("repetition"),
                row.nonNegativeInt("broadcast"),
                row.nonNegative("sent_ms"),
                liveNodes,
                reached,
                measured ? row.fraction("coverage") : Double.NaN,
                measured && row.bool("complete"),
                row.optionalNonNegative("t50_ms"),
                row.optionalNonNegative("t99_ms"),
                row.optionalNonNegative("t100_ms"),
                row.nonNegativeLong("messages"),
                row.nonNegativeLong("duplicates"));
    }

    /** Whether the broadcast had a reference set to measure it over: its coverage and complete say something. */
    boolean measured() {
        return liveNodes > 0;
    }

    /**
     * Refuses a {@code column} that is empty for a measured broadcast, or holds a value for an
     * unmeasured one: a coverage of 0.0 and complete true, as the simulator once wrote there, claim a
     * figure over no node.
     */
    private static void checkPresence(CsvRow row, String column, boolean measured) throws ReportException {
        String value = row.text(column);
        if (measured && value.isEmpty()) {
            throw row.fail("column '" + column + "' is empty, but live_nodes is " + row.text("live_nodes")
                    + ": only an unmeasured broadcast (live_nodes 0) has no " + column);
        }
        if (!measured && !value.isEmpty()) {
            // The values an earlier build wrote there: its summary.json counted them too, so the
            // folder cannot be read over; the run must be made again.
            throw row.fail("column '" + column + "' is '" + value + "', but live_nodes is 0: an unmeasured"
                    + " broadcast (no node live when it was sent is live at the end) has it empty (a folder written"
                    + " before, with coverage 0.0 and complete true there: run the scenario again)");
        }
    }
}
