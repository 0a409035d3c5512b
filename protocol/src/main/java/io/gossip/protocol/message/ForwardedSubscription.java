package io.gossip.protocol.message;

import io.gossip.protocol.NodeIds;
import java.util.function.IntConsumer;

/**
 * A copy of a subscription travelling through the group until some node keeps it.
 *
 * @param seq reliable-delivery sequence number
 * @param subscriber the node that subscribed
 * @param hops how many times this copy has been forwarded so far (0 when sent by the contact)
 * @param leaseMillis lifetime of the subscription, 0 for none; a keeper expires the entry after it
 */
public record ForwardedSubscription(int seq, int subscriber, int hops, int leaseMillis)
        implements MembershipMessage {
    /**
     * Checks the fields.
     *
     * @param seq reliable-delivery sequence number, or {@link MembershipMessage#UNACKNOWLEDGED} for no ack
     * @param subscriber the node that subscribed, a valid id ({@code >= 0})
     * @param hops forwards so far, {@code >= 0}
     * @param leaseMillis lifetime of the subscription in milliseconds, {@code >= 0}; 0 for none
     * @throws IllegalArgumentException if {@code subscriber}, {@code hops} or {@code leaseMillis} is negative
     */
    public ForwardedSubscription {
        NodeIds.check(subscriber);
        Checks.hops(hops);
        Checks.lease(leaseMillis);
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
        return MessageType.FORWARDED_SUBSCRIPTION;
    }
}
