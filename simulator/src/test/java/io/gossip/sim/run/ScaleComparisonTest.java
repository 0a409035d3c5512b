package io.gossip.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ScaleComparisonTest {
    private static final String LINE = "{\"benchmark\":\"scale\",\"nodes\":300,\"c\":1,\"events\":12345,"
            + "\"simSeconds\":2.000,\"simCpuSeconds\":1.900,\"eventsPerSecond\":6172,\"joinPhaseSeconds\":1.500,"
            + "\"broadcastPhaseEventsPerSecond\":20000000,\"heapBytesPerNode\":400,"
            + "\"coreRoundTripNanosBefore\":null,\"run\":1,\"runs\":1}";

    @Test
    void ownOptionsStandAnywhereAndTheRestGoToTheScaleBenchmark() {
        ScaleComparison.Invocation in = ScaleComparison.parse(new String[] {"--nodes", "1000", "--base", "a.jar",
            "--c", "0", "--pairs", "5", "--candidate", "b.jar", "--jvm-options", "-Xmx2g -Xss1m"});
        assertEquals("a.jar", in.base());
        assertEquals("b.jar", in.candidate());
        assertEquals(5, in.pairs());
        assertEquals(List.of("-Xmx2g", "-Xss1m"), in.jvmOptions());
        assertEquals(List.of(), ScaleComparison.parse(new String[] {"--base", "a", "--candidate", "b", "--nodes", "10",
            "--jvm-options", " "}).jvmOptions(), "blank: no options, not an empty argument");
        assertEquals(List.of("--nodes", "1000", "--c", "0"), in.scaleArgs());
        List<String> command = ScaleComparison.command("java", in, "b.jar");
        // The benchmark's options last, the caller's JVM options after the defaults (later ones win).
        assertEquals(List.of("-Xmx2g", "-Xss1m", "-cp", "b.jar", ScaleBenchmark.class.getName(), "--nodes", "1000",
                "--c", "0"), command.subList(1 + ScaleComparison.CHILD_JVM_OPTIONS.size(), command.size()));
    }

    @Test
    void aCollectorGivenReplacesParallelGc() {
        ScaleComparison.Invocation g1 = ScaleComparison.parse(new String[] {"--base", "a", "--candidate", "b",
            "--nodes", "10", "--jvm-options", "-XX:+UseG1GC -Xmx2g"});
        List<String> command = ScaleComparison.command("java", g1, "b.jar");
        assertEquals(List.of("java", "-XX:ParallelGCThreads=1", "-XX:ActiveProcessorCount=1", "-Xmx10g",
                "-XX:+UseG1GC", "-Xmx2g"), command.subList(0, 6)); // the JVM refuses two collectors
        ScaleComparison.Invocation pages = ScaleComparison.parse(new String[] {"--base", "a", "--candidate", "b",
            "--nodes", "10", "--jvm-options", "-XX:+UseTransparentHugePages"});
        assertTrue(ScaleComparison.command("java", pages, "b.jar").contains("-XX:+UseParallelGC"));
    }

    @Test
    void badCommandLinesAreRefusedBeforeAnyRun() {
        assertEquals("--base and --candidate are required", message("--candidate", "b.jar", "--nodes", "10"));
        assertEquals("--runs is not taken here: each pair runs once; use --pairs",
                message("--base", "a", "--candidate", "b", "--nodes", "10", "--runs", "3"));
        assertTrue(message("--base", "a", "--candidate", "b", "--nodes", "10", "--appender", "on")
                .startsWith("--appender is not taken here: each build runs on one core, without the appender"));
        assertEquals("--pairs must be >= 1, got 0", message("--base", "a", "--candidate", "b", "--nodes", "10",
                "--pairs", "0"));
        assertEquals("unknown option --node", message("--base", "a", "--candidate", "b", "--node", "10"));
        assertEquals("--nodes is required", message("--base", "a", "--candidate", "b"));
        assertEquals("option --pairs needs a value", message("--base", "a", "--candidate", "b", "--pairs"));
        // What ./bench compare checks before it builds the base: the scale benchmark's own options too.
        assertEquals("unknown option --bogus", message("--base", "a", "--candidate", "b", "--nodes", "10",
                "--bogus", "1"));
        assertEquals("--nodes must be >= 2, got 0", message("--base", "a", "--candidate", "b", "--nodes", "0"));
        assertEquals("--broadcasts must be >= 1, got 0", message("--base", "a", "--candidate", "b", "--nodes", "10",
                "--broadcasts", "0"));
        assertEquals("--pairs must be an integer in [1, 2147483647], got '99999999999'", message("--base", "a",
                "--candidate", "b", "--nodes", "10", "--pairs", "99999999999"));
    }

    @Test
    void figuresAreReadFromTheJsonLine() {
        PairedFigures.Run run = PairedFigures.Run.of(LINE);
        assertEquals(12345, run.events());
        assertEquals(1.5, run.figure(PairedFigures.Figure.JOIN_PHASE_SECONDS));
        assertEquals(2e7, run.figure(PairedFigures.Figure.BROADCAST_RATE));
        assertEquals(400, run.figure(PairedFigures.Figure.HEAP_PER_NODE));
        // A figure that is missing or null (a round trip on one processor) is an error, not a zero.
        assertThrows(IllegalArgumentException.class,
                () -> PairedFigures.Run.of(LINE.replace("\"simSeconds\":2.000,", "")));
        assertThrows(IllegalArgumentException.class,
                () -> PairedFigures.Run.of(LINE.replace("\"heapBytesPerNode\":400", "\"heapBytesPerNode\":null")));
        assertThrows(IllegalArgumentException.class, () -> PairedFigures.Run.of("scale benchmark: 300 nodes"));
    }

    @Test
    void theSummaryComparesMeansAndCountsThePairsEachWay() {
        PairedFigures.Run slow = PairedFigures.Run.of(LINE);
        PairedFigures.Run fast = PairedFigures.Run.of(LINE
                .replace("\"joinPhaseSeconds\":1.500", "\"joinPhaseSeconds\":1.200")
                .replace("\"broadcastPhaseEventsPerSecond\":20000000", "\"broadcastPhaseEventsPerSecond\":25000000"));
        List<PairedFigures.Pair> pairs = List.of(new PairedFigures.Pair(slow, fast), new PairedFigures.Pair(fast, slow),
                new PairedFigures.Pair(slow, fast));
        String summary = printed(out -> PairedFigures.printSummary(pairs, out)).replaceAll(" +", " ");
        // Broadcast phase: base mean (20+25+20)/3, candidate (25+20+25)/3, candidate better in two pairs.
        assertTrue(summary.contains("broadcast phase, events/s 21.667 M 23.333 M +7.7% 0.800 - 1.250 2 of 3 better"),
                summary);
        // Join phase: less is better, so the faster candidate counts as better there too.
        assertTrue(summary.contains("join phase, s 1.400 1.300 -7.1% 0.800 - 1.250 2 of 3 better"), summary);
        // Heap: the same in every pair, better in none.
        assertTrue(summary.contains("heap per node, B 400 400 +0.0% 1.000 - 1.000 0 of 3 better"), summary);
    }

    /** Two real runs of the scale benchmark, both of this build: the same events, ratios near 1. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPairOfTheSameBuildSimulatesTheSameRun() {
        String classpath = System.getProperty("java.class.path");
        ScaleComparison.Invocation in = ScaleComparison.parse(new String[] {"--base", classpath, "--candidate",
            classpath, "--pairs", "2", "--jvm-options", "-Xmx256m", "--nodes", "300", "--broadcasts", "2",
            "--warmup-nodes", "0"});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<PairedFigures.Pair> pairs = ScaleComparison.run(in, ScaleComparison.javaCommand(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, pairs.size());
        for (PairedFigures.Pair p : pairs) {
            assertTrue(p.base().events() > 10_000, output);
            assertEquals(p.base().events(), p.candidate().events(), output);
        }
        assertTrue(output.contains("both builds simulated the same run: "), output);
        assertTrue(output.contains("heap per node, B"), output);
    }

    /** {@code --check} first: the options are read and nothing runs (a run of base "a" would fail and exit). */
    @Test
    void aCheckReadsTheOptionsAndRunsNothing() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            ScaleComparison.main(new String[] {ScaleComparison.CHECK, "--base", "a", "--candidate", "b", "--nodes",
                "10", "--pairs", "2"});
        } finally {
            System.setOut(stdout);
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> ScaleComparison.parse(args)).getMessage();
    }

    private static String printed(java.util.function.Consumer<PrintStream> print) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
