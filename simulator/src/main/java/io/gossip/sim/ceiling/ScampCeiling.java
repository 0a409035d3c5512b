package io.gossip.sim.ceiling;

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

    public static void main(String[] args) {
        int nodes = -1;
        int c = 1;
        int broadcasts = 10;
        long seed = 1;
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("-h") || option.equals("--help")) {
                    System.out.println("Usage: ./bench ceiling --nodes N [--c C] [--broadcasts B] [--seed S]");
                    return;
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--nodes" -> nodes = Integer.parseInt(value);
                    case "--c" -> c = Integer.parseInt(value);
                    case "--broadcasts" -> broadcasts = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (nodes < 2) {
                throw new IllegalArgumentException("--nodes N (at least 2) is required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("ceiling: " + e.getMessage());
            System.exit(2);
            return;
        }
        print(new CeilingRun(nodes, c, broadcasts, seed).run(), System.out);
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
