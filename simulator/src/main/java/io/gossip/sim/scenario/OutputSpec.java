package io.gossip.sim.scenario;

/**
 * Sampling of the result files.
 *
 * @param timelineSampleMillis interval between rows of {@code timeline.csv} (0 = no timeline)
 * @param coverageStepMillis grid step of {@code coverage.csv}
 */
public record OutputSpec(double timelineSampleMillis, double coverageStepMillis) {
    public OutputSpec {
        Ranges.nonNegative("output.timelineSampleMillis", timelineSampleMillis);
        if (!(coverageStepMillis > 0)) {
            throw new IllegalArgumentException("output.coverageStepMillis must be > 0");
        }
    }
}
