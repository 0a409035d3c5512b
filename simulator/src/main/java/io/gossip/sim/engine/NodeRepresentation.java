package io.gossip.sim.engine;

import io.gossip.protocol.ScampArena;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.RunPlan;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run holds its SCAMP nodes: one {@link io.gossip.protocol.ScampNode} object each, or all of
 * them in a {@link ScampArena}'s primitive arrays with messages as primitives in the event queue.
 * Both give byte-identical results (tested); the arena is faster and smaller, and covers the
 * configurations of {@link ScampArena#unsupported}.
 */
public enum NodeRepresentation {
    OBJECTS,
    ARENA;

    /** The arena whenever it can run the scenario, else objects. */
    public static NodeRepresentation choose(Scenario scenario, MembershipSpec.Type membership) {
        return membership == MembershipSpec.Type.SCAMP && whyNotArena(scenario) == null ? ARENA : OBJECTS;
    }

    /**
     * One line telling a user how the plan's SCAMP runs hold their nodes and, when not in the
     * arena, why; null if the plan runs no SCAMP membership.
     */
    public static String describe(RunPlan plan) {
        List<String> arena = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        String why = null;
        for (RunPlan.Point point : plan.points()) {
            Scenario s = point.scenario();
            boolean scamp = s.membership().type() == MembershipSpec.Type.SCAMP
                    || (s.baseline() != null && s.baseline().type() == MembershipSpec.Type.SCAMP);
            if (!scamp) {
                continue;
            }
            String reason = whyNotArena(s);
            (reason == null ? arena : objects).add(String.valueOf(point.index()));
            why = why == null ? reason : why;
        }
        if (arena.isEmpty() && objects.isEmpty()) {
            return null;
        }
        String arenaText = "ScampArena (primitive arrays)";
        String objectsText = "ScampNode objects (the arena does not run " + why + ")";
        if (objects.isEmpty()) {
            return "nodes: " + arenaText;
        }
        if (arena.isEmpty()) {
            return "nodes: " + objectsText;
        }
        return "nodes: " + arenaText + atPoints(arena) + "; " + objectsText + atPoints(objects);
    }

    /** " at point 1" or " at points 0, 2". */
    private static String atPoints(List<String> points) {
        return (points.size() == 1 ? " at point " : " at points ") + String.join(", ", points);
    }

    /** Why the arena cannot run {@code scenario}, or null if it can (its protocol, or a run of years). */
    public static String whyNotArena(Scenario scenario) {
        return ScampArena.unsupported(scenario.protocol(), Math.round(scenario.durationMillis() * 1000));
    }
}
