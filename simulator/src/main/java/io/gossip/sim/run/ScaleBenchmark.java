package io.gossip.sim.run;

import static io.gossip.sim.run.OptionValues.given;
import static io.gossip.sim.run.OptionValues.intValue;
import static io.gossip.sim.run.OptionValues.longValue;

import io.gossip.sim.engine.NodeRepresentation;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The scale benchmark ({@code ./bench scale}): a manual measurement, never run by the tests at
 * size. {@code N} nodes join through SCAMP with uniformly random contacts, then {@code B}
 * broadcasts one second apart from random sources, with uniform 10–100 ms latency and 10 %
 * independent loss on every message (see {@link ScaleRun} for the exact workload).
 *
 * <p>Usage: {@code java -XX:+UseParallelGC -Xmx20g -cp sim.jar io.gossip.sim.run.ScaleBenchmark
 * --nodes N [--c C] [--broadcasts B] [--seed S] [--representation arena|objects] [--warmup-nodes W]
 * [--appender on|off] [--runs K]}
 * (defaults C = 1, B = 10, S = 1: a fixed seed, so two builds measure the same run; the nodes in the
 * arena, or as {@code ScampNode} objects to compare; W = half of N between 20,000 and 50,000
 * ({@link ScaleRun#defaultWarmupNodes}), an untimed warm-up run of the same workload first, 0 for
 * none, see {@link ScaleRun#run}; the appender, a
 * second thread storing the event queue's events, on from 50,000 nodes if the machine has a second
 * core, see {@code Simulation#useAppender}; K = 1 measured run, or K one after another in this JVM,
 * see {@link ScaleRepetitions}). It prints a table for people (with K runs, then a row per run and
 * their median, min and max) and, last, one JSON line per run for scripts. Everything but the
 * wall-clock figures ({@code warmupSeconds}, {@code setupSeconds}, {@code simSeconds}, the rates)
 * and the heap figure is the same for the same options, whatever the warm-up.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    private static final String USAGE = "usage: ScaleBenchmark --nodes N [--c C] [--broadcasts B] [--seed S]"
            + " [--representation arena|objects] [--warmup-nodes W] [--appender on|off] [--runs K] (defaults: C = 1,"
            + " B = 10, S = 1, arena, W = N/2 but at least " + ScaleRun.MIN_DEFAULT_WARMUP_NODES + " and at most "
            + ScaleRun.MAX_DEFAULT_WARMUP_NODES + ", 0 for no warm-up; the appender on"
            + " from 50,000 nodes with a second core; K = 1 measured run)";

    /** What a node costs, for the out-of-memory advice (README, "Performance"). */
    public static final String PER_NODE = "about 220-330 B at the end of a run (the heap figure of the table),"
            + " more at its peak (the event queue)";

    /**
     * {@link #PER_NODE} for a run with {@code c}: the figure is that of c = 0 and 1; a larger c, up to
     * {@link ScaleRun#largestC(int)}, has larger views and far more copies in flight during the joins.
     */
    public static String perNode(int c) {
        return c <= 1 ? PER_NODE : PER_NODE + " with c = 0 or 1; a larger c takes far more (about 11.5 KB at"
                + " 20,000 nodes with c = 10): a smaller --c helps too";
    }

    public static void main(String[] args) {
        int checked = OptionValues.check(args, ScaleBenchmark::parse, System.err);
        if (checked >= 0) {
            System.exit(checked);
            return;
        }
        Invocation invocation = OptionValues.commandLine(args, "scale benchmark", USAGE, ScaleBenchmark::parse);
        if (invocation == null) {
            return;
        }
        ScaleRun.Options options = invocation.options();
        int runs = invocation.runs();
        System.err.printf(Locale.ROOT,
                "scale benchmark: %,d nodes, c = %d, %d broadcasts, seed %d, warm-up %,d nodes%s%n",
                options.nodes(), options.c(), options.broadcasts(), options.seed(), options.warmupNodes(),
                runs == 1 ? "" : String.format(Locale.ROOT, ", %d measured runs", runs));
        List<ScaleRun.Result> results;
        try {
            results = ScaleRepetitions.run(options, runs, System.err);
        } catch (OutOfMemoryError e) {
            System.err.println(OutOfMemory.advice("scale benchmark", options.nodes(), perNode(options.c())));
            System.exit(1);
            return;
        } catch (ScaleRepetitions.Disagreement e) {
            // Runs of one seed that disagree: said in a line, not a stack trace, so that it reads as the finding.
            System.err.println("scale benchmark: " + e.getMessage() + "; nothing measured is printed");
            System.exit(1);
            return;
        }
        printTable(results.get(0), System.out);
        if (runs > 1) {
            System.out.println();
            ScaleRepetitions.printRuns(results, System.out);
        }
        for (int i = 0; i < runs; i++) {
            System.out.println(json(results.get(i), i + 1, runs));
        }
    }

    /** What the command line asks: the options of each run, and how many runs ({@code --runs}, 1 by default). */
    public record Invocation(ScaleRun.Options options, int runs) {
    }

    /**
     * Reads {@code --nodes N [--c C] [--broadcasts B] [--seed S] [--representation R] [--warmup-nodes W]
     * [--appender on|off] [--runs K]}.
     *
     * @throws IllegalArgumentException naming the bad or missing option
     */
    public static Invocation parse(String[] args) {
        Integer nodes = null;
        int c = 1;
        int broadcasts = 10;
        long seed = 1;
        NodeRepresentation representation = NodeRepresentation.ARENA;
        Integer warmupNodes = null;
        Boolean appender = null;
        int runs = 1;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            // Null when the option is last (see OptionValues).
            String value = i + 1 < args.length ? args[++i] : null;
            switch (name) {
                case "--nodes" -> nodes = intValue(name, value, 2);
                case "--c" -> c = intValue(name, value, 0);
                case "--broadcasts" -> broadcasts = intValue(name, value, 1);
                case "--seed" -> seed = longValue(name, value);
                case "--representation" -> representation = representation(name, value);
                case "--warmup-nodes" -> warmupNodes = intValue(name, value, 0);
                case "--appender" -> appender = onOff(name, value);
                case "--runs" -> runs = intValue(name, value, 1);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (nodes == null) {
            throw new IllegalArgumentException("--nodes is required");
        }
        ScaleRun.requireFits("--nodes " + nodes + " and --broadcasts " + broadcasts, nodes, broadcasts);
        ScaleRun.requireBroadcasts(broadcasts, "each keeps about 400 B of memory until the run ends");
        int warmup = warmupNodes == null ? ScaleRun.defaultWarmupNodes(nodes) : warmupNodes;
        ScaleRun.requireFits("--warmup-nodes " + warmup, warmup, ScaleRun.WARMUP_BROADCASTS);
        ScaleRun.requireC(c, nodes, "with " + nodes + " nodes");
        if (warmup >= 2) { // 1 is refused as no warm-up size at all (ScaleRun.Options)
            // The warm-up runs the same c on its own nodes.
            ScaleRun.requireC(c, warmup, String.format(Locale.ROOT, "with a warm-up of %d nodes (--warmup-nodes %s)",
                    warmup, warmupNodes == null ? "W sets it, 0 for none" : warmup));
        }
        ScaleRun.Options options = appender == null
                ? new ScaleRun.Options(nodes, c, broadcasts, seed, representation, warmup)
                : new ScaleRun.Options(nodes, c, broadcasts, seed, representation, warmup, appender);
        return new Invocation(options, runs);
    }

    private static boolean onOff(String name, String value) {
        return switch (given(name, value)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be on or off, got '" + value + "'");
        };
    }

    private static NodeRepresentation representation(String name, String value) {
        return switch (given(name, value)) {
            case "arena" -> NodeRepresentation.ARENA;
            case "objects" -> NodeRepresentation.OBJECTS;
            default -> throw new IllegalArgumentException(
                    "--representation must be arena or objects, got '" + value + "'");
        };
    }

    /** A row's label, as wide as the longest ("  joins (until the first broadcast)"), so that the values line up. */
    private static final String LABEL = "%-35s ";

    static void printTable(ScaleRun.Result r, PrintStream out) {
        ScaleRun.Options o = r.options();
        out.printf(Locale.ROOT, LABEL + "%,d%n", "nodes", o.nodes());
        out.printf(Locale.ROOT, LABEL + "%d%n", "c", o.c());
        out.printf(Locale.ROOT, LABEL + "%d (seed %d)%n", "broadcasts", o.broadcasts(), o.seed());
        out.printf(Locale.ROOT, LABEL + "%s%n", "nodes held as",
                r.representation() == NodeRepresentation.ARENA ? "ScampArena (primitive arrays)" : "ScampNode objects");
        out.printf(Locale.ROOT, LABEL + "%s%n", "appender (second thread)", o.appender() ? "on" : "off");
        out.printf(Locale.ROOT, LABEL + "%,d%n", "events (messages delivered)", r.events());
        out.printf(Locale.ROOT, LABEL + "%,d%n", "wakeups handled (not counted)", r.wakeups());
        out.printf(Locale.ROOT, LABEL + "%,d%n", "messages sent", r.messagesSent());
        out.printf(Locale.ROOT, LABEL + "%.1f s%n", "virtual time", r.virtualSeconds());
        out.printf(Locale.ROOT, LABEL + "%s%n", "warm-up (wall, not in any figure)", o.warmupNodes() == 0 ? "none"
                : String.format(Locale.ROOT, "%,d nodes, %.2f s", o.warmupNodes(), r.warmupSeconds()));
        out.printf(Locale.ROOT, LABEL + "%.2f s%n", "setup (wall)", r.setupSeconds());
        out.printf(Locale.ROOT, LABEL + "%.2f s%n", "simulation (wall)", r.simSeconds());
        out.printf(Locale.ROOT, LABEL + "%.2f s%n", "simulation (CPU of its thread)", r.simCpuSeconds());
        out.printf(Locale.ROOT, LABEL + "%.3f M%n", "events per second", r.eventsPerSecond() / 1e6);
        out.printf(Locale.ROOT, LABEL + "%,d events in %.2f s: %.3f M/s%n", "  joins (until the first broadcast)",
                r.joinPhaseEvents(), r.joinPhaseSeconds(), r.joinPhaseEventsPerSecond() / 1e6);
        out.printf(Locale.ROOT, LABEL + "%,d events in %.2f s: %.3f M/s%n", "  broadcasts (from the first on)",
                r.broadcastPhaseEvents(), r.broadcastPhaseSeconds(), r.broadcastPhaseEventsPerSecond() / 1e6);
        out.printf(Locale.ROOT, LABEL + "%,d B (JVM baseline of %,d KB included)%n", "heap per node (after full GC)",
                r.heapBytesPerNode(), r.heapBaselineBytes() >> 10);
        out.printf(Locale.ROOT, LABEL + "%.6f (min %.6f)%n", "coverage (mean over broadcasts)", r.coverage(),
                r.coverageMin());
        out.printf(Locale.ROOT, LABEL + "%.3f (expected (c+1)·ln n = %.3f)%n", "mean PartialView",
                r.partialViewMean(), (o.c() + 1) * Math.log(o.nodes()));
        out.printf(Locale.ROOT, LABEL + "%s%n", "core-to-core round trip (wall)", roundTrips(r));
    }

    /**
     * The cores' round trip before and after the run, for the table: where the host had put the two
     * cores while the run's rates were measured ({@link CoreRoundTrip}).
     */
    static String roundTrips(ScaleRun.Result r) {
        if (Double.isNaN(r.coreRoundTripNanosBefore()) && Double.isNaN(r.coreRoundTripNanosAfter())) {
            return "not measured (one processor)";
        }
        return String.format(Locale.ROOT, "%s ns before the run, %s ns after", nanos(r.coreRoundTripNanosBefore()),
                nanos(r.coreRoundTripNanosAfter()));
    }

    private static String nanos(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** A JSON number with one decimal, or null for NaN (not measured). */
    private static String jsonNumber(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The result of a single run as one JSON object on one line (see {@link #json(ScaleRun.Result, int, int)}). */
    static String json(ScaleRun.Result r) {
        return json(r, 1, 1);
    }

    /** Run {@code run} of {@code runs} as one JSON object on one line, keys in a fixed order. */
    static String json(ScaleRun.Result r, int run, int runs) {
        ScaleRun.Options o = r.options();
        return String.format(Locale.ROOT,
                "{\"benchmark\":\"scale\",\"nodes\":%d,\"c\":%d,\"broadcasts\":%d,\"seed\":%d,"
                        + "\"representation\":\"%s\",\"appender\":%b,\"events\":%d,"
                        + "\"wakeups\":%d,\"messagesSent\":%d,\"virtualSeconds\":%.3f,"
                        + "\"warmupNodes\":%d,\"warmupSeconds\":%.3f,\"setupSeconds\":%.3f,"
                        + "\"simSeconds\":%.3f,\"simCpuSeconds\":%.3f,\"eventsPerSecond\":%.0f,"
                        + "\"joinPhaseEvents\":%d,\"joinPhaseSeconds\":%.3f,\"joinPhaseEventsPerSecond\":%.0f,"
                        + "\"broadcastPhaseEvents\":%d,\"broadcastPhaseSeconds\":%.3f,"
                        + "\"broadcastPhaseEventsPerSecond\":%.0f,"
                        + "\"heapBytesPerNode\":%d,\"heapBaselineBytes\":%d,"
                        + "\"coverage\":%.6f,\"coverageMin\":%.6f,\"partialViewMean\":%.4f,"
                        + "\"coreRoundTripNanosBefore\":%s,\"coreRoundTripNanosAfter\":%s,\"run\":%d,\"runs\":%d}",
                o.nodes(), o.c(), o.broadcasts(), o.seed(), r.representation().name().toLowerCase(Locale.ROOT),
                o.appender(), r.events(), r.wakeups(), r.messagesSent(),
                r.virtualSeconds(), o.warmupNodes(), r.warmupSeconds(), r.setupSeconds(), r.simSeconds(),
                r.simCpuSeconds(), r.eventsPerSecond(),
                r.joinPhaseEvents(), r.joinPhaseSeconds(), r.joinPhaseEventsPerSecond(),
                r.broadcastPhaseEvents(), r.broadcastPhaseSeconds(), r.broadcastPhaseEventsPerSecond(),
                r.heapBytesPerNode(), r.heapBaselineBytes(),
                r.coverage(), r.coverageMin(), r.partialViewMean(), jsonNumber(r.coreRoundTripNanosBefore()),
                jsonNumber(r.coreRoundTripNanosAfter()), run, runs);
    }
}
