/**
 * The reference workload written for PeerSim 1.0.5, so that PeerSim can be measured on the
 * same machine as this simulator: flooding over static random views, a broadcast a second, latency
 * and loss from PeerSim's own transports.
 *
 * <p>These files are not part of the Maven build, since PeerSim is not on Maven Central:
 * {@code ./bench peersim --peersim DIR} compiles them with {@code javac} against the jars in DIR
 * and writes the PeerSim configuration that wires them (see docs/performance.md). They are kept
 * as lean as a careful PeerSim user would write them, so that what is measured is PeerSim's engine.
 */
package io.gossip.bench.peersim;
