package io.gossip.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.gossip.sim.run.SimulationRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * "Validate at the edges", checked by mutation: the shipped scenarios, damaged the ways files get
 * damaged ({@link ScenarioMutator}), and random {@code --set} overrides ({@link Overriding}) either
 * load, or are refused with {@link ScenarioException}s located inside the file (or at the
 * override): never another exception, never a hang. A scenario that loads replays from its
 * effective scenario.yaml to the same plan, and a small one ({@link SmallScenarios}, mutated, under
 * {@link RunCost}'s budget) runs to its end in the engine {@code sim run} uses, on one thread.
 *
 * <p>Every property has a fixed seed, so a run is repeatable; a failure prints the mutant (or the
 * overrides) itself, which is the input to put in a regression test. Shrinking is off: the input
 * is drawn from one seed, and shrinking a hang would retry it for minutes. For a longer search,
 * raise {@code tries} and change {@code seed} (20,000 tries of each parse property and 3,000 runs
 * take about three minutes), and set the environment variable FUZZ_KINDS to see which refusals
 * the mutants reach (docs/fuzz.md).
 */
class ScenarioFuzzProperties {
    private static final Path SCENARIOS = Path.of("..", "scenarios");
    /** Reading a scenario takes milliseconds; this long means it hangs. */
    private static final long LOAD_SECONDS = 10;
    /** Wall clock a small run may take before it counts as hanging. */
    private static final long RUN_SECONDS = 20;
    /** Events a run may be estimated to take to be run here (about a second of engine time). */
    private static final double RUN_EVENTS_MAX = 2e6;

    private static final Map<String, String> SHIPPED = shipped();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scenario-fuzz");
        t.setDaemon(true);
        return t;
    });
    private static Path dir;

    @AfterContainer
    static void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            dir = null;
        }
    }

    @Provide
    Arbitrary<String> shippedNames() {
        return Arbitraries.of(SHIPPED.keySet());
    }

    @Provide
    Arbitrary<String> smallNames() {
        return Arbitraries.of(SmallScenarios.ALL.keySet());
    }

    /** A shipped scenario with 1 to 3 mutations loads (and replays), or is refused inside its file. */
    @Property(tries = 1000, seed = "20261130", shrinking = ShrinkingMode.OFF)
    void aMutatedShippedScenarioLoadsOrIsRefusedInsideItsFile(@ForAll("shippedNames") String name,
            @ForAll long seed) {
        ScenarioMutator.Mutant mutant = ScenarioMutator.mutate(SHIPPED.get(name), new SplittableRandom(seed), 3);
        Object outcome = load(mutant.bytes(), List.of(), name + ": " + mutant.describe());
        collect(outcome, null);
        if (outcome instanceof LoadedScenario loaded) {
            replaysFromItsEffectiveScenario(loaded, mutant.describe());
        }
    }

    /** 1 to 3 random {@code --set} assignments on a shipped scenario: it loads, or is refused at one. */
    @Property(tries = 1000, seed = "20261130", shrinking = ShrinkingMode.OFF)
    void randomOverridesLoadOrAreRefusedAtTheOverride(@ForAll("shippedNames") String name, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> sets = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            sets.add(Overriding.assignment(random));
        }
        String what = name + " with --set " + String.join(" --set ", sets);
        Object outcome = load(SHIPPED.get(name).getBytes(StandardCharsets.UTF_8), sets, what);
        collect(outcome, null);
        if (outcome instanceof LoadedScenario loaded) {
            replaysFromItsEffectiveScenario(loaded, what);
        }
    }

    /**
     * A small scenario with values replaced (mostly by numbers at the ends of ranges) or one
     * {@code --set}: when it loads and is small enough, it runs to its end without an exception.
     */
    @Property(tries = 200, seed = "20261130", shrinking = ShrinkingMode.OFF)
    void aSmallMutantThatLoadsRunsToItsEnd(@ForAll("smallNames") String name, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String text = SmallScenarios.ALL.get(name);
        List<String> sets = new ArrayList<>();
        String what;
        int how = random.nextInt(4);
        if (how < 3) {
            ScenarioMutator.Mutant mutant = how == 0 ? ScenarioMutator.mutate(text, random, 2)
                    : ScenarioMutator.mutateNumbers(text, random, 3);
            text = mutant.text();
            what = name + ": " + mutant.describe();
        } else {
            sets.add(Overriding.valueOfAKnownPath(random, text));
            what = name + " with --set " + sets.get(0);
        }
        Object outcome = load(text.getBytes(StandardCharsets.UTF_8), sets, what);
        boolean small = outcome instanceof LoadedScenario loaded && RunCost.events(loaded.plan()) <= RUN_EVENTS_MAX;
        collect(outcome, small ? "ran" : outcome instanceof LoadedScenario ? "too big" : "refused");
        if (small) {
            run(((LoadedScenario) outcome).plan(), what);
        }
    }

    /**
     * Reads {@code bytes} as {@code sim run} reads a scenario file, with {@code sets}; returns the
     * {@link LoadedScenario} or the {@link ScenarioException}, and fails on anything else.
     */
    static Object load(byte[] bytes, List<String> sets, String what) {
        Path file = write(bytes);
        Object outcome;
        try {
            outcome = within(LOAD_SECONDS, what, () -> {
                try {
                    return new ScenarioReader(sets, null, () -> 7L).read(file);
                } catch (ScenarioException e) {
                    return e;
                }
            });
        } finally {
            file.toFile().delete();
        }
        if (outcome instanceof ScenarioException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (ScenarioException.Problem problem : e.problems()) {
                refusedInside(problem, file.toString(), text, what);
            }
        }
        return outcome;
    }

    /**
     * With the environment variable FUZZ_KINDS set, statistics of the outcomes: how many mutants
     * load, run or are too big to run, and the first words of each kind of refusal.
     */
    private static void collect(Object outcome, String run) {
        if (System.getenv("FUZZ_KINDS") == null) {
            return;
        }
        Statistics.label("outcome").collect(outcome instanceof LoadedScenario ? "loads" : "refused");
        if (run != null) {
            Statistics.label("run").collect(run);
        }
        if (outcome instanceof ScenarioException e) {
            String message = e.problems().get(0).message().replaceAll("'[^']*'|[0-9][0-9.eE+-]*", "_");
            Statistics.label("refusal").collect(message.substring(0, Math.min(45, message.length())));
        }
    }

    /** A problem is located in the file (a line and column of it) or at a command-line override. */
    private static void refusedInside(ScenarioException.Problem problem, String file, String text, String what) {
        Location at = problem.location();
        String message = problem.message();
        if (message == null || message.isBlank() || message.contains("java.") || message.contains("Exception")) {
            fail("a refusal that does not say what is wrong in the scenario's terms: " + problem + "\n" + what);
        }
        if (at.source().startsWith("--set ") || at.source().startsWith("--seed ")) {
            if (at.line() != 0) {
                fail("an override's problem with a line: " + problem + "\n" + what);
            }
            return;
        }
        if (!at.source().equals(file)) {
            fail("a problem located outside the file: " + problem + "\n" + what);
        }
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (!crlf && (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')) {
                lines++;
            }
        }
        if (at.line() < 1 || at.line() > lines || at.column() < 1 || at.column() > text.length() + 1) {
            fail("a problem not located on a line and column of the file (" + lines + " lines): " + problem
                    + "\n" + what);
        }
    }

    /**
     * What {@code sim run} saves as scenario.yaml reads back to the same plan and the same text
     * ("running this text again gives the same plan").
     */
    private static void replaysFromItsEffectiveScenario(LoadedScenario loaded, String what) {
        String effective = loaded.effectiveYaml();
        Object again = load(effective.getBytes(StandardCharsets.UTF_8), List.of(), "effective scenario of " + what
                + "\n--- effective ---\n" + effective);
        if (!(again instanceof LoadedScenario replayed)) {
            fail("the effective scenario is refused: " + again + "\n" + what + "\n--- effective ---\n" + effective);
            return;
        }
        assertEquals(loaded.plan(), replayed.plan(), "the effective scenario reads to another plan\n" + what);
        assertEquals(effective, replayed.effectiveYaml(), "the effective scenario is not written back alike\n" + what);
    }

    /** Runs {@code plan} as {@code sim run} does, on one thread; fails on any exception or a hang. */
    private static void run(RunPlan plan, String what) {
        Path out;
        try {
            out = Files.createTempDirectory(directory(), "run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_SECONDS);
        within(RUN_SECONDS + 10, what, () -> SimulationRunner.run(plan, out, 1, false,
                (completed, total, virtualMillis, durationMillis, events, wallSeconds) -> {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the run did not finish in " + RUN_SECONDS + " s: at "
                                + virtualMillis + " of " + durationMillis + " virtual ms, " + events
                                + " events (estimated " + RunCost.events(plan) + ")");
                    }
                }));
    }

    /** Runs {@code work} on a worker thread for at most {@code seconds}; any exception fails, with {@code what}. */
    private static <T> T within(long seconds, String what, Callable<T> work) {
        Future<T> future = WORKERS.submit(work);
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("no answer within " + seconds + " s (a hang)\n" + what);
        } catch (ExecutionException e) {
            throw new AssertionError("failed with " + e.getCause() + "\n" + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Path write(byte[] bytes) {
        try {
            Path file = Files.createTempFile(directory(), "mutant", ".yaml");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path directory() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("scenario-fuzz");
        }
        return dir;
    }

    private static Map<String, String> shipped() {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(SCENARIOS)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                texts.put(p.getFileName().toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (texts.size() < 8) {
            throw new IllegalStateException("expected the shipped scenarios in " + SCENARIOS.toAbsolutePath());
        }
        return texts;
    }
}
