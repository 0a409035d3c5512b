package io.gossip.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.engine.NodeRepresentation;
import io.gossip.sim.engine.ProgressSink;
import io.gossip.sim.engine.RunSetup;
import io.gossip.sim.engine.Simulation;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.MembershipSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScaleBenchmarkTest {
    @Test
    void sameOptionsGiveTheSameEventsCoverageAndViews() {
        ScaleRun.Options options = new ScaleRun.Options(300, 1, 3, 42);
        ScaleRun.Result a = ScaleRun.run(options, null);
        ScaleRun.Result b = ScaleRun.run(options, null);
        assertEquals(a.events(), b.events());
        assertEquals(a.wakeups(), b.wakeups());
        assertEquals(a.messagesSent(), b.messagesSent());
        assertEquals(a.coverage(), b.coverage());
        assertEquals(a.partialViewMean(), b.partialViewMean());
        assertTrue(a.events() > 300L * 20, "the join phase delivers membership messages: " + a.events());
        assertTrue(a.coverage() > 0.95, "coverage " + a.coverage());
        assertEquals(a.broadcastPhaseEvents(), b.broadcastPhaseEvents());
        assertPhasesSplitTheRun(a);
        double expected = 2 * Math.log(300);
        assertTrue(Math.abs(a.partialViewMean() - expected) < 0.25 * expected, "PV " + a.partialViewMean());
    }

    /**
     * The join phase delivers membership messages only, the broadcast phase (nearly) only gossip: at
     * least one copy per node reached, at most one per arc (PartialView entries) per broadcast, plus
     * the acks of the last joins' retransmissions.
     */
    private static void assertPhasesSplitTheRun(ScaleRun.Result r) {
        ScaleRun.Options o = r.options();
        assertEquals(r.events(), r.joinPhaseEvents() + r.broadcastPhaseEvents());
        double reached = o.broadcasts() * (o.nodes() - 1) * r.coverage();
        double arcs = o.broadcasts() * o.nodes() * r.partialViewMean();
        assertTrue(r.broadcastPhaseEvents() >= reached && r.broadcastPhaseEvents() <= arcs + 200,
                "broadcast phase " + r.broadcastPhaseEvents() + " outside [" + reached + ", " + arcs + "]");
        assertTrue(r.broadcastPhaseSeconds() > 0 && r.broadcastPhaseSeconds() < r.simSeconds(),
                r.broadcastPhaseSeconds() + " s of " + r.simSeconds());
        assertTrue(r.joinPhaseEventsPerSecond() > 0 && r.broadcastPhaseEventsPerSecond() > 0);
    }

    @Test
    void theObserverThatSplitsThePhasesChangesNoResult() {
        // The benchmark's run carries one observer step; the same scenario run without it must
        // deliver, send and wake exactly as often.
        ScaleRun.Options options = new ScaleRun.Options(300, 1, 3, 42);
        ScaleRun.Result observed = ScaleRun.run(options, null);
        RunKey key = new RunKey(0, MembershipSpec.Type.SCAMP, 0);
        Simulation plain = new Simulation(new RunSetup(key, ScaleRun.scenario(options), 0,
                RunSeeds.runSeed(42, 0, 0, MembershipSpec.Type.SCAMP), RunSeeds.timelineSeed(42, 0, 0)));
        RunResult result = plain.run(ProgressSink.NONE);
        assertEquals(observed.events(), plain.deliveries());
        assertEquals(observed.messagesSent(), result.totalSent());
        assertEquals(observed.wakeups(), result.events() - plain.deliveries());
    }

    @Test
    void theWarmUpChangesNoResultAndIsTimedApart() {
        ScaleRun.Result cold = ScaleRun.run(new ScaleRun.Options(300, 1, 3, 42), null);
        ScaleRun.Result warm = ScaleRun.run(new ScaleRun.Options(300, 1, 3, 42, NodeRepresentation.ARENA, 100), null);
        assertSameFigures(cold, warm);
        assertEquals(0, cold.warmupSeconds());
        assertTrue(warm.warmupSeconds() > 0, "warm-up " + warm.warmupSeconds() + " s");
        String json = ScaleBenchmark.json(warm);
        assertTrue(json.contains("\"warmupNodes\":100,\"warmupSeconds\":"), json);
    }

    @Test
    void objectsGiveTheArenasFiguresAndSaySo() {
        ScaleRun.Result arena = ScaleRun.run(new ScaleRun.Options(300, 1, 2, 3), null);
        ScaleRun.Result objects = ScaleRun.run(new ScaleRun.Options(300, 1, 2, 3, NodeRepresentation.OBJECTS), null);
        assertEquals(NodeRepresentation.ARENA, arena.representation());
        assertEquals(NodeRepresentation.OBJECTS, objects.representation());
        assertEquals(arena.events(), objects.events());
        assertEquals(arena.wakeups(), objects.wakeups());
        assertEquals(arena.coverage(), objects.coverage());
        assertEquals(arena.partialViewMean(), objects.partialViewMean());
    }

    @Test
    void jsonLineCarriesTheDocumentedKeysInOrder() {
        ScaleRun.Result r = ScaleRun.run(new ScaleRun.Options(50, 0, 1, 7), null);
        String json = ScaleBenchmark.json(r);
        String[] keys = {"nodes", "c", "events", "setupSeconds", "simSeconds", "eventsPerSecond",
            "joinPhaseEvents", "joinPhaseSeconds", "joinPhaseEventsPerSecond", "broadcastPhaseEvents",
            "broadcastPhaseSeconds", "broadcastPhaseEventsPerSecond", "heapBytesPerNode", "coverage",
            "partialViewMean", "coreRoundTripNanosBefore", "coreRoundTripNanosAfter", "run"};
        int last = -1;
        for (String key : keys) {
            int at = json.indexOf("\"" + key + "\":");
            assertTrue(at > last, key + " missing or out of order in " + json);
            last = at;
        }
        assertTrue(json.startsWith("{") && json.endsWith("}") && !json.contains("\n"));
        assertTrue(json.contains("\"nodes\":50,\"c\":0,"), json);
        // A number with one decimal where the machine has two processors, null where it has one.
        String roundTrip = Runtime.getRuntime().availableProcessors() >= 2 ? "[0-9]+\\.[0-9]" : "null";
        assertTrue(json.matches(".*\"coreRoundTripNanosBefore\":" + roundTrip + ",\"coreRoundTripNanosAfter\":"
                + roundTrip + ",.*"), json);
        assertTrue(json.contains("\"representation\":\"arena\",\"appender\":false,"),
                "the benchmark's workload runs on the arena, without the appender at 50 nodes: " + json);
    }

    @Test
    void theAppenderOptionReachesTheRunsAndChangesNoResult() {
        ScaleRun.Result off = ScaleRun.run(new ScaleRun.Options(300, 1, 3, 42, NodeRepresentation.ARENA, 0, false),
                null);
        for (int warmup : new int[] {0, 200}) {
            ScaleRun.Result on = ScaleRun.run(new ScaleRun.Options(300, 1, 3, 42, NodeRepresentation.ARENA, warmup,
                    true), null);
            assertSameFigures(off, on);
            assertTrue(ScaleBenchmark.json(on).contains("\"appender\":true,"), ScaleBenchmark.json(on));
        }
    }

    @Test
    void theDefaultWarmupIsHalfTheRunBetween20000And50000Nodes() {
        int[][] nodesAndWarmup = {{10, 20_000}, {40_000, 20_000}, {60_000, 30_000}, {99_999, 49_999},
            {100_000, 50_000}, {1_000_000, 50_000}};
        for (int[] pair : nodesAndWarmup) {
            assertEquals(pair[1], ScaleBenchmark.parse(new String[] {"--nodes", Integer.toString(pair[0])}).options()
                    .warmupNodes(), pair[0] + " nodes");
        }
        assertEquals(500, ScaleBenchmark.parse(new String[] {"--nodes", "1000000", "--warmup-nodes", "500"}).options()
                .warmupNodes(), "the command line's warm-up wins");
        assertEquals(0, ScaleBenchmark.parse(new String[] {"--warmup-nodes", "0", "--nodes", "1000000"}).options()
                .warmupNodes(), "whatever the options' order");
    }

    @Test
    void parsesDefaultsAndRejectsBadOptions() {
        ScaleRun.Options o = ScaleBenchmark.parse(new String[] {"--nodes", "100_000"}).options();
        assertEquals(new ScaleRun.Options(100_000, 1, 10, 1, NodeRepresentation.ARENA, 50_000), o);
        int warmup = 20_000; // the smallest default warm-up, that of every run up to 40,000 nodes
        assertEquals(new ScaleRun.Options(10, 0, 2, 5, NodeRepresentation.ARENA, warmup),
                ScaleBenchmark.parse(new String[] {"--nodes", "10", "--c", "0", "--broadcasts", "2", "--seed", "5"})
                        .options());
        assertEquals(new ScaleRun.Options(10, 1, 10, 1, NodeRepresentation.OBJECTS, warmup),
                ScaleBenchmark.parse(new String[] {"--nodes", "10", "--representation", "objects"}).options());
        assertEquals(new ScaleRun.Options(10, 1, 10, 1),
                ScaleBenchmark.parse(new String[] {"--nodes", "10", "--warmup-nodes", "0"}).options());
        assertEquals(500,
                ScaleBenchmark.parse(new String[] {"--nodes", "10", "--warmup-nodes", "500"}).options().warmupNodes());
        assertEquals(Simulation.appenderHelps(100_000, 1), o.appender());
        assertTrue(ScaleBenchmark.parse(new String[] {"--nodes", "10", "--appender", "on"}).options().appender());
        assertFalse(ScaleBenchmark.parse(new String[] {"--nodes", "100000", "--appender", "off"}).options().appender());
        assertThrows(IllegalArgumentException.class,
                () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--appender", "yes"}));
        assertThrows(IllegalArgumentException.class,
                () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--warmup-nodes", "1"}));
        assertThrows(IllegalArgumentException.class,
                () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--warmup-nodes", "-5"}));
        assertThrows(IllegalArgumentException.class,
                () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--representation", "heap"}));
        assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(new String[] {}));
        assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(new String[] {"--nodes"}));
        assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(new String[] {"--nodes", "x"}));
        assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(new String[] {"--nodes", "1"}));
        assertThrows(IllegalArgumentException.class,
                () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--fanout", "3"}));
        // Named for what is wrong, wherever it stands: last, an unknown option is still unknown.
        assertEquals("unknown option --fanout",
                assertThrows(IllegalArgumentException.class,
                        () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--fanout"})).getMessage());
        assertEquals("option --seed needs a value",
                assertThrows(IllegalArgumentException.class,
                        () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--seed"})).getMessage());
        assertEquals("option --representation needs a value",
                assertThrows(IllegalArgumentException.class,
                        () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--representation"})).getMessage());
        // A run longer than a scenario may last is refused before anything runs (it once crashed on start).
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(
                new String[] {"--nodes", "999999999", "--warmup-nodes", "0"})).getMessage().startsWith(
                        "--nodes 999999999 and --broadcasts 10: the run would last 1,000,000,039,000 ms"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(
                new String[] {"--nodes", "10", "--broadcasts", "2000000000"})).getMessage().contains(
                        "must stay under 999,999,970"));
        assertEquals("--broadcasts must be at most 1,000,000, as in a scenario (each keeps about 400 B of memory"
                + " until the run ends), got 1,000,001", assertThrows(IllegalArgumentException.class,
                        () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--broadcasts", "1000001"}))
                        .getMessage());
        assertEquals(1_000_000, ScaleBenchmark.parse(new String[] {"--nodes", "10", "--broadcasts", "1000000"})
                .options().broadcasts());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(
                new String[] {"--nodes", "10", "--warmup-nodes", "2147483647"})).getMessage().startsWith(
                        "--warmup-nodes 2147483647: the run would last"));
        assertEquals(999_999_960, ScaleBenchmark.parse(new String[] {"--nodes", "999999960", "--warmup-nodes", "0"})
                .options().nodes(), "the longest run fits");
    }

    /** A c whose views could not fit the group (it ran out of heap with advice to run fewer nodes). */
    @Test
    void aCLargerThanTheGroupCanHoldIsRefusedNamingC() {
        assertEquals(143, ScaleRun.largestC(1000), "(c+1)·ln 1000 <= 999 up to 143");
        assertEquals(72_381, ScaleRun.largestC(1_000_000));
        assertEquals(1, ScaleRun.largestC(2), "the default, whatever N");
        assertEquals(1, ScaleRun.largestC(3));
        assertEquals(143, ScaleBenchmark.parse(new String[] {"--nodes", "1000", "--c", "143", "--warmup-nodes", "0"})
                .options().c());
        assertEquals("--c must be <= 143 with 1000 nodes, got 144 (PartialViews average about (c+1)·ln N ids; a node"
                + " holds at most the 999 others)", cRefused("--nodes", "1000", "--c", "144"));
        assertTrue(cRefused("--nodes", "1000", "--c", "2000000000").startsWith("--c must be <= 143 with 1000 nodes"));
        assertEquals(1, ScaleBenchmark.parse(new String[] {"--nodes", "2", "--warmup-nodes", "0"}).options().c());
        assertTrue(cRefused("--nodes", "2", "--c", "2").startsWith("--c must be <= 1 with 2 nodes, got 2"));
        // The warm-up runs the same c on its own nodes: the given ones, or the default 20,000-50,000.
        assertEquals("--c must be <= 20 with a warm-up of 100 nodes (--warmup-nodes 100), got 100 (PartialViews"
                + " average about (c+1)·ln N ids; a node holds at most the 99 others)",
                cRefused("--nodes", "1000", "--c", "100", "--warmup-nodes", "100"));
        assertTrue(cRefused("--nodes", "1000000", "--c", "5000").startsWith("--c must be <= 4620 with a warm-up of"
                + " 50000 nodes (--warmup-nodes W sets it, 0 for none), got 5000"));
        assertEquals(5000, ScaleBenchmark.parse(new String[] {"--nodes", "1000000", "--c", "5000", "--warmup-nodes",
            "0"}).options().c());
        // ./bench compare and ./bench profile read the scale options with the same parse.
        assertEquals("--c must be <= 143 with 1000 nodes, got 144 (PartialViews average about (c+1)·ln N ids; a node"
                + " holds at most the 999 others)", assertThrows(IllegalArgumentException.class,
                        () -> ScaleComparison.parse(new String[] {"--base", "a", "--candidate", "b", "--nodes", "1000",
                            "--c", "144"})).getMessage());
    }

    private static String cRefused(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(args)).getMessage();
    }

    /** {@code --check} first ({@code ./bench peersim --pairs}): the options read, nothing run, the refusal alone. */
    @Test
    void aCheckReadsTheOptionsAndSaysOnlyWhatIsWrong() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(0, OptionValues.check(new String[] {OptionValues.CHECK, "--nodes", "1000", "--c", "143",
            "--warmup-nodes", "0"}, ScaleBenchmark::parse, err));
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        assertEquals(2, OptionValues.check(new String[] {OptionValues.CHECK, "--nodes", "1000", "--c", "500"},
                ScaleBenchmark::parse, err));
        assertEquals("--c must be <= 143 with 1000 nodes, got 500 (PartialViews average about (c+1)·ln N ids; a node"
                + " holds at most the 999 others)\n", bytes.toString(StandardCharsets.UTF_8));
        assertEquals(-1, OptionValues.check(new String[] {"--nodes", "1000"}, ScaleBenchmark::parse, err),
                "no check asked: the command runs");
    }

    @Test
    void outOfMemoryAdviceSaysALargerCTakesMore() {
        assertEquals(ScaleBenchmark.PER_NODE, ScaleBenchmark.perNode(1));
        assertTrue(ScaleBenchmark.perNode(10).startsWith(ScaleBenchmark.PER_NODE + " with c = 0 or 1; a larger c"
                + " takes far more"), ScaleBenchmark.perNode(10));
        assertTrue(ScaleBenchmark.perNode(10).endsWith("a smaller --c helps too"), ScaleBenchmark.perNode(10));
    }

    @Test
    void anIntegerOutOfRangeIsSaidToBeOne() {
        assertEquals("--nodes must be an integer in [2, 2147483647], got '99999999999'",
                assertThrows(IllegalArgumentException.class,
                        () -> ScaleBenchmark.parse(new String[] {"--nodes", "99999999999"})).getMessage());
        assertEquals("--runs must be an integer in [1, 2147483647], got '-99999999999'",
                assertThrows(IllegalArgumentException.class,
                        () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--runs",
                                "-99999999999"})).getMessage());
        assertEquals("--nodes must be >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> ScaleBenchmark.parse(new String[] {"--nodes", "1"})).getMessage());
        assertEquals("--nodes must be an integer, got '1.5'", assertThrows(IllegalArgumentException.class,
                () -> ScaleBenchmark.parse(new String[] {"--nodes", "1.5"})).getMessage());
    }

    @Test
    void outOfMemoryAdviceNamesTheHeapAndHowToGiveMore() {
        String advice = OutOfMemory.advice("scale benchmark", 2_000_000_000, "about 300 B");
        assertTrue(advice.startsWith("scale benchmark: out of memory with 2,000,000,000 nodes: the heap could grow to "
                + OutOfMemory.heap(Runtime.getRuntime().maxMemory()) + " (-Xmx)"), advice);
        assertTrue(advice.contains("BENCH_JVM_OPTS=-Xmx20g") && advice.endsWith("a node takes about 300 B"), advice);
        assertFalse(advice.contains("\n"), advice);
        assertEquals("1.0 GB", OutOfMemory.heap(1L << 30));
        assertEquals("512 MB", OutOfMemory.heap(512L << 20));
    }

    @Test
    void parsesRunsAndRejectsNone() {
        assertEquals(1, ScaleBenchmark.parse(new String[] {"--nodes", "10"}).runs());
        ScaleBenchmark.Invocation three = ScaleBenchmark.parse(new String[] {"--runs", "3", "--nodes", "10"});
        assertEquals(3, three.runs());
        assertEquals(ScaleBenchmark.parse(new String[] {"--nodes", "10"}).options(), three.options());
        for (String bad : new String[] {"0", "-1", "two"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--runs", bad}));
            assertTrue(e.getMessage().contains("--runs"), e.getMessage());
        }
    }

    @Test
    void repeatedRunsAgreeAndOnlyTheFirstWarmsUp() {
        List<ScaleRun.Result> runs = ScaleRepetitions.run(
                new ScaleRun.Options(300, 1, 3, 42, NodeRepresentation.ARENA, 100), 3, null);
        assertEquals(3, runs.size());
        assertTrue(runs.get(0).warmupSeconds() > 0, "the first run warms up");
        for (int i = 1; i < 3; i++) {
            assertSameFigures(runs.get(0), runs.get(i));
            assertEquals(0, runs.get(i).options().warmupNodes());
            assertEquals(0, runs.get(i).warmupSeconds());
        }
        String json = ScaleBenchmark.json(runs.get(2), 3, 3);
        assertTrue(json.endsWith(",\"run\":3,\"runs\":3}"), json);
        assertTrue(ScaleBenchmark.json(runs.get(0)).endsWith(",\"run\":1,\"runs\":1}"));
    }

    @Test
    void runsThatDisagreeAreReportedNotSummarised() {
        ScaleRun.Result seed1 = ScaleRun.run(new ScaleRun.Options(200, 1, 2, 1), null);
        ScaleRun.Result seed2 = ScaleRun.run(new ScaleRun.Options(200, 1, 2, 2), null);
        ScaleRepetitions.checkSameOutcome(seed1, seed1);
        ScaleRepetitions.Disagreement e = assertThrows(ScaleRepetitions.Disagreement.class,
                () -> ScaleRepetitions.checkSameOutcome(seed1, seed2));
        assertTrue(e.getMessage().contains("disagree on events"), e.getMessage());
    }

    @Test
    void runsTableGivesEachRunAndTheirMedianMinAndMax() {
        List<ScaleRun.Result> runs = ScaleRepetitions.run(new ScaleRun.Options(100, 0, 1, 5), 2, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScaleRepetitions.printRuns(runs, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(6, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("run") && lines[0].contains("broadcasts") && lines[0].contains("cores before")
                && lines[0].endsWith("cores after"), lines[0]);
        String simSeconds = String.format(Locale.ROOT, "%.2f", runs.get(0).simSeconds());
        assertTrue(lines[1].startsWith("1 ") && lines[1].contains(simSeconds), lines[1]);
        assertTrue(lines[2].startsWith("2 "), lines[2]);
        assertTrue(lines[3].startsWith("median") && lines[4].startsWith("min") && lines[5].startsWith("max"));
    }

    @Test
    void theTableSaysWhereTheCoresWereOrThatNothingWasMeasured() {
        ScaleRun.Result r = ScaleRun.run(new ScaleRun.Options(50, 0, 1, 7), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScaleBenchmark.printTable(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        String expected = Runtime.getRuntime().availableProcessors() >= 2
                ? String.format(Locale.ROOT, "%.0f ns before the run, %.0f ns after", r.coreRoundTripNanosBefore(),
                        r.coreRoundTripNanosAfter())
                : "not measured (one processor)";
        assertTrue(table.contains("core-to-core round trip (wall)") && table.contains(expected), table);
        ScaleRun.Result unmeasured = new ScaleRun.Result(r.options(), r.representation(), r.events(), r.wakeups(),
                r.messagesSent(), r.virtualSeconds(), r.warmupSeconds(), r.setupSeconds(), r.simSeconds(),
                r.simCpuSeconds(), r.heapBytesPerNode(), r.heapBaselineBytes(), r.coverage(), r.coverageMin(),
                r.partialViewMean(), r.broadcastPhaseEvents(), r.broadcastPhaseSeconds(), Double.NaN, Double.NaN);
        assertEquals("not measured (one processor)", ScaleBenchmark.roundTrips(unmeasured));
        assertTrue(ScaleBenchmark.json(unmeasured).contains(
                "\"coreRoundTripNanosBefore\":null,\"coreRoundTripNanosAfter\":null,"),
                ScaleBenchmark.json(unmeasured));
    }

    /** The join phase's label was a column wider than the others, and its value out of line with theirs. */
    @Test
    void theTablesValuesLineUp() {
        ScaleRun.Result r = ScaleRun.run(new ScaleRun.Options(50, 0, 1, 7), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScaleBenchmark.printTable(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        int column = lines[0].indexOf("50");
        for (String line : lines) {
            assertTrue(line.length() > column && line.charAt(column - 1) == ' ' && line.charAt(column) != ' ',
                    "values from column " + column + ":\n" + String.join("\n", lines));
        }
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, ScaleRepetitions.median(new double[] {3, 1, 2}));
        assertEquals(2.5, ScaleRepetitions.median(new double[] {4, 1, 3, 2}));
        assertEquals(7.0, ScaleRepetitions.median(new double[] {7}));
        assertThrows(IllegalArgumentException.class, () -> ScaleRepetitions.median(new double[0]));
    }

    /** Every figure that is not a time or a heap size. */
    private static void assertSameFigures(ScaleRun.Result expected, ScaleRun.Result actual) {
        assertEquals(expected.events(), actual.events());
        assertEquals(expected.wakeups(), actual.wakeups());
        assertEquals(expected.messagesSent(), actual.messagesSent());
        assertEquals(expected.broadcastPhaseEvents(), actual.broadcastPhaseEvents());
        assertEquals(expected.coverage(), actual.coverage());
        assertEquals(expected.partialViewMean(), actual.partialViewMean());
    }
}
