package io.gossip.sim.scenario;

/**
 * How nodes choose gossip targets.
 *
 * @param type SCAMP partial views, or the paper's "global knowledge" baseline: each node forwards
 *     to targets drawn uniformly from all live nodes
 * @param fanout for {@code GLOBAL}: the number of targets; null means "auto", the mean PartialView
 *     size that the same point's SCAMP run produced. Ignored for {@code SCAMP}.
 */
public record MembershipSpec(Type type, Integer fanout) {
    /** The membership kinds. */
    public enum Type { SCAMP, GLOBAL }

    public MembershipSpec {
        if (type == null) {
            throw new IllegalArgumentException("membership type is required");
        }
        if (fanout != null && fanout < 1) {
            throw new IllegalArgumentException("fanout must be >= 1");
        }
    }

    /** SCAMP membership. */
    public static MembershipSpec scamp() {
        return new MembershipSpec(Type.SCAMP, null);
    }
}
