package io.gossip.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.sim.ceiling.CeilingRun;
import io.gossip.sim.ceiling.ScampCeiling;
import io.gossip.sim.engine.NodeRepresentation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseWatcherTest {
    /** Writes down what it is told, in order. */
    private static final class Recorder implements PhaseWatcher {
        final List<String> told = new ArrayList<>();

        @Override
        public void joinPhaseStarts() {
            told.add("joins");
        }

        @Override
        public void broadcastPhaseStarts() {
            told.add("broadcasts");
        }

        @Override
        public void runEnds() {
            told.add("end");
        }
    }

    @Test
    void theMeasuredScaleRunTellsEachPhaseOnceAndTheWarmUpNothing() {
        Recorder recorder = new Recorder();
        // A warm-up of 200 nodes before the measured run: it must not be told about.
        ScaleRun.Options options = new ScaleRun.Options(300, 1, 3, 42, NodeRepresentation.ARENA, 200);
        ScaleRun.Result watched = ScaleRun.run(options, null, recorder);
        assertEquals(List.of("joins", "broadcasts", "end"), recorder.told);
        ScaleRun.Result unwatched = ScaleRun.run(options, null);
        assertEquals(unwatched.events(), watched.events(), "watching changes nothing");
        assertEquals(unwatched.broadcastPhaseEvents(), watched.broadcastPhaseEvents());
    }

    @Test
    void theBareLoopTellsEachPhaseOnce() {
        Recorder recorder = new Recorder();
        String[] args = {"--nodes", "300", "--c", "1", "--broadcasts", "3", "--seed", "42"};
        CeilingRun.Result watched = ScampCeiling.run(args, recorder);
        assertEquals(List.of("joins", "broadcasts", "end"), recorder.told);
        CeilingRun.Result unwatched = ScampCeiling.run(args, PhaseWatcher.NONE);
        assertEquals(unwatched.events(), watched.events());
        assertEquals(unwatched.broadcastPhaseEvents(), watched.broadcastPhaseEvents());
    }
}
