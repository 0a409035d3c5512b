package io.gossip.protocol;

/**
 * How a node's {@link ScampNode#join join} through a contact stands, for a driver to poll after its
 * calls into the node (the core has no callback for it: the outcome is state, like the views).
 *
 * <p>Reliable delivery decides it: the join's {@code Subscribe} is retransmitted until the contact
 * acknowledges it or {@link ProtocolConfig#maxAttempts()} transmissions went unacknowledged. A
 * contact acknowledges only while it is a member, so a dead, unreachable or not-yet-started contact
 * looks the same as one whose datagrams a transport drops unopened (another key, for instance).
 * The outcome changes nothing the node does: see the package documentation for the state a node
 * is in after a failed join.
 */
public enum JoinProgress {
    /** The node has not joined through a contact: it is new, or it bootstrapped a group. */
    NONE,
    /** The subscription is on its way and has attempts left. */
    PENDING,
    /**
     * The group took the subscription in: a {@code Subscribe} of this node was acknowledged, or a
     * member kept it ({@code Keep}) or the end of its walk adopted it ({@code Adopt}), either of
     * which proves the contact handled it even if every acknowledgement was lost.
     */
    ACKNOWLEDGED,
    /** Every attempt of the join's subscription ran out without an acknowledgement. */
    UNACKNOWLEDGED,
    /** The node left before the subscription was acknowledged. */
    ABANDONED,
    /**
     * With {@code maxAttempts = 1} (the paper's unacknowledged model) nothing is acknowledged, so
     * the outcome cannot be known.
     */
    UNCONFIRMABLE
}
