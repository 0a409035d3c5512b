package io.gossip.sim.engine;

import io.gossip.protocol.ScampArena;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;

/**
 * How a run holds its SCAMP nodes: one {@link io.gossip.protocol.ScampNode} object each, or all of
 * them in a {@link ScampArena}'s primitive arrays with messages as primitives in the event queue.
 * Both give byte-identical results (tested); the arena is several times faster and smaller, and
 * covers the configurations of {@link ScampArena#unsupported} without graceful leaves.
 */
public enum NodeRepresentation {
    OBJECTS,
    ARENA;

    /** The arena whenever it can run the scenario, else objects. */
    public static NodeRepresentation choose(Scenario scenario, MembershipSpec.Type membership) {
        return membership == MembershipSpec.Type.SCAMP && whyNotArena(scenario) == null ? ARENA : OBJECTS;
    }

    /** Why the arena cannot run {@code scenario}, or null if it can. */
    public static String whyNotArena(Scenario scenario) {
        String protocol = ScampArena.unsupported(scenario.protocol());
        if (protocol != null) {
            return protocol;
        }
        for (TimelineAction action : scenario.timeline()) {
            if (action instanceof TimelineAction.Unsubscribe
                    || (action instanceof TimelineAction.Churn churn && !churn.crash() && churn.leavesPerSecond() > 0)) {
                return "graceful unsubscription";
            }
        }
        return null;
    }
}
