package io.gossip.reports;

import java.util.List;

/**
 * One row of {@code nodes.csv}: the state of one node slot at the end of a repetition. A slot in
 * which no node ever joined has its view sizes and message counts empty ({@code joined} false,
 * those figures 0 here): it is left out of the per-node figures.
 */
record NodeRow(int point, String membership, int repetition, String node, boolean alive, boolean joined,
        int partialView, int inView, long messagesSent) {

    static final String FILE = "nodes.csv";

    /** A slot in which a node joined. */
    NodeRow(int point, String membership, int repetition, String node, boolean alive, int partialView, int inView,
            long messagesSent) {
        this(point, membership, repetition, node, alive, true, partialView, inView, messagesSent);
    }

    static final List<String> COLUMNS = List.of("point", "membership", "repetition", "node", "alive",
            "partial_view", "in_view", "messages_sent");

    static NodeRow parse(CsvRow row) throws ReportException {
        int point = row.nonNegativeInt("point");
        String membership = row.membership();
        int repetition = row.nonNegativeInt("repetition");
        String node = row.requiredText("node");
        boolean alive = row.bool("alive");
        if (!alive && row.text("partial_view").isEmpty() && row.text("in_view").isEmpty()
                && row.text("messages_sent").isEmpty()) {
            return new NodeRow(point, membership, repetition, node, false, false, 0, 0, 0);
        }
        return new NodeRow(point, membership, repetition, node, alive, true,
                row.nonNegativeInt("partial_view"),
                row.nonNegativeInt("in_view"),
                row.nonNegativeLong("messages_sent"));
    }
}
