package io.gossip.protocol.message;

/**
 * Sent by the node where an indirection walk ended to the subscriber: "I acted as your contact;
 * hold me instead of the entry point you joined through". Without it every newcomer would keep the
 * well-known entry point in its PartialView for ever, and that one node would receive a copy of
 * every gossip message from everyone.
 *
 * @param seq reliable-delivery sequence number
 */
public record Adopt(int seq) implements MembershipMessage {
    @Override
    public MessageType type() {
        return MessageType.ADOPT;
    }
}
