package io.gossip.protocol.message;

import io.gossip.protocol.NodeIds;

/**
 * One step of the indirection random walk: the node where the walk's budget runs out acts as the
 * subscriber's contact.
 *
 * @param seq reliable-delivery sequence number
 * @param subscriber the node that subscribed
 * @param budget what is left of the walk; each node visited subtracts 1/(its degree)
 * @param hops steps taken so far
 * @param leaseMillis lifetime of the subscription, 0 for none
 * @param renewal whether the subscription is a renewal (see {@link Subscribe#renewal()})
 */
public record Walk(int seq, int subscriber, double budget, int hops, int leaseMillis, boolean renewal)
        implements MembershipMessage {
    public Walk {
        NodeIds.check(subscriber);
        if (!Double.isFinite(budget)) {
            throw new IllegalArgumentException("walk budget must be finite: " + budget);
        }
        Checks.hops(hops);
        Checks.lease(leaseMillis);
    }

    @Override
    public MessageType type() {
        return MessageType.WALK;
    }
}
