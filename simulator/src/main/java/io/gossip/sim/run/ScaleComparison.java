package io.gossip.sim.run;

import static io.gossip.sim.run.OptionValues.given;
import static io.gossip.sim.run.OptionValues.intValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * {@code ./bench compare}: the scale benchmark run by two builds side by side, pair after pair, each
 * pair's two runs at the same time, one per core. On a shared machine one build's rate moves by a
 * quarter or more from one minute to the next, so a change of a few per cent shows only between
 * runs that met the same minutes; this is how every change of issue 7 was measured
 * (docs/simulator-engine.md), as a command.
 *
 * <p>Each run is a JVM of its own with {@code -XX:ActiveProcessorCount=1} (so no appender: each
 * build has one core and the loop's thread alone) and {@code -XX:ParallelGCThreads=1}; which build
 * starts first alternates from pair to pair. Both must simulate the same run (same events): if they
 * do not, the change altered results, and the comparison says so before its summary.
 */
public final class ScaleComparison {
    private static final String USAGE = "usage: ScaleComparison --base CLASSPATH --candidate CLASSPATH"
            + " [--base-label TEXT] [--candidate-label TEXT] [--pairs K] [--jvm-options 'OPTIONS']"
            + " --nodes N [scale benchmark options but --runs] (K = 3 pairs by default)";
    /**
     * The options every run gets before {@code --jvm-options} (later ones win, but for the collector:
     * the JVM refuses two, so one named there replaces ParallelGC).
     */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:+UseParallelGC", "-XX:ParallelGCThreads=1",
            "-XX:ActiveProcessorCount=1", "-Xmx10g");
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use[A-Za-z0-9]+GC");
    private static final String SCALE_MAIN = ScaleBenchmark.class.getName();

    private ScaleComparison() {
    }

    /** What the command line asks. */
    record Invocation(String base, String candidate, String baseLabel, String candidateLabel, int pairs,
            List<String> jvmOptions, List<String> scaleArgs) {
    }

    /** The usage {@code ./bench compare} shows for a wrong option ({@link #CHECK}). */
    static final String BENCH_USAGE = "Usage: ./bench compare REV|DIR [--pairs K] [--jvm-options 'OPTIONS'] --nodes N"
            + " [scale options but --runs, --appender] (K = 3 pairs by default; ./bench compare --help for more)";
    /**
     * First argument for a check only: {@code ./bench compare} reads the options this way before it
     * builds the base, so that a wrong one is reported (as {@code bench compare: ...}, with {@link
     * #BENCH_USAGE}, exit 2) before anything is built or run.
     */
    static final String CHECK = "--check";

    public static void main(String[] args) {
        boolean check = args.length > 0 && args[0].equals(CHECK);
        Invocation invocation = check
                ? OptionValues.commandLine(Arrays.copyOfRange(args, 1, args.length), "bench compare", BENCH_USAGE,
                        ScaleComparison::parse)
                : OptionValues.commandLine(args, "scale comparison", USAGE, ScaleComparison::parse);
        if (invocation == null || check) {
            return;
        }
        try {
            run(invocation, javaCommand(), System.out);
        } catch (ChildFailed e) {
            System.err.println("scale comparison: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Reads the comparison's own options wherever they stand; every other option goes to both runs
     * and must be one the scale benchmark takes (checked here, before any run starts).
     *
     * @throws IllegalArgumentException naming the bad or missing option
     */
    static Invocation parse(String[] args) {
        String base = null;
        String candidate = null;
        String baseLabel = "base";
        String candidateLabel = "candidate";
        int pairs = 3;
        List<String> jvmOptions = List.of();
        List<String> scaleArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = i + 1 < args.length ? args[++i] : null; // null: given last (see OptionValues)
            switch (name) {
                case "--base" -> base = given(name, value);
                case "--candidate" -> candidate = given(name, value);
                case "--base-label" -> baseLabel = given(name, value);
                case "--candidate-label" -> candidateLabel = given(name, value);
                case "--pairs" -> pairs = intValue(name, value, 1);
                case "--jvm-options" -> jvmOptions = given(name, value).isBlank() ? List.of()
                        : List.of(value.trim().split("\\s+"));
                case "--runs" -> throw new IllegalArgumentException("--runs is not taken here: each pair runs once; "
                        + "use --pairs");
                case "--appender" -> throw new IllegalArgumentException("--appender is not taken here: each build "
                        + "runs on one core, without the appender (--appender on would start it all the same and "
                        + "share that core)");
                default -> {
                    scaleArgs.add(name);
                    if (value != null) {
                        scaleArgs.add(value);
                    }
                }
            }
        }
        if (base == null || candidate == null) {
            throw new IllegalArgumentException("--base and --candidate are required");
        }
        ScaleBenchmark.parse(scaleArgs.toArray(String[]::new)); // the scale benchmark's own errors, now
        return new Invocation(base, candidate, baseLabel, candidateLabel, pairs, jvmOptions, List.copyOf(scaleArgs));
    }

    /** Runs the pairs, printing a row per pair and then the summary; returns the pairs. */
    static List<PairedFigures.Pair> run(Invocation in, String java, PrintStream out) {
        boolean together = Runtime.getRuntime().availableProcessors() >= 2;
        out.printf(Locale.ROOT, "scale comparison: base = %s (%s)%n", in.baseLabel(), in.base());
        out.printf(Locale.ROOT, "                  candidate = %s (%s)%n", in.candidateLabel(), in.candidate());
        out.printf(Locale.ROOT, "%d %s of: %s%n", in.pairs(), in.pairs() == 1 ? "pair" : "pairs",
                String.join(" ", in.scaleArgs()));
        out.println(together
                ? "each pair runs both builds at once, one core each (no appender), the first to start alternating"
                : "one processor: each pair runs the builds one after the other, the first alternating");
        PairedFigures.printHeader(out);
        List<PairedFigures.Pair> pairs = new ArrayList<>();
        for (int i = 1; i <= in.pairs(); i++) {
            boolean baseFirst = i % 2 == 1;
            List<String> first = command(java, in, baseFirst ? in.base() : in.candidate());
            List<String> second = command(java, in, baseFirst ? in.candidate() : in.base());
            String[] outputs = together ? runTogether(first, second) : new String[] {runAlone(first), runAlone(second)};
            String baseOutput = baseFirst ? outputs[0] : outputs[1];
            String candidateOutput = baseFirst ? outputs[1] : outputs[0];
            PairedFigures.Pair pair = new PairedFigures.Pair(result(in.baseLabel(), baseOutput),
                    result(in.candidateLabel(), candidateOutput));
            pairs.add(pair);
            PairedFigures.printPair(i, pair, out);
        }
        out.println();
        long baseEvents = pairs.get(0).base().events();
        long candidateEvents = pairs.get(0).candidate().events();
        boolean same = pairs.stream().allMatch(p -> p.base().events() == baseEvents
                && p.candidate().events() == baseEvents);
        out.println(same
                ? String.format(Locale.ROOT, "both builds simulated the same run: %,d events", baseEvents)
                : String.format(Locale.ROOT, "THE BUILDS SIMULATED DIFFERENT RUNS: %,d events (base) against %,d "
                        + "(candidate) in the first pair; the change altered results (or a run is not "
                        + "deterministic), so the figures compare different work", baseEvents, candidateEvents));
        PairedFigures.printSummary(pairs, out);
        return pairs;
    }

    /** One run of the scale benchmark with {@code classpath}: the JVM options, then the benchmark's. */
    static List<String> command(String java, Invocation in, String classpath) {
        List<String> command = new ArrayList<>();
        command.add(java);
        boolean collectorGiven = in.jvmOptions().stream().anyMatch(o -> COLLECTOR.matcher(o).matches());
        for (String option : CHILD_JVM_OPTIONS) {
            if (!(collectorGiven && COLLECTOR.matcher(option).matches())) {
                command.add(option);
            }
        }
        command.addAll(in.jvmOptions());
        command.addAll(List.of("-cp", classpath, SCALE_MAIN));
        command.addAll(in.scaleArgs());
        return command;
    }

    private static String[] runTogether(List<String> first, List<String> second) {
        Process a = start(first);
        Process b;
        try {
            b = start(second);
        } catch (ChildFailed e) {
            a.destroyForcibly();
            throw e;
        }
        try {
            CompletableFuture<String> outA = CompletableFuture.supplyAsync(() -> drain(a));
            CompletableFuture<String> outB = CompletableFuture.supplyAsync(() -> drain(b));
            return new String[] {finish(a, first, outA.join()), finish(b, second, outB.join())};
        } catch (RuntimeException e) {
            // One run failed: the other would go on alone, measuring nothing, after this JVM exits.
            a.destroyForcibly();
            b.destroyForcibly();
            throw e;
        }
    }

    private static String runAlone(List<String> command) {
        Process p = start(command);
        return finish(p, command, drain(p));
    }

    private static Process start(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            // A run outlives its JVM's parent unless stopped: Ctrl-C on the comparison stops both.
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
            return p;
        } catch (IOException e) {
            throw new ChildFailed("cannot start " + String.join(" ", command) + ": " + e.getMessage());
        }
    }

    private static String drain(Process p) {
        try (InputStream in = p.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String finish(Process p, List<String> command, String output) {
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ChildFailed("interrupted while waiting for " + String.join(" ", command));
        }
        if (code != 0) {
            throw new ChildFailed("a run failed (exit " + code + "): " + String.join(" ", command) + "\n"
                    + lastLines(output, 20));
        }
        return output;
    }

    /** The figures of a run's last JSON line. */
    private static PairedFigures.Run result(String label, String output) {
        String[] lines = output.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("{\"benchmark\":\"scale\"")) {
                try {
                    return PairedFigures.Run.of(lines[i]);
                } catch (IllegalArgumentException e) {
                    throw new ChildFailed("the " + label + " run's JSON line: " + e.getMessage());
                }
            }
        }
        throw new ChildFailed("the " + label + " run printed no JSON line:\n" + lastLines(output, 20));
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }

    /** The java launcher of this JVM, so that both runs use the same JDK. */
    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A run that could not start, failed or printed no result. */
    static final class ChildFailed extends RuntimeException {
        ChildFailed(String message) {
            super(message);
        }
    }
}
