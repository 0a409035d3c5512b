package io.gossip.udp.wire;

import io.gossip.protocol.message.Message;
import io.gossip.udp.PeerAddress;

/**
 * A decoded datagram: who sent it (by its advertised address and the id that address has in the
 * event loop's {@link io.gossip.protocol.IdTable}) and the protocol message it carries, with every
 * address inside already mapped to an id of the same table.
 *
 * @param sender the address the datagram names as its sender's advertised address; the codec
 *     does not check it against the datagram's source
 * @param senderId the sender's id in the event loop's table
 * @param message the protocol message, already validated
 */
public record Decoded(PeerAddress sender, int senderId, Message message) {
}
