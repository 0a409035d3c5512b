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
    /**
     * Sends a message from node {@code from} to node {@code to}; the network may lose it.
     *
     * @param from the sending node's id, {@code >= 0}
     * @param to the receiving node's id, {@code >= 0}, never {@code from}
     * @param type a {@link io.gossip.protocol.message.MessageType} ordinal
     * @param seq the sender's sequence number; 0 for gossip, heartbeats and unacknowledged messages
     * @param subject the subscriber of a subscription copy, the replacement of a {@code REPLACE}, or the
     *     arena's index of a gossip message; 0 for types without one
     * @param hops the hop count of gossip or of a forwarded subscription, else 0
     */
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
     *
     * @param from the sending node's id, {@code >= 0}
     * @param to the receiving node's id, {@code >= 0}, never {@code from}
     * @param type the {@link io.gossip.protocol.message.MessageType} ordinal of {@code WALK},
     *     {@code SUBSCRIBE} or {@code FORWARDED_SUBSCRIPTION}
     * @param seq the sender's sequence number, 0 if unacknowledged
     * @param subscriber the node that subscribed; 0 for a {@code SUBSCRIBE}, whose subscriber is its sender
     * @param hops forwards or walk steps so far, {@code >= 0}
     * @param budget what is left of a walk, finite; 0 for the other types
     * @param leaseMillis the subscription's lease in milliseconds, {@code >= 0}; 0 for none
     * @param renewalCopies a renewal's number of copies; 0 for a new subscription and for a forwarded copy
     */
    void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops, double budget,
            int leaseMillis, int renewalCopies);

    /**
     * Hands gossip message {@code message} (an arena index) to the application at {@code node}, once.
     *
     * @param node the receiving node's id
     * @param message the arena's index of the message; {@link ScampArena#messageId} gives its identity
     * @param hops hops it travelled from its origin, as the message carried it: 1 for a copy sent by
     *     the origin itself
     */
    void deliver(int node, int message, int hops);

    /**
     * Asks for {@link ScampArena#onTimeout} of {@code node} at {@code deadlineMicros} (or soon after).
     *
     * @param node the id of the node to wake
     * @param deadlineMicros when, in microseconds of virtual time; a later request with an earlier
     *     deadline must be honoured too, as in {@link Environment#wakeAt}
     */
    void wakeAt(int node, long deadlineMicros);
}
