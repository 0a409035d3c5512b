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
     * Sends a step of the indirection walk (type {@code WALK}) for {@code subscriber}, with what is
     * left of its {@code budget} (a {@link io.gossip.protocol.message.Walk}'s fields without lease
     * or renewal copies, which the arena does not run): the one message whose fields do not fit the
     * primitive form, which the driver hands back through {@link ScampArena#onWalk}.
     */
    void sendWalk(int from, int to, int seq, int subscriber, int hops, double budget);

    /** Hands gossip message {@code message} (an arena index) to the application at {@code node}, once. */
    void deliver(int node, int message, int hops);

    /** Asks for {@link ScampArena#onTimeout} of {@code node} at {@code deadlineMicros} (or soon after). */
    void wakeAt(int node, long deadlineMicros);
}
