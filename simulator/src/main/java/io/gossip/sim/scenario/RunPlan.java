package io.gossip.sim.scenario;

import java.util.List;

/**
 * Everything one {@code sim run} executes: one point per swept value (a single point without a
 * sweep), each a complete {@link Scenario}.
 *
 * @param points the points in sweep order
 * @param parameter dotted path of the swept parameter, or null without a sweep
 */
public record RunPlan(List<Point> points, String parameter) {
    public RunPlan {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a run plan needs at least one point");
        }
    }

    /**
     * One point of a sweep.
     *
     * @param index 0-based position
     * @param value the swept value as written in the scenario, or null without a sweep
     * @param scenario the scenario with that value applied
     */
    public record Point(int index, String value, Scenario scenario) {
    }
}
