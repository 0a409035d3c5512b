package io.gossip.reports;

import java.util.List;

/** One row of {@code nodes.csv}: the state of one node at the end of a repetition. */
record NodeRow(int point, String membership, int repetition, String node, boolean alive,
        int partialView, int inView, long messagesSent) {

    static final String FILE = "nodes.csv";

    static final List<String> COLUMNS = List.of("point", "membership", "repetition", "node", "alive",
            "partial_view", "in_view", "messages_sent");

    static NodeRow parse(CsvRow row) throws ReportException {
        return new NodeRow(
                row.nonNegativeInt("point"),
                row.membership(),
                row.nonNegativeInt("repetition"),
                row.requiredText("node"),
                row.bool("alive"),
                row.nonNegativeInt("partial_view"),
                row.nonNegativeInt("in_view"),
                row.nonNegativeLong("messages_sent"));
    }
}
