package io.gossip.udp;

import java.util.Objects;

/**
 * The identity of a broadcast message: the address of the node that broadcast it and that node's
 * sequence number for it. Unique per origin for the origin's lifetime.
 */
public record MessageId(PeerAddress origin, int sequence) {
    public MessageId {
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return origin + "#" + sequence;
    }
}
