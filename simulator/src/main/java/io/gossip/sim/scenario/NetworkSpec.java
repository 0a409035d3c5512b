package io.gossip.sim.scenario;

import java.util.Objects;

/**
 * The simulated network: per-message latency, an optional per-region base latency, and loss. Every
 * message kind (membership, acks, heartbeats, gossip) goes through it.
 *
 * @param latency distribution of each message's latency
 * @param regions nodes placed in regions with a base latency per pair of regions, or null
 * @param loss how messages are lost
 */
public record NetworkSpec(LatencySpec latency, RegionsSpec regions, LossSpec loss) {
    public NetworkSpec {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(loss, "loss");
    }
}
