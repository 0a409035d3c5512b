package io.gossip.sim.results;

import io.gossip.sim.scenario.MembershipSpec;

/**
 * Identifies one run of a plan: a point, a membership kind and a repetition.
 *
 * @param point 0-based point index
 * @param membership SCAMP or the global-knowledge baseline
 * @param repetition 0-based repetition number
 */
public record RunKey(int point, MembershipSpec.Type membership, int repetition) {
    /** The membership as written in the result files: {@code scamp} or {@code global}. */
    public String membershipName() {
        return membership == MembershipSpec.Type.SCAMP ? "scamp" : "global";
    }
}
