/**
 * The ceiling loop ({@code ./bench ceiling}): the scale benchmark's SCAMP workload in a loop with
 * nothing but the message flow, written to measure how fast this machine runs the workload at all,
 * so that the simulator's speed can be read against it. Not a simulator: no scenario, no results
 * beyond events per second, coverage and view sizes, and not equivalent to the protocol core
 * draw for draw (its own generators, one pool of messages in flight instead of per-node queues).
 */
package io.gossip.sim.ceiling;
