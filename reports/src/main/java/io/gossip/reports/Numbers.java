package io.gossip.reports;

import java.util.Locale;

/**
 * Formats numbers for labels and tables the same way everywhere, independent of the default
 * locale, so two reports of the same run are byte-identical on any machine.
 */
final class Numbers {
    private Numbers() {
    }

    /** {@code 3} for whole numbers, otherwise at most four significant digits: {@code 0.1235}. */
    static String compact(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.4g", value);
        if (text.contains("e") || text.contains("E")) {
            return text;
        }
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "");
            if (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return text;
    }

    /** A fraction as a percentage with two decimals: {@code 99.80 %}. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    /** A duration in milliseconds with one decimal: {@code 390.0 ms}. */
    static String millis(double ms) {
        return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
