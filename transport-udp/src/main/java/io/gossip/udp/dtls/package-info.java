/**
 * DTLS 1.2 with mutual certificate authentication for live nodes: an alternative to the shared-key
 * mode for deployments that want each node to prove its identity with a certificate from a
 * certificate authority. {@link io.gossip.udp.dtls.DtlsConfig} holds the key store, trust store and
 * bounds; {@link io.gossip.udp.dtls.DtlsEndpoint} is the per-peer session layer (JDK
 * {@code SSLEngine}, driven without blocking by the node's event loop); its counters are read
 * through {@link io.gossip.udp.dtls.DtlsStats}. Enable it with
 * {@code GossipNode.builder().dtls(...)}.
 */
package io.gossip.udp.dtls;
