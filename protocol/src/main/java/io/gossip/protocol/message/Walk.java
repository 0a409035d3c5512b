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
 * @param renewalCopies as in {@link Subscribe#renewalCopies()}
 */
public record Walk(int seq, int subscriber, double budget, int hops, int leaseMillis, int renewalCopies)
        implements MembershipMessage {
    public Walk {
        NodeIds.check(subscriber);
        if (!Double.isFinite(budget)) {
            throw new IllegalArgumentException("walk budget must be finite: " + budget);
        }
        Checks.hops(hops);
        Checks.lease(leaseMillis);
        Checks.copies(renewalCopies);
    }

    @Override
    public MessageType type() {
        return MessageType.WALK;
    }
}
