package io.gossip.reports;

import java.util.List;

/**
 * One row of {@code coverage.csv}: how many live nodes one broadcast had reached {@code tMs}
 * milliseconds after it was sent, and that as a fraction of them.
 */
record CoverageRow(int point, String membership, int repetition, int broadcast, double tMs,
        int reached, double coverage) {

    static final String FILE = "coverage.csv";

    static final List<String> COLUMNS =
            List.of("point", "membership", "repetition", "broadcast", "t_ms", "reached", "coverage");

    static CoverageRow parse(CsvRow row) throws ReportException {
        return new CoverageRow(
                row.nonNegativeInt("point"),
                row.membership(),
                row.nonNegativeInt("repetition"),
                row.nonNegativeInt("broadcast"),
                row.nonNegative("t_ms"),
                row.nonNegativeInt("reached"),
                row.fraction("coverage"));
    }

    /** Identifies the broadcast this sample belongs to, across points and repetitions. */
    BroadcastKey key() {
        return new BroadcastKey(point, membership, repetition, broadcast);
    }

    /** One broadcast of one repetition of one point. */
    record BroadcastKey(int point, String membership, int repetition, int broadcast)
            implements Comparable<BroadcastKey> {
        @Override
        public int compareTo(BroadcastKey o) {
            int c = Integer.compare(point, o.point);
            if (c == 0) {
                c = membership.compareTo(o.membership);
            }
            if (c == 0) {
                c = Integer.compare(repetition, o.repetition);
            }
            return c != 0 ? c : Integer.compare(broadcast, o.broadcast);
        }
    }
}
