package io.gossip.sim.results;

import io.gossip.sim.scenario.Scenario;

/**
 * The statistics of one point × membership, with what identifies it.
 *
 * @param point 0-based point index
 * @param parameter swept parameter, or null
 * @param value swept value, or null
 * @param membership {@code scamp} or {@code global}
 * @param scenario the point's scenario
 * @param aggregate the statistics over its repetitions
 */
public record PointSummary(int point, String parameter, String value, String membership, Scenario scenario,
        Aggregate aggregate) {
}
