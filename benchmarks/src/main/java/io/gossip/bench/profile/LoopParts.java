package io.gossip.bench.profile;

import java.util.List;

/**
 * The parts of an event loop's time that {@code ./bench profile} reports, in order: a sample counts
 * in the first part whose code is on its stack, so that sending (a latency draw, then the queue)
 * counts as randomness and scheduling, not as the protocol handler that sent. The README's table
 * "Where the time goes" is made of these parts.
 *
 * <p>Frames are matched as async-profiler writes them ({@code io/gossip/sim/engine/Simulation.run}):
 * a key ending in {@code .} matches every method of that class, a key ending in {@code /} every
 * class of that package, any other key one method; {@code a;b} matches where {@code a} calls
 * {@code b}. A part with no keys takes every sample the parts above it did not.
 */
final class LoopParts {
    private LoopParts() {
    }

    /** One part: its name in the report and the frames that put a sample in it. */
    record Part(String name, List<String> keys) {
        boolean matches(String[] frames) {
            for (String key : keys) {
                int pair = key.indexOf(';');
                for (int i = 0; i < frames.length; i++) {
                    if (pair < 0 ? matches(key, frames[i])
                            : i + 1 < frames.length && matches(key.substring(0, pair), frames[i])
                                    && matches(key.substring(pair + 1), frames[i + 1])) {
                        return true;
                    }
                }
            }
            return keys.isEmpty();
        }

        private static boolean matches(String key, String frame) {
            return key.endsWith(".") || key.endsWith("/") ? frame.startsWith(key) : frame.equals(key);
        }
    }

    private static final String ENGINE = "io/gossip/sim/engine/";

    /** The frame of the simulator's loop: a sample of its thread has it on its stack. */
    static final String SIMULATOR_LOOP = ENGINE + "Simulation.run";

    /** The simulator's loop, as the README's table splits it. */
    static final List<Part> SIMULATOR = List.of(
            new Part("reading node state ahead", List.of(ENGINE + "Simulation.readAhead")),
            new Part("randomness: latency draws", List.of("io/gossip/sim/network/Network.latencyMicros")),
            new Part("randomness: loss draws", List.of("io/gossip/sim/network/LossModel.lose")),
            new Part("event queue: scheduling", List.of(ENGINE + "EventQueue.push")),
            new Part("event queue: finding, sorting, popping", List.of(ENGINE + "EventQueue.",
                    ENGINE + "WheelBuckets.", ENGINE + "BucketChunks.", ENGINE + "WakeupLane.")),
            new Part("broadcast tracker", List.of(ENGINE + "BroadcastTracker.")),
            new Part("protocol: the handlers (arena or ScampNode)", List.of("io/gossip/protocol/")),
            new Part("engine: arrival checks, dispatch, loop", List.of()));

    private static final String CEILING = "io/gossip/sim/ceiling/";

    /** The frame of the bare loop ({@code ./bench ceiling}). */
    static final String BARE_LOOP = CEILING + "CeilingRun.run";

    /**
     * The bare loop in the same terms. Its network draws are inlined {@code RunSeeds.mix} calls in
     * {@code send} and {@code lost}; the same call in a node's random pick reads the node's slot, so
     * it counts as node state.
     */
    static final List<Part> BARE = List.of(
            new Part("randomness: latency and loss draws", List.of(CEILING + "LeanNodes.lost",
                    CEILING + "LeanNodes.send;io/gossip/sim/run/RunSeeds.mix")),
            new Part("event queue: scheduling", List.of(CEILING + "LeanWheel.push")),
            new Part("event queue: finding, sorting, popping", List.of(CEILING + "LeanWheel.")),
            new Part("node state: views, pending messages, handled pairs", List.of(CEILING + "LeanNodes.",
                    CEILING + "PendingMessages.", CEILING + "RecentPairs.")),
            new Part("loop", List.of()));

    /** The name of the first of {@code parts} that {@code frames} match. */
    static String partOf(List<Part> parts, String[] frames) {
        for (Part part : parts) {
            if (part.matches(frames)) {
                return part.name();
            }
        }
        throw new IllegalArgumentException("the last part must take every sample");
    }
}
