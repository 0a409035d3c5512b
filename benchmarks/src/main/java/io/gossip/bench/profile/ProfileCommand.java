package io.gossip.bench.profile;

import io.gossip.sim.ceiling.CeilingRun;
import io.gossip.sim.ceiling.ScampCeiling;
import io.gossip.sim.cli.OutFolder;
import io.gossip.sim.run.OptionValues;
import io.gossip.sim.run.OutOfMemory;
import io.gossip.sim.run.ScaleBenchmark;
import io.gossip.sim.run.ScaleRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import one.profiler.AsyncProfiler;
import one.profiler.AsyncProfilerLoader;
import one.profiler.Counter;

/**
 * {@code ./bench profile}: where one phase of the scale benchmark's run (or of the bare loop's,
 * with {@code --ceiling}) spends its time, by the parts of {@link LoopParts}, as CPU time per
 * message delivered. async-profiler samples only that phase (started and stopped by the run
 * itself, on its thread); the warm-up is never sampled. Writes the phase's collapsed stacks and a
 * flame graph beside the printed table.
 */
public final class ProfileCommand {
    private ProfileCommand() {
    }

    static final String USAGE = "Usage: ./bench profile [--phase join|broadcast|run] [--event E] [--interval-us U]"
            + " [--out DIR] [--ceiling] --nodes N [the options of ./bench scale but --runs, or with --ceiling those of"
            + " ./bench ceiling] (defaults: the broadcast phase, event cpu where perf events are allowed, else ctimer"
            + " or itimer, every 1000 µs of CPU, DIR"
            + " out/bench/profile-<UTC time>)";

    /** async-profiler's CPU samplers, the most accurate first: tried in turn when no --event is given. */
    static final List<String> EVENTS = List.of("cpu", "ctimer", "itimer");

    /**
     * What the command line asks for: its own options (no {@code event}: the first of {@link #EVENTS}
     * this machine allows), and the rest for the run it profiles.
     */
    record Options(Phase phase, String event, int intervalMicros, Path out, boolean ceiling, String[] runArgs,
            ScaleRun.Options scale) {
    }

    /**
     * What was measured over the phase, whichever loop ran it; for the simulator also the round trip
     * between two cores just before and after the run (NaN for the bare loop, or on one core), which
     * decides whether the appender's thread helps (see {@code ./bench scale --help}).
     */
    record Measured(long deliveries, double wallSeconds, long cpuNanos, SampleTally tally, String collapsed,
            double roundTripBefore, double roundTripAfter) {
        double nanosPerDelivery(long samples) {
            long all = tally.loopSamples();
            return all == 0 || deliveries == 0 ? 0 : (double) samples / all * cpuNanos / deliveries;
        }
    }

    public static void main(String[] args) {
        Options o = OptionValues.commandLine(args, "profile", USAGE, ProfileCommand::parse);
        if (o == null) {
            return;
        }
        int exit = run(o, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * Profiles what {@code o} asks for and writes its stacks and flame graph into its folder.
     * Everything that can be refused without running (async-profiler not loading, the sampler, the
     * folder) is refused before the folder is created or the run starts, so that a refusal leaves
     * nothing behind and costs no run.
     *
     * @return the exit code: 0, or 1 with the reason on {@code err}
     */
    static int run(Options o, PrintStream out, PrintStream err) {
        AsyncProfiler profiler;
        try {
            profiler = AsyncProfilerLoader.load();
        } catch (IOException | IllegalStateException | UnsatisfiedLinkError e) {
            err.println("profile: async-profiler does not load on this machine (" + e.getMessage() + ");"
                    + " it runs on Linux and macOS, x64 and arm64");
            return 1;
        }
        String event;
        try {
            event = event(o, profiler, err);
        } catch (IllegalStateException e) {
            err.println("profile: " + e.getMessage());
            return 1;
        }
        if (!OutFolder.create(o.out(), "profile", new PrintWriter(err, true))) {
            return 1;
        }
        Measured measured;
        try {
            measured = profile(o, event, profiler);
        } catch (IllegalStateException e) {
            // The bare loop outgrowing its layout.
            err.println("profile: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            int nodes = o.ceiling() ? ScampCeiling.parse(o.runArgs()).nodes() : o.scale().nodes();
            err.println(OutOfMemory.advice("profile", nodes,
                    o.ceiling() ? ScampCeiling.PER_NODE : ScaleBenchmark.perNode(o.scale().c())));
            return 1;
        }
        Path collapsed = o.out().resolve(o.phase().option() + ".collapsed");
        Path flame = o.out().resolve(o.phase().option() + ".html");
        try {
            Files.writeString(collapsed, measured.collapsed());
            profiler.execute("flamegraph,file=" + flame.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        print(o, event, measured, out);
        out.println("stacks: " + collapsed + "; flame graph: " + flame);
        out.println(json(o, event, measured));
        return 0;
    }

    /**
     * The sampler to use: the one asked for, or the first of {@link #EVENTS} that starts here (perf
     * events, behind {@code cpu}, are often not allowed in containers), said on {@code log}.
     *
     * @throws IllegalStateException if none starts
     */
    static String event(Options o, AsyncProfiler profiler, PrintStream log) {
        List<String> candidates = o.event() == null ? EVENTS : List.of(o.event());
        List<String> refusals = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                profiler.execute(startCommand(candidate, o.intervalMicros()));
                profiler.stop();
                if (!refusals.isEmpty()) {
                    log.println("profile: sampling with " + candidate + " (" + String.join("; ", refusals) + ")");
                }
                return candidate;
            } catch (IOException | IllegalStateException e) {
                refusals.add(candidate + " refused: " + e.getMessage());
            }
        }
        throw new IllegalStateException("async-profiler could not start: " + String.join("; ", refusals));
    }

    static String startCommand(String event, int intervalMicros) {
        return String.format(Locale.ROOT, "start,event=%s,interval=%d,threads", event, intervalMicros * 1000L);
    }

    /** Runs what {@code o} asks for, sampling its phase with {@code event}; the profiler keeps the samples. */
    static Measured profile(Options o, String event, AsyncProfiler profiler) {
        PhaseProfiler watcher = new PhaseProfiler(profiler, o.phase(), startCommand(event, o.intervalMicros()));
        return o.ceiling() ? bareLoop(o, watcher, profiler) : simulator(o, watcher, profiler);
    }

    private static Measured simulator(Options o, PhaseProfiler watcher, AsyncProfiler profiler) {
        ScaleRun.Result r = ScaleRun.run(o.scale(), System.err, watcher);
        return measured(o.phase().deliveries(r.events(), r.broadcastPhaseEvents()),
                o.phase().seconds(r.simSeconds(), r.broadcastPhaseSeconds()), watcher, profiler,
                LoopParts.SIMULATOR, LoopParts.SIMULATOR_LOOP, r.coreRoundTripNanosBefore(),
                r.coreRoundTripNanosAfter());
    }

    private static Measured bareLoop(Options o, PhaseProfiler watcher, AsyncProfiler profiler) {
        CeilingRun.Result r = ScampCeiling.run(o.runArgs(), watcher);
        return measured(o.phase().deliveries(r.events(), r.broadcastPhaseEvents()),
                o.phase().seconds(r.simSeconds(), r.broadcastPhaseSeconds()), watcher, profiler, LoopParts.BARE,
                LoopParts.BARE_LOOP, Double.NaN, Double.NaN);
    }

    private static Measured measured(long deliveries, double wall, PhaseProfiler watcher, AsyncProfiler profiler,
            List<LoopParts.Part> parts, String loopFrame, double roundTripBefore, double roundTripAfter) {
        String collapsed = profiler.dumpCollapsed(Counter.SAMPLES);
        return new Measured(deliveries, wall, watcher.cpuNanos(), SampleTally.of(collapsed, parts, loopFrame),
                collapsed, roundTripBefore, roundTripAfter);
    }

    /**
     * Reads the command's own options and leaves the rest to the profiled run's parser, which
     * refuses what it does not take.
     *
     * @throws IllegalArgumentException naming the bad or missing option
     */
    static Options parse(String[] args) {
        Phase phase = Phase.BROADCAST;
        String event = null;
        int interval = 1000;
        Path out = null;
        boolean ceiling = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--phase" -> phase = Phase.of(OptionValues.given(name, value(args, ++i)));
                case "--event" -> event = event(OptionValues.given(name, value(args, ++i)));
                case "--interval-us" -> interval = OptionValues.intValue(name, value(args, ++i), 1);
                case "--out" -> out = out(OptionValues.given(name, value(args, ++i)));
                case "--ceiling" -> ceiling = true;
                default -> rest.add(name);
            }
        }
        String[] runArgs = rest.toArray(String[]::new);
        ScaleRun.Options scale = null;
        if (ceiling) {
            ScampCeiling.parse(runArgs);
        } else {
            ScaleBenchmark.Invocation invocation = ScaleBenchmark.parse(runArgs);
            if (invocation.runs() != 1) {
                throw new IllegalArgumentException("--runs is not an option of ./bench profile: it profiles one run");
            }
            scale = invocation.options();
        }
        if (out == null) {
            out = Path.of("out", "bench", "profile-" + java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        }
        return new Options(phase, event, interval, out, ceiling, runArgs, scale);
    }

    private static String value(String[] args, int i) {
        return i < args.length ? args[i] : null;
    }

    /** The folder for the stacks and the flame graph, whose path async-profiler's comma-separated options carry. */
    private static Path out(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--out needs a folder, got an empty value");
        }
        if (value.contains(",")) {
            throw new IllegalArgumentException("--out cannot contain a comma (async-profiler's options are separated"
                    + " by commas), got '" + value + "'");
        }
        return Path.of(value);
    }

    /** An async-profiler CPU event: a name of letters, digits and dashes, so that it cannot add options. */
    private static String event(String value) {
        if (!value.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("--event must be an async-profiler event such as cpu, itimer or"
                    + " ctimer, got '" + value + "'");
        }
        return value;
    }

    static void print(Options o, String event, Measured m, PrintStream out) {
        out.printf(Locale.ROOT, "%s of %s: %,d deliveries in %.2f s (%.3f M/s);"
                + " the loop's thread used %.2f s of CPU, %.1f ns per delivery (sampled with %s every %d µs)%n",
                capitalised(o.phase().description()),
                o.ceiling() ? "the bare loop (./bench ceiling)" : "./bench scale", m.deliveries(), m.wallSeconds(),
                m.wallSeconds() <= 0 ? 0 : m.deliveries() / m.wallSeconds() / 1e6, m.cpuNanos() / 1e9,
                m.nanosPerDelivery(m.tally().loopSamples()), event, o.intervalMicros());
        out.printf(Locale.ROOT, "%-55s %10s %8s %18s%n", "part (a sample counts in the first whose code it ran)",
                "samples", "share", "CPU per delivery");
        long all = m.tally().loopSamples();
        for (Map.Entry<String, Long> part : m.tally().loopByPart().entrySet()) {
            out.printf(Locale.ROOT, "%-55s %,10d %6.1f %% %15.1f ns%n", part.getKey(), part.getValue(),
                    all == 0 ? 0 : 100.0 * part.getValue() / all, m.nanosPerDelivery(part.getValue()));
        }
        out.printf(Locale.ROOT, "%-55s %,10d %6.1f %% %15.1f ns%n", "the loop's thread", all, all == 0 ? 0 : 100.0,
                m.nanosPerDelivery(all));
        StringBuilder others = new StringBuilder("samples of other threads:");
        m.tally().otherByRole().forEach((role, n) -> others.append(String.format(Locale.ROOT, " %s %,d;", role, n)));
        out.println(others.substring(0, others.length() - 1));
        if (!Double.isNaN(m.roundTripBefore())) {
            out.printf(Locale.ROOT, "core-to-core round trip: %.0f ns before the run, %.0f ns after (the appender"
                    + " helps when the cores are near, about 100 ns; see ./bench scale --help)%n", m.roundTripBefore(),
                    m.roundTripAfter());
        }
        if (all == 0) {
            out.println("no sample of the loop's thread: the phase was too short for the interval (--interval-us)");
        }
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String json(Options o, String event, Measured m) {
        StringBuilder parts = new StringBuilder();
        for (Map.Entry<String, Long> part : m.tally().loopByPart().entrySet()) {
            parts.append(parts.length() == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"part\":\"%s\",\"samples\":%d,\"nanosPerDelivery\":%.2f}", part.getKey(), part.getValue(),
                    m.nanosPerDelivery(part.getValue())));
        }
        StringBuilder others = new StringBuilder();
        m.tally().otherByRole().forEach((role, n) -> others.append(others.length() == 0 ? "" : ",")
                .append(String.format(Locale.ROOT, "{\"threads\":\"%s\",\"samples\":%d}", role, n)));
        return String.format(Locale.ROOT, "{\"benchmark\":\"profile\",\"loop\":\"%s\",\"phase\":\"%s\","
                + "\"event\":\"%s\",\"intervalMicros\":%d,\"deliveries\":%d,\"wallSeconds\":%.3f,\"cpuSeconds\":%.3f,"
                + "\"nanosPerDelivery\":%.2f,\"loopSamples\":%d,\"parts\":[%s],\"otherThreads\":[%s],"
                + "\"coreRoundTripNanosBefore\":%s,\"coreRoundTripNanosAfter\":%s}",
                o.ceiling() ? "bare" : "simulator", o.phase().option(), event, o.intervalMicros(), m.deliveries(),
                m.wallSeconds(), m.cpuNanos() / 1e9, m.nanosPerDelivery(m.tally().loopSamples()),
                m.tally().loopSamples(), parts, others, jsonNumber(m.roundTripBefore()),
                jsonNumber(m.roundTripAfter()));
    }

    /** A number with one decimal, or {@code null} for NaN (not measured). */
    private static String jsonNumber(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.1f", value);
    }
}
