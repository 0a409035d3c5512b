package io.gossip.reports;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * The detail as a reader of a chart wants it: counts and times with thousands separators
     * ({@code nodes=12,000}, {@code until_ms=240,000}), a whole number the simulator wrote as a
     * decimal without its ".0". The simulator writes space-separated {@code key=value} pairs and
     * a few bare words ({@code crash}, {@code not_live}); only the value of a pair that is a plain
     * number changes. Identifiers ({@link #IDENTIFIERS}) stay as written, so they can be found in
     * nodes.csv or broadcasts.csv, which write them without separators.
     */
    String detailText() {
        String[] words = detail.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0 && !IDENTIFIERS.contains(words[i].substring(0, eq))) {
                words[i] = words[i].substring(0, eq + 1) + grouped(words[i].substring(eq + 1));
            }
        }
        return String.join(" ", words);
    }

    /** Keys of events.csv details whose values name a node or a broadcast rather than count. */
    static final Set<String> IDENTIFIERS = Set.of("node", "origin", "source", "broadcast");

    private static final Pattern PLAIN_NUMBER = Pattern.compile("(-?)([0-9]+)(?:\\.([0-9]+))?");

    /** {@code 12000} as {@code 12,000}, {@code 1000.25} as {@code 1,000.25}; anything else as is. */
    private static String grouped(String value) {
        Matcher m = PLAIN_NUMBER.matcher(value);
        if (!m.matches() || m.group(2).length() > 15) {
            return value;
        }
        String fraction = m.group(3) == null || m.group(3).matches("0+") ? "" : "." + m.group(3);
        return m.group(1) + Numbers.grouped(Long.parseLong(m.group(2))) + fraction;
    }

    /**
     * A short label for a chart marker: the action with its detail when that is short, else the
     * action and when it happened. A detail cut short ({@code over_ms=200…}) told nothing and hid its
     * values; the full detail is in events.csv.
     */
    String label() {
        String text = detail.isEmpty() ? action : action + " " + detailText();
        return text.length() <= 28 ? text : action + " at " + Numbers.compact(tMs / 1000) + " s";
    }
}
