package io.gossip.sim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.OutputSpec;
import io.gossip.sim.scenario.RunPlan;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import io.gossip.sim.scenario.TimelineAction.NodeSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationRunnerTest {
    private static final List<String> FILES = List.of("broadcasts.csv", "coverage.csv", "nodes.csv", "timeline.csv",
            "events.csv", "points.csv", "summary.json");

    @TempDir
    Path dir;

    private static Scenario scenario(long seed, LossSpec loss) {
        ProtocolConfig protocol = ProtocolConfig.builder().c(1).indirection(false).heartbeatPeriodMillis(1_000)
                .isolationTimeoutMillis(5_000).build();
        List<TimelineAction> timeline = List.of(
                new TimelineAction.Join(0, 150, 150_000, TimelineAction.Join.Contacts.UNIFORM),
                new TimelineAction.Broadcast(155_000, 3, 500, -1, 8),
                new TimelineAction.Partition(160_000, 165_000, List.of(1.0, 1.0)),
                new TimelineAction.Broadcast(161_000, 1, 0, -1, 8),
                new TimelineAction.Crash(166_000, new NodeSelection(0.05, null)),
                new TimelineAction.Churn(167_000, 175_000, 1, 1, false),
                new TimelineAction.Unsubscribe(176_000, new NodeSelection(null, List.of(3, 4, 500 % 170))),
                new TimelineAction.Broadcast(178_000, 2, 1_000, 0, 8));
        return new Scenario("runner-test", seed, 2, 170, protocol, MembershipSpec.scamp(),
                new MembershipSpec(MembershipSpec.Type.GLOBAL, null),
                new NetworkSpec(new LatencySpec.LogNormal(30, 0.4), null, loss), timeline, 185_000,
                new OutputSpec(5_000, 20));
    }

    private static RunPlan plan(long seed) {
        return new RunPlan(List.of(
                new RunPlan.Point(0, "independent", scenario(seed, new LossSpec.Independent(0.05))),
                new RunPlan.Point(1, "bursty", scenario(seed, new LossSpec.GilbertElliott(0.02, 0.3, 0.01, 0.5)))),
                "network.loss");
    }

    private RunOutcome runInto(String name, long seed, int threads) throws IOException {
        return SimulationRunner.run(plan(seed), dir.resolve(name), threads, null);
    }

    /** A result file's bytes, with the two machine-dependent summary figures blanked. */
    private String stable(String run, String file) throws IOException {
        String text = Files.readString(dir.resolve(run).resolve(file));
        return text.replaceAll("\"(wallSeconds|eventsPerSecond)\" : [0-9.eE+-]+", "\"$1\" : X");
    }

    @Test
    void sameSeedGivesIdenticalFilesWhateverTheNumberOfThreads() throws IOException {
        RunOutcome first = runInto("a", 42, 1);
        runInto("b", 42, 1);
        runInto("parallel", 42, 2);
        for (String file : FILES) {
            assertEquals(stable("a", file), stable("b", file), file + " differs between identical runs");
            assertEquals(stable("a", file), stable("parallel", file), file + " differs with two threads");
        }
        assertEquals(8, first.runs());
        assertTrue(first.events() > 0);
        assertEquals(dir.resolve("a").resolve("summary.json"), first.summary());
    }

    @Test
    void anotherSeedGivesOtherResults() throws IOException {
        runInto("a", 42, 1);
        runInto("c", 43, 1);
        assertNotEquals(stable("a", "broadcasts.csv"), stable("c", "broadcasts.csv"));
    }

    @Test
    void writesTheDocumentedColumnsAndSummaryKeys() throws IOException {
        runInto("a", 7, 2);
        Path out = dir.resolve("a");
        assertEquals("point,membership,repetition,broadcast,origin,sent_ms,live_nodes,reached,coverage,complete,"
                + "t50_ms,t99_ms,t100_ms,max_hops,messages,duplicates,redelivered", firstLine(out, "broadcasts.csv"));
        assertEquals("point,membership,repetition,broadcast,t_ms,reached,coverage", firstLine(out, "coverage.csv"));
        assertEquals("point,membership,repetition,node,alive,partial_view,in_view,messages_sent,messages_received",
                firstLine(out, "nodes.csv"));
        assertEquals("point,membership,repetition,t_ms,live_nodes,pv_mean,pv_min,pv_max,iv_mean,pv_expected",
                firstLine(out, "timeline.csv"));
        assertEquals("point,membership,repetition,t_ms,action,detail", firstLine(out, "events.csv"));
        assertEquals("point,parameter,value,membership,repetitions,nodes,c,coverage_mean,coverage_min,reliability,"
                + "reliability_stddev,pv_mean,pv_expected,iv_mean,messages_per_node,duplicate_ratio,t99_ms_mean,"
                + "t100_ms_mean,pv_mean_stddev", firstLine(out, "points.csv"));
        // 2 points x 2 repetitions x 2 memberships x 170 nodes, plus the header.
        assertEquals(1 + 2 * 2 * 2 * 170, Files.readAllLines(out.resolve("nodes.csv")).size());
        assertEquals(1 + 2 * 2, Files.readAllLines(out.resolve("points.csv")).size());
        for (String line : Files.readAllLines(out.resolve("broadcasts.csv"))) {
            assertEquals(17, line.split(",", -1).length, line);
        }

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("scenario", "seed", "nodes", "c", "membership", "sweep", "coverage", "reliability",
                "latencyMillis", "partialView", "inView", "messages", "duplicateRatio", "redelivered", "broadcasts",
                "lateMembershipCopies", "coverageStepMillis", "events", "wallSeconds", "eventsPerSecond", "points")) {
            assertTrue(summary.has(key), "summary.json lacks " + key);
        }
        assertFalse(summary.get("drops").has("kernel"), "a simulated run has no kernel drops to report");
        assertEquals("scamp", summary.get("membership").asText());
        assertEquals("network.loss", summary.get("sweep").asText());
        assertEquals(4, summary.get("points").size());
        JsonNode global = summary.get("points").get(1);
        assertEquals("global", global.get("membership").asText());
        assertEquals("independent", global.get("value").asText());
        assertTrue(summary.get("coverage").get("mean").asDouble() > 0.5);
        assertTrue(summary.get("messages").get("byType").get("GOSSIP").asLong() > 0);
    }

    @Test
    void pvMeanStddevIsTheSpreadOfEachRepetitionsMeanPartialView() throws IOException {
        runInto("a", 7, 1);
        Path out = dir.resolve("a");
        List<String> nodes = Files.readAllLines(out.resolve("nodes.csv"));
        List<String> points = Files.readAllLines(out.resolve("points.csv"));
        List<String> header = List.of(points.get(0).split(","));
        for (String row : points.subList(1, points.size())) {
            String[] f = row.split(",", -1);
            String run = f[header.indexOf("point")] + "," + f[header.indexOf("membership")] + ",";
            double[] means = new double[Integer.parseInt(f[header.indexOf("repetitions")])];
            for (int r = 0; r < means.length; r++) {
                String prefix = run + r + ",";
                means[r] = nodes.stream().filter(l -> l.startsWith(prefix) && l.split(",")[4].equals("true"))
                        .mapToInt(l -> Integer.parseInt(l.split(",")[5])).average().orElseThrow();
            }
            double mean = (means[0] + means[1]) / 2;
            double stddev = Math.sqrt(((means[0] - mean) * (means[0] - mean) + (means[1] - mean) * (means[1] - mean))
                    / 2);
            assertEquals(stddev, Double.parseDouble(f[header.indexOf("pv_mean_stddev")]), 1e-6, row);
            if (f[header.indexOf("membership")].equals("scamp")) {
                assertTrue(stddev > 0, "two SCAMP graphs of 170 nodes differ in their mean view: " + row);
            }
        }
    }

    @Test
    void aRunsWarningReachesTheListenerNamingTheRun() throws IOException {
        // A duplicate memory of 1 ms: every copy after the first is taken for new again.
        ProtocolConfig forgetful = ProtocolConfig.builder().c(1).indirection(false).noHeartbeats()
                .duplicateMemoryAgeMillis(1).gossipHopLimit(6).build();
        Scenario s = new Scenario("forgetful", 5, 2, 60, forgetful, MembershipSpec.scamp(), null,
                new NetworkSpec(new LatencySpec.Uniform(10, 100), null, new LossSpec.Independent(0.1)),
                List.of(new TimelineAction.Join(0, -1, 2_000, TimelineAction.Join.Contacts.UNIFORM),
                        new TimelineAction.Broadcast(3_000, 2, 1_000, -1, 8)),
                8_000, new OutputSpec(1_000, 10));
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(long completedRuns, long totalRuns, double virtualMillis, double durationMillis,
                    long events, double wallSeconds) {
            }

            @Override
            public void warning(String text) {
                warnings.add(text);
            }
        };
        SimulationRunner.run(new RunPlan(List.of(new RunPlan.Point(0, null, s)), null), dir.resolve("w"), 2, listener);
        assertEquals(2, warnings.size(), warnings.toString());
        for (int repetition = 0; repetition < 2; repetition++) {
            String prefix = "point 0, repetition " + repetition + ", scamp: broadcast 0 (sent at 3.000 s) has been";
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith(prefix)), prefix + " in " + warnings);
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("w").resolve("summary.json").toFile());
        assertEquals(4, summary.get("broadcasts").asLong(), "two repetitions of two broadcasts");
        assertTrue(summary.get("redelivered").asLong() > 2 * 60, summary.toString());
        assertEquals(0, summary.get("lateMembershipCopies").asLong());
    }

    @Test
    void rejectsAPlanItCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> SimulationRunner.run(plan(1), dir.resolve("x"), 0, null));
        Scenario bad = new Scenario("bad", 1, 1, 10, ProtocolConfig.defaults(), MembershipSpec.scamp(), null,
                new NetworkSpec(new LatencySpec.Constant(1), null, LossSpec.none()),
                List.of(new TimelineAction.Broadcast(0, 1, 0, 10, 8)), 100, new OutputSpec(0, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationRunner.run(new RunPlan(List.of(new RunPlan.Point(0, null, bad)), null),
                        dir.resolve("y"), 1, null));
        assertTrue(e.getMessage().contains("source"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("y")), "nothing is written for a plan that cannot run");
    }

    @Test
    void seedsAreMixedPerPointRepetitionAndMembership() {
        long a = RunSeeds.runSeed(1, 0, 0, MembershipSpec.Type.SCAMP);
        assertNotEquals(a, RunSeeds.runSeed(1, 0, 1, MembershipSpec.Type.SCAMP));
        assertNotEquals(a, RunSeeds.runSeed(1, 1, 0, MembershipSpec.Type.SCAMP));
        assertNotEquals(a, RunSeeds.runSeed(1, 0, 0, MembershipSpec.Type.GLOBAL));
        assertNotEquals(a, RunSeeds.runSeed(2, 0, 0, MembershipSpec.Type.SCAMP));
        assertEquals(a, RunSeeds.runSeed(1, 0, 0, MembershipSpec.Type.SCAMP));
        assertArrayEquals(new long[] {RunSeeds.timelineSeed(5, 1, 1)}, new long[] {RunSeeds.timelineSeed(5, 1, 1)});
    }

    @Test
    void aGlobalOnlyPlanWithAutomaticFanoutSizesItFromAnUnreportedScampRun() throws IOException {
        Scenario s = new Scenario("global-only", 9, 1, 200, ProtocolConfig.builder().noHeartbeats().indirection(false)
                .build(), new MembershipSpec(MembershipSpec.Type.GLOBAL, null), null,
                new NetworkSpec(new LatencySpec.Constant(20), null, LossSpec.none()),
                List.of(new TimelineAction.Join(0, -1, 200_000, TimelineAction.Join.Contacts.UNIFORM),
                        new TimelineAction.Broadcast(201_000, 2, 100, -1, 0)),
                210_000, new OutputSpec(0, 10));
        RunOutcome outcome = SimulationRunner.run(new RunPlan(List.of(new RunPlan.Point(0, null, s)), null),
                dir.resolve("g"), 1, null);
        assertEquals(1, outcome.runs());
        List<String> nodes = Files.readAllLines(dir.resolve("g").resolve("nodes.csv"));
        assertEquals(201, nodes.size());
        assertTrue(nodes.stream().skip(1).allMatch(l -> l.startsWith("0,global,0,")));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("g").resolve("summary.json").toFile());
        assertEquals("global", summary.get("membership").asText());
        // The automatic fanout is SCAMP's mean view at n = 200: about (c+1)·ln 200 = 10.6.
        long fanout = summary.get("partialView").get("mean").asLong();
        assertTrue(fanout >= 7 && fanout <= 12, "fanout " + fanout);
    }

    @Test
    void aSingleNodeGroupBroadcastsToItselfOnly() throws IOException {
        Scenario s = new Scenario("alone", 1, 1, 1, ProtocolConfig.defaults(), MembershipSpec.scamp(), null,
                new NetworkSpec(new LatencySpec.Constant(1), null, LossSpec.none()),
                List.of(new TimelineAction.Join(0, -1, 0, TimelineAction.Join.Contacts.SINGLE),
                        new TimelineAction.Broadcast(10, 1, 0, -1, 0)),
                100, new OutputSpec(10, 10));
        SimulationRunner.run(new RunPlan(List.of(new RunPlan.Point(0, null, s)), null), dir.resolve("one"), 1, null);
        List<String> broadcasts = Files.readAllLines(dir.resolve("one").resolve("broadcasts.csv"));
        assertEquals("0,scamp,0,0,0,10.0,1,1,1.0,true,0.0,0.0,0.0,0,0,0,0", broadcasts.get(1));
    }

    @Test
    void slotsNoNodeJoinedAreLeftOutOfTheMessagesPerNodeAndWrittenWithEmptyFigures() throws IOException {
        // 40 slots, 25 joins: 15 slots never hold a node. The baseline's crashed nodes sent nothing
        // either, but they are nodes: 0 messages, not empty.
        Scenario s = new Scenario("unused-slots", 3, 2, 40, ProtocolConfig.builder().noHeartbeats().build(),
                MembershipSpec.scamp(), new MembershipSpec(MembershipSpec.Type.GLOBAL, 3),
                new NetworkSpec(new LatencySpec.Constant(5), null, LossSpec.none()),
                List.of(new TimelineAction.Join(0, 25, 25_000, TimelineAction.Join.Contacts.UNIFORM),
                        new TimelineAction.Crash(26_000, new NodeSelection(null, List.of(1, 2))),
                        new TimelineAction.Broadcast(27_000, 2, 100, 0, 0)),
                30_000, new OutputSpec(0, 10));
        Path out = dir.resolve("u");
        SimulationRunner.run(new RunPlan(List.of(new RunPlan.Point(0, null, s)), null), out, 1, null);
        List<String> nodes = Files.readAllLines(out.resolve("nodes.csv"));
        assertEquals(1 + 2 * 2 * 40, nodes.size(), "a row per slot still");
        for (String row : nodes.subList(1, nodes.size())) {
            int slot = Integer.parseInt(row.split(",")[3]);
            assertEquals(slot >= 25, row.endsWith(",false,,,,"), row);
        }
        assertTrue(nodes.contains("0,global,1,1,false,0,0,0,0"), "a crashed baseline node is a node with zeros");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        long total = summary.get("messages").get("total").asLong();
        assertEquals(total / (2.0 * 25), summary.get("messages").get("perNode").asDouble(), 1e-6,
                "per node that joined, over two repetitions, not per slot");
        JsonNode scamp = summary.get("points").get(0);
        String scampRow = Files.readAllLines(out.resolve("points.csv")).get(1);
        assertEquals(scamp.get("messages").get("perNode").asDouble(), Double.parseDouble(scampRow.split(",")[14]));
        long sentByScampNodes = nodes.stream().filter(l -> l.startsWith("0,scamp,") && !l.endsWith(",,,,"))
                .mapToLong(l -> Long.parseLong(l.split(",")[7])).sum();
        assertEquals(sentByScampNodes / (2.0 * 25), scamp.get("messages").get("perNode").asDouble(), 1e-6);
    }

    @Test
    void theCoverageStepWrittenIsTheOneTheGridWasLaidOn() throws IOException {
        // 10.0004 ms is laid on the microsecond clock as 10 ms: summary.json says so, not 10.0004.
        Scenario s = new Scenario("step", 4, 1, 20, ProtocolConfig.builder().noHeartbeats().build(),
                MembershipSpec.scamp(), null, new NetworkSpec(new LatencySpec.Uniform(5, 50), null, LossSpec.none()),
                List.of(new TimelineAction.Join(0, -1, 20_000, TimelineAction.Join.Contacts.UNIFORM),
                        new TimelineAction.Broadcast(21_000, 1, 0, -1, 0)),
                23_000, new OutputSpec(0, 10.0004));
        Path out = dir.resolve("s");
        SimulationRunner.run(new RunPlan(List.of(new RunPlan.Point(0, null, s)), null), out, 1, null);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("10.0", summary.get("coverageStepMillis").asText());
        assertEquals("10.0", summary.get("points").get(0).get("coverageStepMillis").asText());
        assertEquals("0,scamp,0,0,10.0", String.join(",",
                List.of(Files.readAllLines(out.resolve("coverage.csv")).get(2).split(",")).subList(0, 5)));
    }

    private static String firstLine(Path out, String file) throws IOException {
        return Files.readAllLines(out.resolve(file)).get(0);
    }
}
