package io.gossip.sim.ceiling;

import static io.gossip.sim.run.OptionValues.intValue;
import static io.gossip.sim.run.OptionValues.longValue;

import io.gossip.sim.run.OptionValues;
import io.gossip.sim.run.OutOfMemory;
import io.gossip.sim.run.PhaseWatcher;
import io.gossip.sim.run.ScaleRun;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code ./bench ceiling}: the scale benchmark's workload run by a loop written only to find how
 * fast this machine can run it at all. Same message flow as the simulator (joins through SCAMP with
 * acknowledged, retransmitted membership messages, then push gossip), none of its layers: no
 * {@code Environment}, no counters, no result tables, one class per concern and every state in
 * primitive arrays. See docs/simulator-engine.md ("How far from the limit") for what it measured and
 * what it leaves out.
 *
 * <p>Usage: {@code ScampCeiling --nodes N [--c C] [--broadcasts B] [--seed S]}; prints a line of text
 * and a JSON line. Its limits, refused before the run: N up to {@value LeanNodes#MAX_NODES} (every
 * node's slot of {@value LeanNodes#STRIDE} ints lies in one Java array), and C such that PartialViews
 * of (C + 1)·ln N ids on average fit the {@value LeanNodes#MAX_PARTIAL_VIEW} of a slot and the N - 1
 * other nodes ({@link #largestC}); a run whose largest view outgrows its slot anyway stops with a one-line error.
 */
public final class ScampCeiling {
    private ScampCeiling() {
    }

    static final String USAGE = "Usage: ./bench ceiling --nodes N [--c C] [--broadcasts B] [--seed S]"
            + " (defaults: C = 1, B = 10, S = 1; N at most " + LeanNodes.MAX_NODES + "; C such that PartialViews"
            + " of (C+1)·ln N ids on average fit the " + LeanNodes.MAX_PARTIAL_VIEW + " a node holds here and the"
            + " N-1 other nodes)";

    /** What a node costs here, for the out-of-memory advice. */
    public static final String PER_NODE = "about " + (LeanNodes.STRIDE * Integer.BYTES)
            + " B here (its slot of ints) and a bit per broadcast";

    /** What the command line asks for. */
    public record Options(int nodes, int c, int broadcasts, long seed) {
    }

    public static void main(String[] args) {
        int checked = OptionValues.check(args, ScampCeiling::parse, System.err);
        if (checked >= 0) {
            System.exit(checked);
            return;
        }
        Options o = OptionValues.commandLine(args, "ceiling", USAGE, ScampCeiling::parse);
        if (o == null) {
            return;
        }
        try {
            requireHeap(o.nodes(), o.broadcasts(), Runtime.getRuntime().maxMemory());
        } catch (IllegalStateException e) {
            System.err.println("ceiling: " + e.getMessage());
            System.exit(1);
            return;
        }
        CeilingRun.Result result;
        try {
            result = new CeilingRun(o.nodes(), o.c(), o.broadcasts(), o.seed()).run();
        } catch (IllegalStateException e) {
            // A capacity of the loop's fixed layout (a PartialView's slot, the wheel's window).
            System.err.println("ceiling: the run outgrew the ceiling loop: " + e.getMessage() + "; try a smaller --c");
            System.exit(1);
            return;
        } catch (OutOfMemoryError e) {
            System.err.println(OutOfMemory.advice("ceiling", o.nodes(), PER_NODE));
            System.exit(1);
            return;
        }
        print(result, System.out);
    }

    /**
     * Runs the bare loop as {@code ./bench ceiling} would with {@code args}, telling {@code watcher}
     * where its phases begin and end ({@code ./bench profile --ceiling}).
     *
     * @throws IllegalArgumentException if {@code args} are not options {@code ./bench ceiling} takes
     * @throws IllegalStateException if the run would not fit this JVM's heap, or outgrew the loop's
     *     fixed layout (see {@link #largestC})
     */
    public static CeilingRun.Result run(String[] args, PhaseWatcher watcher) {
        Options o = parse(args);
        requireHeap(o.nodes(), o.broadcasts(), Runtime.getRuntime().maxMemory());
        return new CeilingRun(o.nodes(), o.c(), o.broadcasts(), o.seed()).run(watcher);
    }

    /** The options, or an {@link IllegalArgumentException} that says what is wrong. */
    public static Options parse(String[] args) {
        Integer nodes = null;
        int c = 1;
        int broadcasts = 10;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            // Null when the option is last (see OptionValues).
            String value = i + 1 < args.length ? args[++i] : null;
            switch (option) {
                case "--nodes" -> nodes = intValue(option, value, 2);
                case "--c" -> c = intValue(option, value, 0);
                case "--broadcasts" -> broadcasts = intValue(option, value, 1);
                case "--seed" -> seed = longValue(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (nodes == null) {
            throw new IllegalArgumentException("--nodes is required");
        }
        if (nodes > LeanNodes.MAX_NODES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--nodes must be at most %d here (every"
                    + " node's slot of %d ints lies in one Java array), got %d", LeanNodes.MAX_NODES, LeanNodes.STRIDE,
                    nodes));
        }
        ScaleRun.requireC(c, largestC(nodes), "with " + nodes + " nodes", nodes - 1 <= LeanNodes.MAX_PARTIAL_VIEW
                ? "the " + (nodes - 1) + " others" : LeanNodes.MAX_PARTIAL_VIEW + " here");
        ScaleRun.requireBroadcasts(broadcasts, "each takes a bit per node here");
        return new Options(nodes, c, broadcasts, seed);
    }

    /**
     * Refuses a run whose nodes' slots and broadcast bits alone would not fit a heap of
     * {@code maxHeap} bytes: it would run out of memory before its first event, and the advice
     * printed then (run fewer nodes) would be wrong when the broadcasts are what does not fit. Not
     * part of {@link #parse}: {@code ./bench peersim --pairs} checks the options in a JVM of
     * another heap than the run's.
     *
     * @throws IllegalStateException saying what does not fit
     */
    static void requireHeap(int nodes, int broadcasts, long maxHeap) {
        long slots = (long) nodes * LeanNodes.STRIDE * Integer.BYTES;
        // One long[] per broadcast: an array header and a bit per node.
        long bits = (long) broadcasts * (16 + (nodes + 63L) / 64 * Long.BYTES);
        if (slots + bits > maxHeap) {
            throw new IllegalStateException(String.format(Locale.ROOT, "--nodes %d and --broadcasts %d need %s"
                    + " of heap before the run starts (%s for the nodes' slots, %s for a bit per node and broadcast),"
                    + " more than the %s this JVM may use (-Xmx; BENCH_JVM_OPTS=-Xmx... gives it more)", nodes,
                    broadcasts, OutOfMemory.heap(slots + bits), OutOfMemory.heap(slots), OutOfMemory.heap(bits),
                    OutOfMemory.heap(maxHeap)));
        }
    }

    /**
     * The largest c whose mean PartialView, (c + 1)·ln n, fits the {@value LeanNodes#MAX_PARTIAL_VIEW}
     * ids of a node's slot and the n - 1 other nodes, as the scale benchmark's ({@link
     * ScaleRun#largestC(int, int)}: at least 1; past the n - 1 others every view is full and the
     * joins' extra copies circle until dropped). A c at the bound may still stop the run: the largest
     * views are well above the mean.
     */
    static int largestC(int n) {
        return ScaleRun.largestC(n, Math.min(LeanNodes.MAX_PARTIAL_VIEW, n - 1));
    }

    static void print(CeilingRun.Result r, PrintStream out) {
        out.printf(Locale.ROOT, "ceiling loop: %,d nodes, c = %d, %d broadcasts: %,d events in %.2f s, %.3f M/s"
                + " (join phase %.3f M/s; broadcast phase %,d events in %.2f s, %.3f M/s);"
                + " coverage %.6f, mean PartialView %.3f%n", r.nodes(), r.c(), r.broadcasts(), r.events(),
                r.simSeconds(), r.eventsPerSecond() / 1e6, r.joinPhaseEventsPerSecond() / 1e6,
                r.broadcastPhaseEvents(), r.broadcastPhaseSeconds(), r.broadcastPhaseEventsPerSecond() / 1e6,
                r.coverage(), r.partialViewMean());
        out.printf(Locale.ROOT, "{\"benchmark\":\"ceiling\",\"nodes\":%d,\"c\":%d,\"broadcasts\":%d,\"seed\":%d,"
                + "\"events\":%d,\"messagesSent\":%d,\"timersFired\":%d,\"simSeconds\":%.3f,\"eventsPerSecond\":%d,"
                + "\"joinPhaseEventsPerSecond\":%d,\"broadcastPhaseEvents\":%d,\"broadcastPhaseSeconds\":%.3f,"
                + "\"broadcastPhaseEventsPerSecond\":%d,\"coverage\":%.6f,\"partialViewMean\":%.4f,"
                + "\"partialViewMax\":%d}%n", r.nodes(), r.c(), r.broadcasts(), r.seed(), r.events(),
                r.messagesSent(), r.timersFired(), r.simSeconds(), Math.round(r.eventsPerSecond()),
                Math.round(r.joinPhaseEventsPerSecond()), r.broadcastPhaseEvents(), r.broadcastPhaseSeconds(),
                Math.round(r.broadcastPhaseEventsPerSecond()), r.coverage(), r.partialViewMean(),
                r.partialViewMax());
    }
}
