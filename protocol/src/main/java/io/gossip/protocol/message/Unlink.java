package io.gossip.protocol.message;

/**
 * The sender no longer holds the receiver in its PartialView (it left, or the entry's lease
 * expired): the receiver drops the sender from its InView.
 *
 * @param seq reliable-delivery sequence number
 */
public record Unlink(int seq) implements MembershipMessage {
    /**
     * Accepts any sequence number.
     *
     * @param seq reliable-delivery sequence number, or {@link MembershipMessage#UNACKNOWLEDGED} for no ack
     */
    public Unlink {
    }

    @Override
    public MessageType type() {
        return MessageType.UNLINK;
    }
}
