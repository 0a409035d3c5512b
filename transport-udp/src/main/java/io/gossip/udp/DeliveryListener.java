package io.gossip.udp;

/**
 * Receives the gossip messages a node delivers: each message once, never the node's own broadcasts.
 *
 * <p>Called on the node's event-loop thread, which serves every node of that loop: return quickly
 * and hand heavy work to another thread. One listener given to nodes on different loops (nodes
 * without {@code .eventLoop(...)} each have their own) is called from those threads concurrently,
 * so what it shares must be thread-safe. A listener may call the node's {@code ...Async} methods;
 * the blocking ones refuse to run on the loop thread (they throw {@link IllegalStateException}
 * before doing anything). Whatever the listener throws, a failed assertion's {@link AssertionError}
 * included (a {@link VirtualMachineError} aside), is counted ({@link TransportDropReason#LISTENER_FAILED})
 * and logged at WARNING through the {@link System.Logger} {@code io.gossip.udp} (the first five of a
 * node, then the 10th, 100th, 1,000th...); the node and its event loop go on.
 */
@FunctionalInterface
public interface DeliveryListener {
    /**
     * One delivered message.
     *
     * @param id the message's identity (origin address and sequence number)
     * @param hops links travelled from the origin: 1 for a direct neighbour
     * @param payload a private copy of the payload
     */
    void onDeliver(MessageId id, int hops, byte[] payload);
}
