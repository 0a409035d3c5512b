package io.gossip.protocol.message;

/**
 * The sender is leaving: the receiver drops it from its PartialView.
 *
 * @param seq reliable-delivery sequence number
 */
public record Remove(int seq) implements MembershipMessage {
    /**
     * Accepts any sequence number.
     *
     * @param seq reliable-delivery sequence number, or {@link MembershipMessage#UNACKNOWLEDGED} for no ack
     */
    public Remove {
    }

    @Override
    public MessageType type() {
        return MessageType.REMOVE;
    }
}
