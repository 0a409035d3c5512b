package io.gossip.protocol.message;

/**
 * The sender asks the receiver to act as its contact: forward its id into the group.
 *
 * @param seq reliable-delivery sequence number
 * @param leaseMillis lifetime of the subscription in milliseconds, 0 for none
 * @param renewal true when the sender is already a member renewing its lease or recovering from
 *     isolation; a renewal is forwarded without the {@code c} extra copies (see the package docs)
 */
public record Subscribe(int seq, int leaseMillis, boolean renewal) implements MembershipMessage {
    public Subscribe {
        Checks.lease(leaseMillis);
    }

    @Override
    public MessageType type() {
        return MessageType.SUBSCRIBE;
    }
}
