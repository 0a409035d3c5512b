package io.gossip.protocol;

/**
 * What a {@link ScampArena} needs from its driver: {@link Environment} with messages as primitives,
 * so that a simulator can carry a million nodes' traffic without an object per message.
 *
 * <p>A message is {@code (type, seq, subject, hops)}: {@code type} is a
 * {@link io.gossip.protocol.message.MessageType} ordinal, {@code seq} the sender's sequence number
 * (0 = unacknowledged, and for gossip), {@code subject} the subscriber of a subscription copy or the
 * arena's index of a gossip message (see {@link ScampArena#messageId}), {@code hops} the hop count.
 * Fields a type does not have are 0. The same re-entrancy rule as {@link Environment} holds: never
 * call back into the arena from inside these methods.
 */
public interface ArenaEnvironment {
    /** Sends a message from node {@code from} to node {@code to}; the network may lose it. */
    void send(int from, int to, int type, int seq, int subject, int hops);

    /**
     * Sends a subscription message whose fields do not fit the primitive form: every step of the
     * indirection walk (type {@code WALK}, whose {@code budget} is a double) and, when the
     * configuration has leases, every {@code SUBSCRIBE} and {@code FORWARDED_SUBSCRIPTION}, which
     * carry the subscription's lease and a renewal's number of copies. The fields are those of a
     * {@link io.gossip.protocol.message.Walk}, {@link io.gossip.protocol.message.Subscribe} or
     * {@link io.gossip.protocol.message.ForwardedSubscription}; fields a type does not have are 0
     * ({@code subscriber} of a Subscribe is its sender). The driver hands the message back through
     * {@link ScampArena#onSubscription}.
     */
    void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops, double budget,
            int leaseMillis, int renewalCopies);

    /** Hands gossip message {@code message} (an arena index) to the application at {@code node}, once. */
    void deliver(int node, int message, int hops);

    /** Asks for {@link ScampArena#onTimeout} of {@code node} at {@code deadlineMicros} (or soon after). */
    void wakeAt(int node, long deadlineMicros);
}
