package io.gossip.sim.scenario;

import static io.gossip.sim.scenario.ScenarioTexts.firstProblem;
import static io.gossip.sim.scenario.ScenarioTexts.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What a run, or a whole plan, asks the result files and the engine's bookkeeping to hold is
 * bounded ({@link RunBounds}): a scenario past a bound is refused before anything runs, at the key
 * that asks for it, with the figure it gives and the value that would do.
 */
class RunBoundsTest {
    /** The scenario of the audit: valid by every key, but 10^11 timeline rows per run. */
    private static final String TINY_STEP = """
            name: tiny-step
            seed: 1
            nodes: 10
            timeline:
              - {action: join, atMillis: 0, count: all, intervalMillis: 10}
              - {action: broadcast, atMillis: 1000, count: 1}
            durationMillis: 100000000
            output:
              timelineSampleMillis: 0.001
            """;

    @Test
    void aTimelineOfMoreSamplesPerRunThanTheBoundIsRefusedAtItsInterval() {
        assertEquals("test.yaml:9:25: output.timelineSampleMillis: 0.001 over 100,000,000 ms of run gives "
                + "100,000,000,001 timeline samples per run; at most 10,000,000 (each is held in memory until the "
                + "run ends and is a row of timeline.csv): raise timelineSampleMillis to at least 10.001, or set "
                + "it to 0 for no timeline", firstProblem(TINY_STEP).toString());
    }

    @Test
    void theSampleBoundCountsTheSampleAtTimeZeroAndTheOneAtTheEnd() throws Exception {
        // Samples at 0, 1, ..., 9,999,999 ms: exactly the bound.
        String atTheBound = TINY_STEP.replace("100000000", "9999999").replace("0.001", "1");
        assertEquals(RunBounds.MAX_TIMELINE_SAMPLES, RunBounds.timelineSamples(scenario(atTheBound)));
        String oneMore = TINY_STEP.replace("100000000", "10000000").replace("0.001", "1");
        assertEquals("test.yaml:9:25: output.timelineSampleMillis: 1 over 10,000,000 ms of run gives 10,000,001 "
                + "timeline samples per run; at most 10,000,000 (each is held in memory until the run ends and is a "
                + "row of timeline.csv): raise timelineSampleMillis to at least 1.001, or set it to 0 for no timeline",
                firstProblem(oneMore).toString());
    }

    @Test
    void aSampleIntervalSetOnTheCommandLineIsRefusedAtTheOverride() {
        String text = TINY_STEP.replace("output:\n  timelineSampleMillis: 0.001\n", "");
        assertEquals("--set output.timelineSampleMillis=0.001: output.timelineSampleMillis: 0.001 over "
                + "100,000,000 ms of run gives 100,000,000,001 timeline samples per run; at most 10,000,000 (each is "
                + "held in memory until the run ends and is a row of timeline.csv): raise timelineSampleMillis to at "
                + "least 10.001, or set it to 0 for no timeline",
                firstProblem(text, "output.timelineSampleMillis=0.001").toString());
    }

    @Test
    void aRunMadeLongerOnTheCommandLineIsRefusedAtTheSampleIntervalItMultiplies() {
        String text = TINY_STEP.replace("100000000", "1000000").replace("0.001", "0.1");
        assertEquals("test.yaml:9:25: output.timelineSampleMillis: 0.1 over 2,000,000 ms of run gives 20,000,001 "
                + "timeline samples per run; at most 10,000,000 (each is held in memory until the run ends and is a "
                + "row of timeline.csv): raise timelineSampleMillis to at least 0.201, or set it to 0 for no timeline",
                firstProblem(text, "durationMillis=2000000").toString());
    }

    /** A small run that broadcasts: the base of the broadcast bounds' tests. */
    private static final String BROADCASTS = """
            name: many
            seed: 1
            nodes: 10
            timeline:
              - {action: join, atMillis: 0, count: all, intervalMillis: 10}
              - {action: broadcast, atMillis: 1000, count: 1, intervalMillis: 1}
            """;

    @Test
    void moreBroadcastsPerRunThanTheBoundAreRefusedAtTheCountThatCrossesIt() {
        String text = BROADCASTS.replace("count: 1,", "count: 1000000000,");
        assertEquals("test.yaml:6:48: timeline.1.count: the broadcasts up to this action add up to 1,000,000,000 "
                + "per run; at most 1,000,000 (each keeps about 400 B of memory until the run ends and is a row of "
                + "broadcasts.csv, coverage.csv and events.csv): send fewer per run, or spread them over repetitions",
                firstProblem(text).toString());
    }

    @Test
    void theBroadcastBoundAddsUpTheActionsOfTheTimeline() throws Exception {
        String atTheBound = BROADCASTS.replace("count: 1,", "count: 999999,")
                + "  - {action: broadcast, atMillis: 2000000, count: 1}\n";
        assertEquals(RunBounds.MAX_BROADCASTS_PER_RUN, RunBounds.broadcasts(scenario(atTheBound).timeline()));
        String oneMore = atTheBound + "  - {action: broadcast, atMillis: 2000000}\n"; // count 1, not written
        assertEquals("test.yaml:8:5: timeline.3.count: the broadcasts up to this action add up to 1,000,001 per "
                + "run; at most 1,000,000 (each keeps about 400 B of memory until the run ends and is a row of "
                + "broadcasts.csv, coverage.csv and events.csv): send fewer per run, or spread them over repetitions",
                firstProblem(oneMore).toString());
    }

    @Test
    void aSweptBroadcastCountIsRefusedAtItsValue() {
        String text = BROADCASTS + "sweep: {parameter: timeline.1.count, values: [10, 2000000]}\n";
        assertEquals("test.yaml:7:51: with sweep timeline.1.count = 2000000: timeline.1.count: the broadcasts up to "
                + "this action add up to 2,000,000 per run; at most 1,000,000 (each keeps about 400 B of memory until "
                + "the run ends and is a row of broadcasts.csv, coverage.csv and events.csv): send fewer per run, or "
                + "spread them over repetitions", firstProblem(text).toString());
    }

    /** Broadcasts sent at one instant in a million-node group: their receipt tables are all held at once. */
    private static final String AT_ONCE = """
            name: at-once
            seed: 1
            nodes: 1000000
            timeline:
              - {action: join, atMillis: 0, count: all, intervalMillis: 10}
              - {action: broadcast, atMillis: 20000000, count: 10000, intervalMillis: 0}
            """;

    @Test
    void broadcastsWhoseReceiptTablesCannotBeHeldAtOnceAreRefusedAtTheirCount() {
        assertEquals("test.yaml:6:52: timeline.1.count: 10,000 broadcasts sent at one microsecond (at 20,000,000 ms) "
                + "need 41,250,000,000 bytes (41.3 GB) at once for their receipt tables (a 4-byte delay and a bit per "
                + "node slot each, 1,000,000 slots); at most 32,000,000,000 (32 GB): space them with intervalMillis, "
                + "or send fewer at once", firstProblem(AT_ONCE).toString());
    }

    @Test
    void theTablesAtOnceAreCountedPerMicrosecondAcrossActions() throws Exception {
        // 4,125,000 B per broadcast: 7,757 fit in 32 GB, 7,758 do not.
        scenario(AT_ONCE.replace("count: 10000", "count: 7757"));
        String twoActions = AT_ONCE.replace("count: 10000, intervalMillis: 0", "count: 7757, intervalMillis: 0")
                + "  - {action: broadcast, atMillis: 20000000, count: 3, intervalMillis: 5}\n";
        assertEquals("test.yaml:6:52: timeline.1.count: 7,758 broadcasts sent at one microsecond (at 20,000,000 ms) "
                + "need 32,001,750,000 bytes (32.0 GB) at once for their receipt tables (a 4-byte delay and a bit per "
                + "node slot each, 1,000,000 slots); at most 32,000,000,000 (32 GB): space them with intervalMillis, "
                + "or send fewer at once", firstProblem(twoActions).toString());
        // An interval below the microsecond puts several broadcasts on each tick of the clock: here 0.1 ns
        // apart, 10,000 on each (the first tick has half as many).
        String belowTheMicrosecond = AT_ONCE.replace("count: 10000, intervalMillis: 0}",
                "count: 20000, intervalMillis: 0.0000001}");
        assertEquals("test.yaml:6:52: timeline.1.count: 10,000 broadcasts sent at one microsecond (at "
                + "20,000,000.001 ms) need 41,250,000,000 bytes (41.3 GB) at once for their receipt tables (a 4-byte "
                + "delay and a bit per node slot each, 1,000,000 slots); at most 32,000,000,000 (32 GB): space them "
                + "with intervalMillis, or send fewer at once", firstProblem(belowTheMicrosecond).toString());
        scenario(AT_ONCE.replace("intervalMillis: 0}", "intervalMillis: 0.001}"));
    }

    /** 10,000 timeline samples and 1,000 broadcasts per run: how many runs fit is the question. */
    private static final String REPEATED = """
            name: repeated
            seed: 1
            nodes: 10
            repetitions: 100000
            timeline:
              - {action: join, atMillis: 0, count: all, intervalMillis: 10}
              - {action: broadcast, atMillis: 1000, count: 1000, intervalMillis: 10}
            durationMillis: 99990
            output: {timelineSampleMillis: 10}
            """;

    @Test
    void repetitionsWritingMoreRowsToOneFileThanTheBoundAreRefusedAtTheRepetitions() throws Exception {
        assertEquals(10_000, RunBounds.timelineSamples(scenario(REPEATED))); // 100,000 runs: 10^9 rows, the bound
        String text = REPEATED.replace("repetitions: 100000", "repetitions: 100001");
        assertEquals("test.yaml:4:14: repetitions: the plan's 100,001 runs write 1,000,010,000 rows of timeline.csv "
                + "(10,000 timeline samples per run); at most 1,000,000,000 rows in one result file (tens of GB of "
                + "CSV): run fewer repetitions or sweep fewer values, or write fewer rows per run",
                firstProblem(text).toString());
    }

    @Test
    void theBaselineRunsCountAsRuns() {
        String text = REPEATED.replace("repetitions: 100000", "repetitions: 600000")
                .replace("output: {timelineSampleMillis: 10}\n", "") + "baseline: {type: global, fanout: 2}\n";
        assertEquals("test.yaml:4:14: repetitions: the plan's 1,200,000 runs write 1,200,000,000 rows of "
                + "broadcasts.csv (1,000 broadcasts per run; as many rows of events.csv, and at least as many of "
                + "coverage.csv); at most 1,000,000,000 rows in one result file (tens of GB of CSV): run fewer "
                + "repetitions or sweep fewer values, or write fewer rows per run", firstProblem(text).toString());
    }

    @Test
    void nodesCsvHasARowPerNodeSlotAndRun() {
        String text = REPEATED.replace("nodes: 10", "nodes: 10000").replace("repetitions: 100000",
                "repetitions: 100001").replace("output: {timelineSampleMillis: 10}\n", "");
        assertEquals("test.yaml:4:14: repetitions: the plan's 100,001 runs write 1,000,010,000 rows of nodes.csv "
                + "(10,000 node slots per run); at most 1,000,000,000 rows in one result file (tens of GB of CSV): "
                + "run fewer repetitions or sweep fewer values, or write fewer rows per run",
                firstProblem(text).toString());
    }

    @Test
    void aSweepOfMorePointsThanRepetitionsIsRefusedAtItsValues() {
        StringBuilder values = new StringBuilder("1");
        for (int i = 2; i <= 101; i++) {
            values.append(", ").append(i);
        }
        String text = REPEATED.replace("repetitions: 100000", "repetitions: 1")
                .replace("durationMillis: 99990", "durationMillis: 9999999").replace("{timelineSampleMillis: 10}",
                        "{timelineSampleMillis: 1}") + "sweep: {parameter: seed, values: [" + values + "]}\n";
        assertEquals("test.yaml:10:34: sweep.values: the plan's 101 runs write 1,010,000,000 rows of timeline.csv "
                + "(10,000,000 timeline samples per run); at most 1,000,000,000 rows in one result file (tens of GB of "
                + "CSV): run fewer repetitions or sweep fewer values, or write fewer rows per run",
                firstProblem(text).toString());
    }

    /** A churn whose leave process is drawn every microsecond for 2,000 s, long after the nodes are gone. */
    private static final String CHURN = """
            name: churn
            seed: 1
            nodes: 10
            timeline:
              - {action: join, atMillis: 0, count: 5, intervalMillis: 10}
              - {action: churn, atMillis: 1000, untilMillis: 2001000, leavesPerSecond: 1e12}
            """;

    @Test
    void aChurnOfMoreLeaveAttemptsThanTheBoundIsRefusedAtItsRate() throws Exception {
        assertEquals("test.yaml:6:76: timeline.1.leavesPerSecond: 1,000,000,000,000 per second over 2,000,000 ms "
                + "gives about 2,000,000,000 leave attempts; at most 1,000,000,000 per churn (each is an event, drawn "
                + "at most once a microsecond whether or not a node is left: a slot is never reused, so at most nodes "
                + "of them remove one): lower leavesPerSecond to 500,000 or less, or shorten the churn",
                firstProblem(CHURN).toString());
        scenario(CHURN.replace("1e12", "500000"));
    }
}
