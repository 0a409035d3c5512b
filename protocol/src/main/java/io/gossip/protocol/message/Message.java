package io.gossip.protocol.message;

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
}
