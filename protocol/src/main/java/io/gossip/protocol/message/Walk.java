package io.gossip.protocol.message;

import io.gossip.protocol.NodeIds;
import java.util.function.IntConsumer;

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
    /**
     * Checks the fields.
     *
     * @param seq reliable-delivery sequence number, or {@link MembershipMessage#UNACKNOWLEDGED} for no ack
     * @param subscriber the node that subscribed, a valid id ({@code >= 0})
     * @param budget what is left of the walk; any finite value (the walk ends once it is used up)
     * @param hops steps taken so far, {@code >= 0}
     * @param leaseMillis lifetime of the subscription in milliseconds, {@code >= 0}; 0 for none
     * @param renewalCopies as in {@link Subscribe#renewalCopies()}: in [0, 65,535]
     * @throws IllegalArgumentException if {@code budget} is NaN or infinite, or another field is out of
     *     its range
     */
    public Walk {
        NodeIds.check(subscriber);
        if (!Double.isFinite(budget)) {
            throw new IllegalArgumentException("walk budget must be finite: " + budget);
        }
        Checks.hops(hops);
        Checks.lease(leaseMillis);
        Checks.copies(renewalCopies);
    }

    /**
     * Hands {@code action} the subscriber's id, the one id this message names.
     *
     * @param action called once, with {@link #subscriber()}; not null
     */
    @Override
    public void forEachNamedId(IntConsumer action) {
        action.accept(subscriber);
    }

    @Override
    public MessageType type() {
        return MessageType.WALK;
    }
}
