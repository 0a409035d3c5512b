package io.gossip.reports;

import java.util.Locale;

/**
 * Formats numbers for labels and tables the same way everywhere, independent of the default
 * locale, so two reports of the same run are byte-identical on any machine.
 */
final class Numbers {
    private Numbers() {
    }

    /**
     * {@code 3} or {@code 100,000} for whole numbers, otherwise at most four significant digits:
     * {@code 0.1235}. From 1,000 on a value is rounded to a whole number with thousands separators
     * ({@code 99,874}), as a count reads in running text; four significant digits there would give
     * {@code 9.987e+04}.
     */
    static String compact(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if ((value == Math.rint(value) || Math.abs(value) >= 1000) && Math.abs(value) < 1e15) {
            return grouped(value);
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

    /** A fixed number of decimals, so a column of a table lines up: {@code 6519.5}; NaN is "–". */
    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A count rounded to a whole number with thousands separators: {@code 6,591,020}; NaN is "–". */
    static String grouped(double count) {
        return Double.isNaN(count) ? "–" : String.format(Locale.ROOT, "%,d", Math.round(count));
    }

    /** {@code 1 broadcast}, {@code 1,400 broadcasts}, {@code 2 crashes}. */
    static String counted(long count, String noun) {
        if (count == 1) {
            return "1 " + noun;
        }
        boolean sibilant = noun.endsWith("s") || noun.endsWith("sh") || noun.endsWith("ch")
                || noun.endsWith("x");
        return grouped(count) + " " + noun + (sibilant ? "es" : "s");
    }

    /** A duration in milliseconds with one decimal: {@code 390.0 ms}. */
    static String millis(double ms) {
        return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
