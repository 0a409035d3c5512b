/**
 * Authenticated encryption of a live node's datagrams: AES-256-GCM under a shared cluster key
 * ({@link io.gossip.udp.security.AeadProtection}), a keyring that rotates without losing messages
 * ({@link io.gossip.udp.security.Keyring}), replay protection, and key loading from a file or an
 * environment variable ({@link io.gossip.udp.security.ClusterKeys}). The transport reaches all of it
 * through one seam, {@link io.gossip.udp.security.DatagramProtection}. User documentation:
 * {@code docs/security.md}; byte layout: {@code transport-udp/WIRE.md}.
 */
package io.gossip.udp.security;
