package io.gossip.sim.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.run.ScaleRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CeilingRunTest {
    @Test
    void sameSeedGivesTheSameRun() {
        CeilingRun.Result a = new CeilingRun(500, 1, 3, 9).run();
        CeilingRun.Result b = new CeilingRun(500, 1, 3, 9).run();
        assertEquals(a.events(), b.events());
        assertEquals(a.messagesSent(), b.messagesSent());
        assertEquals(a.timersFired(), b.timersFired());
        assertEquals(a.coverage(), b.coverage());
        assertEquals(a.partialViewMean(), b.partialViewMean());
    }

    /**
     * The loop is only a yardstick if it runs the scale benchmark's workload: about as many
     * deliveries per node, views of the same size, the same coverage, and lost messages that are
     * retransmitted.
     */
    @Test
    void runsTheScaleBenchmarksWorkload() {
        int n = 2_000;
        for (int c : new int[] {0, 1}) {
            CeilingRun.Result lean = new CeilingRun(n, c, 3, 1).run();
            ScaleRun.Result simulator = ScaleRun.run(new ScaleRun.Options(n, c, 3, 1), null);
            double ratio = lean.events() / (double) simulator.events();
            assertTrue(ratio > 0.85 && ratio < 1.15, "c = " + c + ": events " + lean.events() + " against the"
                    + " simulator's " + simulator.events());
            double gossip = lean.broadcastPhaseEvents() / (double) simulator.broadcastPhaseEvents();
            assertTrue(gossip > 0.85 && gossip < 1.15, "c = " + c + ": broadcast phase " + lean.broadcastPhaseEvents()
                    + " events against the simulator's " + simulator.broadcastPhaseEvents());
            assertTrue(lean.broadcastPhaseEvents() < lean.events() / 2, "the joins come first: "
                    + lean.broadcastPhaseEvents() + " of " + lean.events());
            assertTrue(lean.broadcastPhaseSeconds() > 0 && lean.broadcastPhaseSeconds() < lean.simSeconds(),
                    "the broadcast phase is part of the run: " + lean.broadcastPhaseSeconds() + " of "
                    + lean.simSeconds() + " s");
            double views = lean.partialViewMean() / simulator.partialViewMean();
            assertTrue(views > 0.9 && views < 1.1, "c = " + c + ": mean PartialView " + lean.partialViewMean()
                    + " against " + simulator.partialViewMean());
            assertTrue(lean.coverage() > 0.98, "coverage " + lean.coverage());
            double lost = 1 - lean.events() / (double) lean.messagesSent();
            assertTrue(lost > 0.08 && lost < 0.12, "10 % of messages are lost: " + lost);
            assertTrue(lean.timersFired() > lean.messagesSent() / 100, "lost messages are retransmitted: "
                    + lean.timersFired() + " timers fired");
        }
    }

    @Test
    void printsATextLineAndAJsonLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScampCeiling.print(new CeilingRun(300, 0, 2, 5).run(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("ceiling loop: 300 nodes, c = 0, 2 broadcasts: "), lines[0]);
        assertTrue(lines[1].matches("\\{\"benchmark\":\"ceiling\",\"nodes\":300,\"c\":0,\"broadcasts\":2,\"seed\":5,"
                + "\"events\":\\d+,\"messagesSent\":\\d+,\"timersFired\":\\d+,\"simSeconds\":[0-9.]+,"
                + "\"eventsPerSecond\":\\d+,\"joinPhaseEventsPerSecond\":\\d+,\"broadcastPhaseEvents\":\\d+,"
                + "\"broadcastPhaseSeconds\":[0-9.]+,\"broadcastPhaseEventsPerSecond\":\\d+,\"coverage\":[0-9.]+,"
                + "\"partialViewMean\":[0-9.]+,\"partialViewMax\":\\d+}"),
                lines[1]);
    }

    @Test
    void rejectsRunsOutsideItsLimits() {
        assertThrows(IllegalArgumentException.class, () -> new CeilingRun(1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CeilingRun(10, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CeilingRun(LeanNodes.MAX_NODES + 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CeilingRun(10, 1, 0, 1)); // no broadcast phase
    }
}
