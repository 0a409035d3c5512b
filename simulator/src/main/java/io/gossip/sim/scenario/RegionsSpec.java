package io.gossip.sim.scenario;

/**
 * Nodes placed round-robin in {@code count} regions; a message between two nodes gets a base
 * latency ({@code intraRegionMillis} within a region, {@code interRegionMillis} across) added to
 * its drawn latency.
 */
public record RegionsSpec(int count, double intraRegionMillis, double interRegionMillis) {
    public RegionsSpec {
        if (count < 1) {
            throw new IllegalArgumentException("regions.count must be >= 1");
        }
        Ranges.nonNegative("regions.intraRegionMillis", intraRegionMillis);
        Ranges.nonNegative("regions.interRegionMillis", interRegionMillis);
    }
}
