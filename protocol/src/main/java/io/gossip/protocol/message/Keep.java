package io.gossip.protocol.message;

/**
 * The sender has put the receiver into its PartialView: the receiver adds the sender to its InView.
 *
 * @param seq reliable-delivery sequence number
 */
public record Keep(int seq) implements MembershipMessage {
    /**
     * Accepts any sequence number.
     *
     * @param seq reliable-delivery sequence number, or {@link MembershipMessage#UNACKNOWLEDGED} for no ack
     */
    public Keep {
    }

    @Override
    public MessageType type() {
        return MessageType.KEEP;
    }
}
