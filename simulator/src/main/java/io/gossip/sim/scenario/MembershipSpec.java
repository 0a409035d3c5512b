package io.gossip.sim.scenario;

/**
 * How nodes choose gossip targets.
 *
 * @param type SCAMP partial views, or the paper's "global knowledge" baseline: each node forwards
 *     to targets drawn uniformly from the group's membership
 * @param fanout for {@code GLOBAL}: the number of targets; null means "auto", the mean PartialView
 *     size that the same point's SCAMP run produced. Ignored for {@code SCAMP}.
 * @param knowsCrashes for {@code GLOBAL}: whether the membership the targets are drawn from loses a
 *     node when it crashes (a perfect failure detector), or only when it leaves gracefully, as in
 *     the paper, whose global scheme has no failure detector: copies sent to crashed members are
 *     lost, as SCAMP's are to crashed nodes still in PartialViews. Ignored for {@code SCAMP}.
 */
public record MembershipSpec(Type type, Integer fanout, boolean knowsCrashes) {
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

    /** A membership without a failure detector (the paper's global scheme, and SCAMP). */
    public MembershipSpec(Type type, Integer fanout) {
        this(type, fanout, false);
    }

    /** SCAMP membership. */
    public static MembershipSpec scamp() {
        return new MembershipSpec(Type.SCAMP, null);
    }
}
