package io.gossip.protocol.message;

/**
 * The sender asks the receiver to act as its contact: forward its id into the group.
 *
 * @param seq reliable-delivery sequence number
 * @param leaseMillis lifetime of the subscription in milliseconds, 0 for none
 * @param renewalCopies 0 for a new subscription (the contact sends a copy to every member of its
 *     PartialView plus {@code c} extra ones); for a lease renewal, exactly how many copies to send
 *     (see the package documentation for why a renewal asks for a fixed number)
 */
public record Subscribe(int seq, int leaseMillis, int renewalCopies) implements MembershipMessage {
    /** The most copies a renewal may ask for (a Walk carries the same field). */
    public static final int MAX_RENEWAL_COPIES = Checks.MAX_RENEWAL_COPIES;

    /**
     * Checks the lease and the number of copies.
     *
     * @param seq reliable-delivery sequence number, or {@link MembershipMessage#UNACKNOWLEDGED} for no ack
     * @param leaseMillis lifetime of the subscription in milliseconds, {@code >= 0}; 0 for none
     * @param renewalCopies 0 for a new subscription, else the number of copies a renewal asks for;
     *     at most 65,535
     * @throws IllegalArgumentException if {@code leaseMillis} is negative or {@code renewalCopies} is
     *     outside [0, 65,535]
     */
    public Subscribe {
        Checks.lease(leaseMillis);
        Checks.copies(renewalCopies);
    }

    /**
     * Whether this is a lease renewal rather than a new subscription.
     *
     * @return true if {@code renewalCopies > 0}
     */
    public boolean isRenewal() {
        return renewalCopies > 0;
    }

    @Override
    public MessageType type() {
        return MessageType.SUBSCRIBE;
    }
}
