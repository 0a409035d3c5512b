package io.gossip.sim.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The scale benchmark's {@code --runs K}: the same options measured K times, one run after another
 * in one JVM, so that a figure can be read as a median and a range instead of one draw.
 *
 * <p>Why: on a shared machine one run's rates swing by a quarter or more between minutes (the
 * README's tables give such ranges), far more than most changes a build makes. Runs after the
 * first skip the warm-up: the first measured run has compiled everything the later ones execute.
 * They run one at a time, never side by side, because two runs on two cores would each take the
 * core the other's appender uses. Every run must report the same events, wakeups, messages,
 * coverage and views (the seed fixes them): a run that differs is a bug, reported as such, not
 * averaged away.
 */
final class ScaleRepetitions {
    private ScaleRepetitions() {
    }

    /** Measures {@code options} {@code runs} times; only the first run has its warm-up. */
    static List<ScaleRun.Result> run(ScaleRun.Options options, int runs, PrintStream log) {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
        }
        List<ScaleRun.Result> results = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            if (runs > 1 && log != null) {
                log.printf(Locale.ROOT, "run %d of %d%n", i + 1, runs);
            }
            results.add(ScaleRun.run(i == 0 ? options : withoutWarmup(options), log));
            if (i > 0) {
                checkSameOutcome(results.get(0), results.get(i));
            }
        }
        return results;
    }

    private static ScaleRun.Options withoutWarmup(ScaleRun.Options o) {
        return new ScaleRun.Options(o.nodes(), o.c(), o.broadcasts(), o.seed(), o.representation(), 0,
                o.appender());
    }

    /** Runs of the same options that differ in something the seed decides: a determinism bug. */
    static final class Disagreement extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Disagreement(String message) {
            super(message);
        }
    }

    /**
     * Throws if {@code other} differs from {@code first} in anything the seed decides.
     *
     * @throws Disagreement naming the first figure that differs
     */
    static void checkSameOutcome(ScaleRun.Result first, ScaleRun.Result other) {
        same("events", first.events(), other.events());
        same("wakeups", first.wakeups(), other.wakeups());
        same("messagesSent", first.messagesSent(), other.messagesSent());
        same("broadcastPhaseEvents", first.broadcastPhaseEvents(), other.broadcastPhaseEvents());
        same("coverage", first.coverage(), other.coverage());
        same("coverageMin", first.coverageMin(), other.coverageMin());
        same("partialViewMean", first.partialViewMean(), other.partialViewMean());
    }

    private static void same(String figure, double first, double other) {
        if (first != other) {
            throw new Disagreement("runs of the same options disagree on " + figure + ": " + first
                    + " in the first run, " + other + " in a later one (the seed should decide it; a bug)");
        }
    }

    /** A row per run, then the median, the smallest and the largest of each column. */
    static void printRuns(List<ScaleRun.Result> results, PrintStream out) {
        List<Column> columns = List.of(
                new Column("simSeconds", "%.2f", 1, ScaleRun.Result::simSeconds),
                new Column("events/s", "%.3f M", 1e6, ScaleRun.Result::eventsPerSecond),
                new Column("joins", "%.3f M/s", 1e6, ScaleRun.Result::joinPhaseEventsPerSecond),
                new Column("broadcasts", "%.3f M/s", 1e6, ScaleRun.Result::broadcastPhaseEventsPerSecond),
                new Column("heap/node", "%.0f B", 1, r -> r.heapBytesPerNode()),
                new Column("cores before", "%.0f ns", 1, ScaleRun.Result::coreRoundTripNanosBefore),
                new Column("cores after", "%.0f ns", 1, ScaleRun.Result::coreRoundTripNanosAfter));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s", "run"));
        for (Column c : columns) {
            header.append(String.format(Locale.ROOT, "%14s", c.name));
        }
        out.println(header);
        for (int i = 0; i < results.size(); i++) {
            ScaleRun.Result r = results.get(i);
            out.println(row(String.valueOf(i + 1), columns, c -> c.of(r)));
        }
        out.println(row("median", columns, c -> median(c.values(results))));
        out.println(row("min", columns, c -> Arrays.stream(c.values(results)).min().orElseThrow()));
        out.println(row("max", columns, c -> Arrays.stream(c.values(results)).max().orElseThrow()));
    }

    private static String row(String label, List<Column> columns, ToDoubleFunction<Column> value) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s", label));
        for (Column c : columns) {
            double v = value.applyAsDouble(c);
            // NaN: not measured (the cores' round trip on one processor).
            line.append(String.format(Locale.ROOT, "%14s",
                    Double.isNaN(v) ? "-" : String.format(Locale.ROOT, c.format, v)));
        }
        return line.toString();
    }

    /** The middle value, or the mean of the two middle ones. */
    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** One figure of the runs table, shown divided by {@code unit}. */
    private record Column(String name, String format, double unit, ToDoubleFunction<ScaleRun.Result> figure) {
        double of(ScaleRun.Result r) {
            return figure.applyAsDouble(r) / unit;
        }

        double[] values(List<ScaleRun.Result> results) {
            return results.stream().mapToDouble(this::of).toArray();
        }
    }
}
