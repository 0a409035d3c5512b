package io.gossip.protocol;

import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;

/**
 * Everything a {@link ScampNode} needs from the world besides time and randomness, which it receives
 * as arguments ({@code nowMicros}) and at construction (a seeded {@link java.util.SplittableRandom}).
 *
 * <p>The simulator implements this once for all its nodes (hence the {@code node} arguments); the
 * UDP runtime implements it per event loop. Calls happen on the node's own thread, from inside a
 * node method; an implementation must not call back into the node before that method returns:
 * sends are queued or scheduled, never handled re-entrantly.
 */
public interface Environment {
    /**
     * Sends {@code message} from node {@code from} to node {@code to}. Best effort: the network may
     * lose it; the node retransmits membership messages itself.
     *
     * @param from the sending node's id, {@code >= 0}
     * @param to the receiving node's id, {@code >= 0}, never {@code from}
     * @param message the message, never null; immutable, so it may be queued or sent to several
     *     nodes as it is
     */
    void send(int from, int to, Message message);

    /**
     * Hands a gossip message to the application at node {@code node}, once per message id.
     *
     * @param node the id of the receiving node
     * @param message the message as it arrived, never null; {@link Gossip#hops()} counts its hops
     *     from the origin
     */
    void deliver(int node, Gossip message);

    /**
     * Asks the driver to call {@link ScampNode#onTimeout(long)} of node {@code node} at virtual or
     * real time {@code deadlineMicros} (or as soon as possible after). A later request with an
     * earlier deadline must be honoured too; waking a node early or more often than asked is
     * harmless, it only handles what is due.
     *
     * @param node the id of the node to wake
     * @param deadlineMicros when, in microseconds on the clock of the {@code nowMicros} the node is
     *     given
     */
    void wakeAt(int node, long deadlineMicros);
}
