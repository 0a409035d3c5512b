package io.gossip.reports;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;

/**
 * The duplicate ratio a reader should expect, in words, from the run's own figures. Every node
 * that gets a gossip forwards it once to its whole PartialView, so with mean PartialView F a
 * broadcast to n nodes costs about n·F copies of which n are first copies: about 1 − 1/F are
 * duplicates. The simulator divides by every copy sent, lost ones and ones sent to crashed nodes
 * included; such a copy never arrives, so it is neither a first copy nor a duplicate, and with
 * loss ε about 1 − ε − 1/F remain.
 */
final class DuplicateExpectation {
    private DuplicateExpectation() {
    }

    /**
     * {@code ; with SCAMP's mean PartialView of 12.1 that is about 0.92}, why the measured value
     * can be lower and, when the network lost messages, by about how much; empty without SCAMP
     * points.
     */
    static String text(RunData run) {
        List<Double> views = run.points().stream()
                .filter(p -> p.membership().equals(CsvRow.SCAMP))
                .map(PointRow::pvMean)
                .filter(pv -> !Double.isNaN(pv) && pv > 0)
                .sorted()
                .toList();
        if (views.isEmpty()) {
            return measured(run);
        }
        double low = views.get(0);
        double high = views.get(views.size() - 1);
        boolean single = Numbers.fixed(low, 1).equals(Numbers.fixed(high, 1));
        String text = single
                ? "; with SCAMP's mean PartialView of " + Numbers.fixed(low, 1) + " that is about "
                        + expected(low, 0)
                : "; with SCAMP's mean PartialView of " + Numbers.fixed(low, 1) + " to "
                        + Numbers.fixed(high, 1) + " across the points that is "
                        + range(expected(low, 0), expected(high, 0));
        text += ". A copy that never arrives (lost by the network, or sent to a crashed node) counts "
                + "as sent but is neither a first copy nor a duplicate, which lowers the measured ratio";
        double loss = run.summary().lossFraction();
        if (!Double.isNaN(loss) && loss > 0) {
            text += ": the network lost " + Numbers.percent(loss) + " of all messages, and with loss ε "
                    + "about 1 − ε − 1/F is left";
            if (single) {
                text += ", here about " + expected(low, loss);
            }
        }
        return text + measured(run);
    }

    /** {@code about 0.94} when both ends round alike, else {@code about 0.89 to 0.95}. */
    static String range(String low, String high) {
        return low.equals(high) ? "about " + low : "about " + low + " to " + high;
    }

    /**
     * With several points, each membership's measured range across them:
     * {@code . Measured across the points: SCAMP 0.34 to 0.94, baseline about 0.95}; else empty.
     */
    static String measured(RunData run) {
        if (run.points().stream().map(PointRow::point).distinct().count() < 2) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String m : Memberships.present(run.points(), PointRow::membership)) {
            DoubleSummaryStatistics ratios = run.points().stream()
                    .filter(p -> p.membership().equals(m) && !Double.isNaN(p.duplicateRatio()))
                    .mapToDouble(PointRow::duplicateRatio).summaryStatistics();
            if (ratios.getCount() > 0) {
                String low = Numbers.fixed(ratios.getMin(), 2);
                String high = Numbers.fixed(ratios.getMax(), 2);
                parts.add(Memberships.shortName(m) + " " + (low.equals(high) ? "about " + low : low + " to " + high));
            }
        }
        return parts.isEmpty() ? "" : ". Measured across the points: " + String.join(", ", parts);
    }

    /** 1 − loss − 1/F with two decimals. */
    static String expected(double fanout, double loss) {
        return Numbers.fixed(1 - loss - 1 / fanout, 2);
    }
}
