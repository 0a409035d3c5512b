package io.gossip.protocol.message;

/**
 * Acknowledges the sender's receipt of the membership message with sequence number {@code seq}.
 *
 * @param seq the acknowledged sequence number, never {@link MembershipMessage#UNACKNOWLEDGED}
 */
public record Ack(int seq) implements Message {
    /**
     * Checks {@code seq}: an unacknowledged message (sequence number 0) cannot be acknowledged.
     *
     * @param seq the acknowledged sequence number; any int but {@link MembershipMessage#UNACKNOWLEDGED}
     * @throws IllegalArgumentException if {@code seq} is {@link MembershipMessage#UNACKNOWLEDGED}
     */
    public Ack {
        if (seq == MembershipMessage.UNACKNOWLEDGED) {
            throw new IllegalArgumentException("cannot acknowledge sequence number 0");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
