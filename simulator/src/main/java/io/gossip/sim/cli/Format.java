package io.gossip.sim.cli;

import java.util.Locale;

/** Number formatting for the command line's human-readable output (never for result files). */
final class Format {
    private Format() {
    }

    /** "250 ms", "12.5 s", "3 min 20 s", "27 h 47 min 9 s", "11 d 13 h 46 min 40 s". */
    static String millis(double millis) {
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.4g ms", millis).replaceAll("\\.?0+ ms$", " ms");
        }
        double seconds = millis / 1000;
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds).replace(".0 s", " s");
        }
        long whole = Math.round(seconds);
        if (whole < 7_200) {
            return whole / 60 + " min " + whole % 60 + " s";
        }
        String minutes = whole / 60 % 60 + " min " + whole % 60 + " s";
        long hours = whole / 3_600;
        return hours < 48 ? hours + " h " + minutes : hours / 24 + " d " + hours % 24 + " h " + minutes;
    }

    /** "0:42", "1:02:05" for an estimated remaining time. */
    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** "950", "12.3 k", "4.56 M" for rates and counts. */
    static String count(double value) {
        if (value < 10_000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f k", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.2f M", value / 1e6);
    }

    /** A number with {@code digits} decimals. */
    static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
