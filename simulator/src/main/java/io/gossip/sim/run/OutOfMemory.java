package io.gossip.sim.run;

import java.util.Locale;

/**
 * The one line a benchmark command ({@code ./bench scale}, {@code ./bench ceiling}) prints instead
 * of an {@link OutOfMemoryError}'s stack trace: the heap the JVM had, how to give it more, and what
 * a node costs, so that the user can size the heap for the node count they asked.
 */
public final class OutOfMemory {
    private OutOfMemory() {
    }

    /**
     * {@code command: out of memory with N nodes: ...}, naming this JVM's largest heap.
     *
     * @param perNode what a node costs in this command, e.g. {@code "about 220-330 B per node"}
     */
    public static String advice(String command, int nodes, String perNode) {
        return String.format(Locale.ROOT, "%s: out of memory with %,d nodes: the heap could grow to %s"
                + " (-Xmx); give it more, e.g. BENCH_JVM_OPTS=-Xmx20g (the default; less on a smaller machine),"
                + " or run fewer nodes: a node takes %s",
                command, nodes, heap(Runtime.getRuntime().maxMemory()), perNode);
    }

    /** A heap size: in GB with one decimal, else in whole MB, or KB below a MB. */
    public static String heap(long bytes) {
        if (bytes < 1L << 20) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / (double) (1L << 10));
        }
        return bytes >= 1L << 30
                ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }
}
