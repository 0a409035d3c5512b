package io.gossip.sim.engine;

import io.gossip.sim.results.RunKey;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import java.util.Objects;

/**
 * Everything one run needs: the scenario, which membership it runs, the resolved baseline fanout,
 * and its seeds.
 *
 * @param key point, membership and repetition
 * @param scenario the scenario of the point
 * @param fanout targets per forward in the global baseline (ignored for SCAMP)
 * @param runSeed root of the nodes' and the network's generators
 * @param timelineSeed root of the timeline's generator (contacts, origins, fault selections)
 */
public record RunSetup(RunKey key, Scenario scenario, int fanout, long runSeed, long timelineSeed) {
    public RunSetup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scenario, "scenario");
        if (key.membership() == MembershipSpec.Type.GLOBAL && fanout < 1) {
            throw new IllegalArgumentException("the global baseline needs a fanout >= 1, got " + fanout);
        }
    }
}
