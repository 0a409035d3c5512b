/**
 * Live gossip nodes over UDP: the unmodified protocol core ({@link io.gossip.protocol.ScampNode})
 * driven by an {@link io.gossip.udp.EventLoop} on real sockets and the real clock, behind the
 * thread-safe {@link io.gossip.udp.GossipNode} API.
 *
 * <p>Start with {@link io.gossip.udp.GossipNode#builder()}. Peers are named by
 * {@link io.gossip.udp.PeerAddress}; messages by {@link io.gossip.udp.MessageId}; a node's state is
 * read through {@link io.gossip.udp.NodeMetrics}. {@link io.gossip.udp.Impairment} adds loss and
 * latency for experiments on one machine. The wire format lives in {@link io.gossip.udp.wire}; many
 * nodes in one process, for experiments and tests, in {@link io.gossip.udp.cluster}.
 */
package io.gossip.udp;
