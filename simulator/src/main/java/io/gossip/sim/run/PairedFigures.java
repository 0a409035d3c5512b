package io.gossip.sim.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The figures {@link ScaleComparison} reads from each build's JSON line, pair by pair, and what it
 * makes of them: per figure, the mean of each build over the pairs, the change of the candidate's
 * mean against the base's, the range of the pairs' own ratios, and in how many pairs the candidate
 * did better. A pair ran both builds at the same time, so each ratio compares two runs that met the
 * same minutes of the machine; the spread of the ratios, not of the figures, says what the change
 * is worth.
 */
final class PairedFigures {
    /** A figure of the scale benchmark's JSON line, and whether less of it is better. */
    enum Figure {
        SIM_SECONDS("simSeconds", "whole run, s", true),
        SIM_CPU_SECONDS("simCpuSeconds", "whole run, CPU s", true),
        JOIN_PHASE_SECONDS("joinPhaseSeconds", "join phase, s", true),
        BROADCAST_RATE("broadcastPhaseEventsPerSecond", "broadcast phase, events/s", false),
        EVENTS_PER_SECOND("eventsPerSecond", "whole run, events/s", false),
        HEAP_PER_NODE("heapBytesPerNode", "heap per node, B", true);

        final String key;
        final String label;
        final boolean lessIsBetter;

        Figure(String key, String label, boolean lessIsBetter) {
            this.key = key;
            this.label = label;
            this.lessIsBetter = lessIsBetter;
        }
    }

    /** One build's run in one pair: its events (to check both simulated the same run) and its figures. */
    record Run(long events, double[] figures) {
        /**
         * Reads a run from the scale benchmark's JSON line.
         *
         * @throws IllegalArgumentException if the line is not JSON or lacks a figure
         */
        static Run of(String jsonLine) {
            JsonNode json;
            try {
                json = JSON.readTree(jsonLine);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a JSON line: " + jsonLine, e);
            }
            double[] figures = new double[Figure.values().length];
            for (Figure f : Figure.values()) {
                figures[f.ordinal()] = number(json, f.key).asDouble();
            }
            return new Run(number(json, "events").asLong(), figures);
        }

        double figure(Figure f) {
            return figures[f.ordinal()];
        }
    }

    /** A pair: the base's run and the candidate's, made at the same time. */
    record Pair(Run base, Run candidate) {
        double ratio(Figure f) {
            return candidate.figure(f) / base.figure(f);
        }

        boolean candidateBetter(Figure f) {
            double b = base.figure(f);
            double c = candidate.figure(f);
            return f.lessIsBetter ? c < b : c > b;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PairedFigures() {
    }

    private static JsonNode number(JsonNode json, String key) {
        JsonNode value = json.path(key);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("no number '" + key + "' in " + json);
        }
        return value;
    }

    /** The row of one pair: each figure as base -> candidate, under {@link #printHeader}'s columns. */
    static void printPair(int index, Pair pair, PrintStream out) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-5d", index));
        for (Figure f : Figure.values()) {
            String cell = format(f, pair.base().figure(f)) + " -> " + format(f, pair.candidate().figure(f));
            row.append("  ").append(pad(cell, width(f)));
        }
        out.println(row.toString().stripTrailing());
    }

    /** The header of the pairs' rows. */
    static void printHeader(PrintStream out) {
        StringBuilder row = new StringBuilder("pair ");
        for (Figure f : Figure.values()) {
            row.append("  ").append(pad(f.key, width(f)));
        }
        out.println(row.toString().stripTrailing() + "   (base -> candidate)");
    }

    /** A column as wide as its name or a cell such as {@code 12.345 M -> 12.345 M}. */
    private static int width(Figure f) {
        return Math.max(f.key.length(), 22);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** Per figure: both means, the change, the pairs' ratios, and how often the candidate did better. */
    static void printSummary(List<Pair> pairs, PrintStream out) {
        out.printf(Locale.ROOT, "%-28s %14s %14s %9s %19s %12s%n", "figure", "base mean", "candidate mean", "change",
                "pair ratios", "candidate");
        for (Figure f : Figure.values()) {
            double base = 0;
            double candidate = 0;
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            int better = 0;
            for (Pair p : pairs) {
                base += p.base().figure(f);
                candidate += p.candidate().figure(f);
                lowest = Math.min(lowest, p.ratio(f));
                highest = Math.max(highest, p.ratio(f));
                better += p.candidateBetter(f) ? 1 : 0;
            }
            base /= pairs.size();
            candidate /= pairs.size();
            out.printf(Locale.ROOT, "%-28s %14s %14s %+8.1f%% %9.3f - %-7.3f %4d of %d better%n", f.label,
                    format(f, base), format(f, candidate), 100 * (candidate / base - 1), lowest, highest, better,
                    pairs.size());
        }
    }

    private static String format(Figure f, double value) {
        return switch (f) {
            case BROADCAST_RATE, EVENTS_PER_SECOND -> String.format(Locale.ROOT, "%.3f M", value / 1e6);
            case HEAP_PER_NODE -> String.format(Locale.ROOT, "%.0f", value);
            default -> String.format(Locale.ROOT, "%.3f", value);
        };
    }
}
