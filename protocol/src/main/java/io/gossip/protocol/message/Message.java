package io.gossip.protocol.message;

import java.util.function.IntConsumer;

/**
 * A protocol message: an immutable, validated value.
 *
 * <p>The sender of a message is not part of it: the driver (simulator or transport) tells the
 * node who sent it, as it knows that better than the message could. So {@code Keep(j)} of the paper
 * is a {@link Keep} whose sender is {@code j}, and {@code Remove(u)} a {@link Remove} sent by
 * {@code u}. Ids inside messages (a subscriber, a replacement) are compact {@code int} node ids, see
 * {@link io.gossip.protocol.NodeIds}.
 */
public sealed interface Message permits MembershipMessage, Heartbeat, Gossip, Ack {
    /**
     * The kind of this message.
     *
     * @return the constant of this message's class, never null
     */
    MessageType type();

    /**
     * Hands {@code action} every node id this message names in its fields: a
     * {@link ForwardedSubscription}'s or {@link Walk}'s subscriber, a {@link Replace}'s replacement,
     * a {@link Gossip}'s origin. The sender and the receiver are not part of a message, so they are
     * not among them; the other messages name no id. A driver that maps ids to addresses reads this
     * to know which ids a message it holds still needs (see
     * {@link io.gossip.protocol.ScampNode#forEachReferencedId}).
     *
     * @param action called once per id named, on the calling thread; not null
     */
    default void forEachNamedId(IntConsumer action) {
        // Subscribe, Keep, Remove, Unlink, Adopt, Ack and Heartbeat name no id
    }
}
