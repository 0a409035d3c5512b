/**
 * Many live nodes in one process on loopback ports, with per-node delivery records: the harness
 * for live experiments and integration tests.
 */
package io.gossip.udp.cluster;
