package io.gossip.reports;

import java.util.List;

/** One row of {@code events.csv}: a timeline action of the scenario, as executed. */
record EventRow(int point, String membership, int repetition, double tMs, String action,
        String detail) {

    static final String FILE = "events.csv";

    static final List<String> COLUMNS =
            List.of("point", "membership", "repetition", "t_ms", "action", "detail");

    static EventRow parse(CsvRow row) throws ReportException {
        return new EventRow(
                row.nonNegativeInt("point"),
                row.membership(),
                row.nonNegativeInt("repetition"),
                row.nonNegative("t_ms"),
                row.requiredText("action"),
                row.text("detail"));
    }

    /**
     * A short label for a chart marker: the action with its detail when that is short, else the
     * action and when it happened. A detail cut short ({@code over_ms=200…}) told nothing and hid its
     * values; the full detail is in events.csv.
     */
    String label() {
        String text = detail.isEmpty() ? action : action + " " + detail;
        return text.length() <= 28 ? text : action + " at " + Numbers.compact(tMs / 1000) + " s";
    }
}
