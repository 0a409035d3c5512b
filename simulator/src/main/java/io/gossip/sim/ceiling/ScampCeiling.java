package io.gossip.sim.ceiling;

import static io.gossip.sim.run.OptionValues.intValue;
import static io.gossip.sim.run.OptionValues.longValue;

import io.gossip.sim.run.OptionValues;
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
 * and a JSON line.
 */
public final class ScampCeiling {
    private ScampCeiling() {
    }

    /** What the command line asks for. */
    record Options(int nodes, int c, int broadcasts, long seed) {
    }

    public static void main(String[] args) {
        Options o = OptionValues.commandLine(args, "ceiling",
                "Usage: ./bench ceiling --nodes N [--c C] [--broadcasts B] [--seed S]", ScampCeiling::parse);
        if (o == null) {
            return;
        }
        print(new CeilingRun(o.nodes(), o.c(), o.broadcasts(), o.seed()).run(), System.out);
    }

    /** The options, or an {@link IllegalArgumentException} that says what is wrong. */
    static Options parse(String[] args) {
        int nodes = -1;
        int c = 1;
        int broadcasts = 10;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            // Null when the option is last (see OptionValues).
            String value = i + 1 < args.length ? args[++i] : null;
            switch (option) {
                case "--nodes" -> nodes = intValue(option, value);
                case "--c" -> c = intValue(option, value);
                case "--broadcasts" -> broadcasts = intValue(option, value);
                case "--seed" -> seed = longValue(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (nodes < 2) {
            throw new IllegalArgumentException("--nodes N (at least 2) is required");
        }
        return new Options(nodes, c, broadcasts, seed);
    }

    static void print(CeilingRun.Result r, PrintStream out) {
        out.printf(Locale.ROOT, "ceiling loop: %,d nodes, c = %d, %d broadcasts: %,d events in %.2f s, %.3f M/s;"
                + " coverage %.6f, mean PartialView %.3f%n", r.nodes(), r.c(), r.broadcasts(), r.events(),
                r.simSeconds(), r.eventsPerSecond() / 1e6, r.coverage(), r.partialViewMean());
        out.printf(Locale.ROOT, "{\"benchmark\":\"ceiling\",\"nodes\":%d,\"c\":%d,\"broadcasts\":%d,\"seed\":%d,"
                + "\"events\":%d,\"messagesSent\":%d,\"timersFired\":%d,\"simSeconds\":%.3f,\"eventsPerSecond\":%d,"
                + "\"coverage\":%.6f,\"partialViewMean\":%.4f,\"partialViewMax\":%d}%n", r.nodes(), r.c(),
                r.broadcasts(), r.seed(), r.events(), r.messagesSent(), r.timersFired(), r.simSeconds(),
                Math.round(r.eventsPerSecond()), r.coverage(), r.partialViewMean(), r.partialViewMax());
    }
}
