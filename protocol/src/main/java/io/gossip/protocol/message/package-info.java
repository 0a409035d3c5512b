/**
 * The protocol's messages: immutable values validated when built. Membership messages carry a
 * per-sender sequence number for hop-by-hop reliable delivery; gossip and heartbeats do not.
 */
package io.gossip.protocol.message;
