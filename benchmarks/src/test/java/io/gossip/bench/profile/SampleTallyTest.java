package io.gossip.bench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleTallyTest {
    private static final String LOOP = "[main tid=7];io/gossip/sim/engine/Simulation.run;";

    @Test
    void theLoopsSamplesGoByPartAndTheOthersByThread() {
        String collapsed = String.join("\n",
                LOOP + "io/gossip/sim/engine/Simulation.handleNext;io/gossip/sim/engine/EventQueue.pop 30",
                LOOP + "io/gossip/sim/engine/Simulation.readAhead;io/gossip/protocol/ScampArena.prefetch 12",
                LOOP + "io/gossip/sim/engine/Simulation.handleNext 8",
                "[wheel-appender tid=9];java/lang/Thread.run;io/gossip/sim/engine/WheelAppender.run 21",
                "[ParGC Thread#0 tid=11];GCTaskThread::run 5",
                "[C2 CompilerThre tid=12];CompileBroker::compiler_thread_loop 4",
                "[VM Thread tid=13];VMThread::run 2",
                "");
        SampleTally tally = SampleTally.of(collapsed, LoopParts.SIMULATOR, LoopParts.SIMULATOR_LOOP);
        assertEquals(50, tally.loopSamples());
        Map<String, Long> parts = tally.loopByPart();
        assertEquals(List.copyOf(LoopParts.SIMULATOR.stream().map(LoopParts.Part::name).toList()),
                List.copyOf(parts.keySet()), "every part, in order, even without samples");
        assertEquals(30, parts.get("event queue: finding, sorting, popping"));
        assertEquals(12, parts.get("reading node state ahead"));
        assertEquals(8, parts.get("engine: arrival checks, dispatch, loop"));
        assertEquals(0, parts.get("broadcast tracker"));
        assertEquals(List.of(21L, 5L, 4L, 2L), List.copyOf(tally.otherByRole().values()));
    }

    @Test
    void aLineThatIsNotAStackAndACountIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SampleTally.of(LOOP + "x.y twelve", LoopParts.SIMULATOR, LoopParts.SIMULATOR_LOOP));
        assertTrue(e.getMessage().contains("twelve"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SampleTally.of("nocount", LoopParts.SIMULATOR, LoopParts.SIMULATOR_LOOP));
    }
}
