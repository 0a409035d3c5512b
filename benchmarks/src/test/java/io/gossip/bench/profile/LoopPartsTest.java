package io.gossip.bench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopPartsTest {
    private static final String LOOP = "io/gossip/sim/engine/Simulation.run";

    private static String simulatorPart(String... frames) {
        return LoopParts.partOf(LoopParts.SIMULATOR, frames);
    }

    @Test
    void aSampleCountsInTheFirstPartWhoseCodeItRan() {
        // A protocol handler sending: the latency draw, then the queue, count as those, not as the protocol.
        assertEquals("randomness: latency draws", simulatorPart(LOOP, "io/gossip/protocol/ScampArena.onMessage",
                "io/gossip/sim/engine/NodeEnvironment.send", "io/gossip/sim/network/Network.latencyMicros",
                "java/util/SplittableRandom.nextLong"));
        assertEquals("event queue: scheduling", simulatorPart(LOOP, "io/gossip/protocol/ScampArena.onMessage",
                "io/gossip/sim/engine/NodeEnvironment.send", "io/gossip/sim/engine/EventQueue.push",
                "io/gossip/sim/engine/BucketChunks.store"));
        assertEquals("event queue: finding, sorting, popping", simulatorPart(LOOP,
                "io/gossip/sim/engine/Simulation.handleNext", "io/gossip/sim/engine/EventQueue.pop",
                "io/gossip/sim/engine/BucketChunks.sortByOffset"));
        // Reading ahead comes first, whatever it reads.
        assertEquals("reading node state ahead", simulatorPart(LOOP, "io/gossip/sim/engine/Simulation.readAhead",
                "io/gossip/protocol/ScampArena.prefetch", "io/gossip/protocol/NodeRecord.used"));
        assertEquals("protocol: the handlers (arena or ScampNode)", simulatorPart(LOOP,
                "io/gossip/sim/engine/Arrivals.arrivePacked", "io/gossip/protocol/ScampArena.onMessage"));
        assertEquals("engine: arrival checks, dispatch, loop", simulatorPart(LOOP,
                "io/gossip/sim/engine/Simulation.handleNext", "io/gossip/sim/engine/Arrivals.arrivalState"));
    }

    @Test
    void aClassKeyTakesEveryMethodAndAMethodKeyOnlyItsOwn() {
        assertEquals("broadcast tracker", simulatorPart(LOOP, "io/gossip/sim/engine/BroadcastTracker.has"));
        // Simulation.readAheadAt is not Simulation.readAhead.
        assertEquals("engine: arrival checks, dispatch, loop", simulatorPart(LOOP,
                "io/gossip/sim/engine/Simulation.readAheadAt"));
    }

    @Test
    void theBareLoopsNetworkDrawsAreRandomnessAndItsNodesPicksAreNodeState() {
        String run = LoopParts.BARE_LOOP;
        String mix = "io/gossip/sim/run/RunSeeds.mix";
        assertEquals("randomness: latency and loss draws", LoopParts.partOf(LoopParts.BARE,
                new String[] {run, "io/gossip/sim/ceiling/LeanNodes.flood",
                        "io/gossip/sim/ceiling/LeanNodes.send", mix}));
        assertEquals("node state: views, pending messages, handled pairs", LoopParts.partOf(LoopParts.BARE,
                new String[] {run, "io/gossip/sim/ceiling/LeanNodes.onMembership",
                        "io/gossip/sim/ceiling/LeanNodes.random", mix}));
        assertEquals("event queue: scheduling", LoopParts.partOf(LoopParts.BARE,
                new String[] {run, "io/gossip/sim/ceiling/LeanNodes.send", "io/gossip/sim/ceiling/LeanWheel.push"}));
        assertEquals("loop", LoopParts.partOf(LoopParts.BARE, new String[] {run,
                "io/gossip/sim/ceiling/CeilingRun.handleHead"}));
    }

    @Test
    void onlyTheLastPartTakesTheRest() {
        for (List<LoopParts.Part> parts : List.of(LoopParts.SIMULATOR, LoopParts.BARE)) {
            for (int i = 0; i < parts.size(); i++) {
                assertEquals(i == parts.size() - 1, parts.get(i).keys().isEmpty(), parts.get(i).name());
            }
        }
    }

    /** A renamed class or method would leave its part empty without a word: every key must name code that exists. */
    @Test
    void everyKeyNamesCodeThatExists() throws ClassNotFoundException {
        List<String> keys = new java.util.ArrayList<>(List.of(LoopParts.SIMULATOR_LOOP, LoopParts.BARE_LOOP));
        for (List<LoopParts.Part> parts : List.of(LoopParts.SIMULATOR, LoopParts.BARE)) {
            parts.forEach(part -> keys.addAll(part.keys()));
        }
        for (String key : keys) {
            for (String frame : key.split(";")) {
                if (frame.endsWith("/")) {
                    String packageName = frame.substring(0, frame.length() - 1).replace('/', '.');
                    assertEquals(packageName, io.gossip.protocol.ScampArena.class.getPackageName(), key);
                    continue;
                }
                int dot = frame.lastIndexOf('.');
                Class<?> type = Class.forName(frame.substring(0, dot).replace('/', '.'));
                String method = frame.substring(dot + 1);
                if (!method.isEmpty()) {
                    assertTrue(Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(method::equals),
                            key + ": no method " + method + " in " + type.getName());
                }
            }
        }
    }
}
