package io.gossip.bench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.ceiling.CeilingRun;
import io.gossip.sim.ceiling.ScampCeiling;
import io.gossip.sim.run.PhaseWatcher;
import io.gossip.sim.run.ScaleRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import one.profiler.AsyncProfiler;
import one.profiler.AsyncProfilerLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
    @Test
    void theDefaultsAreTheBroadcastPhaseOfOneScaleRun() {
        ProfileCommand.Options o = ProfileCommand.parse(new String[] {"--nodes", "1000", "--c", "0"});
        assertEquals(Phase.BROADCAST, o.phase());
        assertNull(o.event(), "no event: the first sampler that starts");
        assertEquals(1000, o.intervalMicros());
        assertTrue(o.out().startsWith(Path.of("out", "bench")), o.out().toString());
        assertEquals(1000, o.scale().nodes());
        assertEquals(0, o.scale().c());
        ProfileCommand.Options join = ProfileCommand.parse(new String[] {"--phase", "join", "--event", "itimer",
                "--interval-us", "250", "--out", "x", "--ceiling", "--nodes", "500"});
        assertEquals(Phase.JOIN, join.phase());
        assertEquals("itimer", join.event());
        assertEquals(250, join.intervalMicros());
        assertEquals(Path.of("x"), join.out());
        assertTrue(join.ceiling());
        assertNull(join.scale(), "the bare loop reads its own options");
    }

    @Test
    void badOptionsAreRefusedWithWhatIsWrong() {
        assertRefused("--runs is not an option", "--nodes", "1000", "--runs", "2");
        assertRefused("--phase must be join, broadcast or run", "--phase", "gossip", "--nodes", "1000");
        // An event cannot smuggle in more of async-profiler's options.
        assertRefused("--event must be", "--event", "cpu,file=/tmp/x", "--nodes", "1000");
        assertRefused("--interval-us", "--interval-us", "0", "--nodes", "1000");
        assertRefused("--nodes is required", "--phase", "join");
        assertRefused("unknown option --appender", "--ceiling", "--nodes", "1000", "--appender", "on");
        assertRefused("option --out needs a value", "--nodes", "1000", "--out");
        assertRefused("--out cannot contain a comma", "--nodes", "1000", "--out", "a,b");
        assertRefused("--out needs a folder, got an empty value", "--nodes", "1000", "--out", "");
        // A c whose views cannot fit the group, for the scale run and the bare loop alike.
        assertRefused("--c must be <= 143 with 1000 nodes, got 144", "--nodes", "1000", "--c", "144");
        assertRefused("--c must be <= 16 with 1000 nodes, got 144", "--ceiling", "--nodes", "1000", "--c", "144");
    }

    @Test
    void eachPhaseTakesItsPartOfTheRun() {
        assertEquals(70, Phase.JOIN.deliveries(100, 30));
        assertEquals(30, Phase.BROADCAST.deliveries(100, 30));
        assertEquals(100, Phase.RUN.deliveries(100, 30));
        assertEquals(7.5, Phase.JOIN.seconds(10, 2.5), 1e-12);
        assertEquals(2.5, Phase.BROADCAST.seconds(10, 2.5), 1e-12);
        assertEquals(10, Phase.RUN.seconds(10, 2.5), 1e-12);
    }

    private static void assertRefused(String message, String... args) {
        var e = assertThrows(IllegalArgumentException.class, () -> ProfileCommand.parse(args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void cpuPerDeliveryDividesThePhasesCpuTimeBySamples() {
        String collapsed = "[main tid=1];io/gossip/sim/engine/Simulation.run;io/gossip/sim/engine/EventQueue.push 30\n"
                + "[main tid=1];io/gossip/sim/engine/Simulation.run 10\n";
        SampleTally tally = SampleTally.of(collapsed, LoopParts.SIMULATOR, LoopParts.SIMULATOR_LOOP);
        var m = new ProfileCommand.Measured(1000, 0.005, 4_000_000, tally, collapsed, 101.5, Double.NaN);
        assertEquals(4000, m.nanosPerDelivery(40), 1e-9);
        assertEquals(3000, m.nanosPerDelivery(tally.loopByPart().get("event queue: scheduling")), 1e-9);
        ProfileCommand.Options o = ProfileCommand.parse(new String[] {"--nodes", "1000"});
        String json = ProfileCommand.json(o, "itimer", m);
        assertTrue(json.startsWith("{\"benchmark\":\"profile\",\"loop\":\"simulator\",\"phase\":\"broadcast\","
                + "\"event\":\"itimer\",\"intervalMicros\":1000,\"deliveries\":1000,"), json);
        assertTrue(json.contains("{\"part\":\"event queue: scheduling\",\"samples\":30,\"nanosPerDelivery\":3000.00}"),
                json);
        assertTrue(json.endsWith(",\"coreRoundTripNanosBefore\":101.5,\"coreRoundTripNanosAfter\":null}"), json);
        var text = new ByteArrayOutputStream();
        ProfileCommand.print(o, "itimer", m, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("4000.0 ns per delivery"), text.toString());
    }

    /** A sampler async-profiler refuses is said, with exit 1, before the output folder is created. */
    @Test
    void aRefusedSamplerLeavesNoFolderBehind(@TempDir Path tmp) {
        Path folder = tmp.resolve("profile");
        ProfileCommand.Options o = ProfileCommand.parse(new String[] {"--event", "nosuchsampler", "--out",
                folder.toString(), "--nodes", "1000"});
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = ProfileCommand.run(o, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, said);
        assertTrue(said.startsWith("profile: async-profiler could not start: nosuchsampler refused: "), said);
        assertFalse(Files.exists(folder), "no folder is left for a profile that never ran");
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    /** A real run under async-profiler: its phase's deliveries are the run's, and the loop's samples fall in parts. */
    @Test
    void profilesTheSimulatorsRunAndTheBareLoopsBroadcastPhase() throws IOException {
        AsyncProfiler profiler = AsyncProfilerLoader.load();
        ProfileCommand.Options o = ProfileCommand.parse(new String[] {"--phase", "run", "--interval-us", "200",
                "--nodes", "4000", "--c", "0", "--broadcasts", "5", "--warmup-nodes", "0"});
        String event = ProfileCommand.event(o, profiler, System.err);
        ProfileCommand.Measured run = ProfileCommand.profile(o, event, profiler);
        assertEquals(ScaleRun.run(o.scale(), null).events(), run.deliveries(), "the whole run's deliveries");
        assertTrue(run.cpuNanos() > 0);
        assertTrue(run.tally().loopSamples() > 0, "samples of the loop's thread");
        assertTrue(run.tally().loopByPart().get("protocol: the handlers (arena or ScampNode)") > 0,
                run.tally().loopByPart()::toString);
        assertTrue(run.tally().loopByPart().get("event queue: scheduling") > 0, run.tally().loopByPart()::toString);

        String[] bare = {"--nodes", "4000", "--c", "0", "--broadcasts", "5"};
        ProfileCommand.Options b = ProfileCommand.parse(new String[] {"--ceiling", "--interval-us", "200",
                bare[0], bare[1], bare[2], bare[3], bare[4], bare[5]});
        ProfileCommand.Measured broadcasts = ProfileCommand.profile(b, event, profiler);
        CeilingRun.Result expected = ScampCeiling.run(bare, PhaseWatcher.NONE);
        assertEquals(expected.broadcastPhaseEvents(), broadcasts.deliveries(), "the broadcast phase's deliveries");
        assertTrue(broadcasts.cpuNanos() > 0);
        assertTrue(broadcasts.collapsed().contains("io/gossip/sim/ceiling/"), "the bare loop was sampled");
    }
}
