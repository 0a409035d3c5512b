/**
 * The binary wire format (version 1, documented in {@code transport-udp/WIRE.md}): one protocol
 * message per datagram, every field bounded, decoded strictly with a
 * {@link io.gossip.udp.wire.RejectReason} for everything refused.
 */
package io.gossip.udp.wire;
