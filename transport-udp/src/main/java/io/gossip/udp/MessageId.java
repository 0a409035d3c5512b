package io.gossip.udp;

import java.util.Objects;

/**
 * The identity of a broadcast message: the address of the node that broadcast it and that node's
 * sequence number for it. Unique per origin for the origin's lifetime; a node's first sequence number
 * is drawn at random, so that a node restarted at the same address does not reuse its predecessor's.
 *
 * @param origin the advertised address of the node that broadcast the message
 * @param sequence that node's sequence number for the message; any int (numbers wrap)
 */
public record MessageId(PeerAddress origin, int sequence) {
    /**
     * Checks the origin.
     *
     * @param origin the advertised address of the node that broadcast the message, not null
     * @param sequence that node's sequence number for the message; any int
     * @throws NullPointerException if {@code origin} is null
     */
    public MessageId {
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return origin + "#" + sequence;
    }
}
