package io.gossip.sim.scenario;

/**
 * Sampling of the result files. The engine's clock counts whole microseconds, so both intervals
 * are used rounded to the microsecond; one that would round to 0 µs is refused.
 *
 * @param timelineSampleMillis interval between rows of {@code timeline.csv} (0 = no timeline)
 * @param coverageStepMillis grid step of {@code coverage.csv}, at least {@link #MIN_MILLIS}
 */
public record OutputSpec(double timelineSampleMillis, double coverageStepMillis) {
    /** The smallest interval that does not round to 0 µs. */
    public static final double MIN_MILLIS = 0.0005;

    public OutputSpec {
        Ranges.nonNegative("output.timelineSampleMillis", timelineSampleMillis);
        if (!(coverageStepMillis > 0) || Double.isInfinite(coverageStepMillis)) {
            throw new IllegalArgumentException("output.coverageStepMillis must be > 0");
        }
        if (roundsToNoMicros(coverageStepMillis)) {
            throw new IllegalArgumentException("output.coverageStepMillis must be at least " + MIN_MILLIS
                    + " (the clock counts whole microseconds), got " + coverageStepMillis);
        }
    }

    /** The grid step of {@code coverage.csv} as used: {@code coverageStepMillis} rounded to the microsecond. */
    public long coverageStepMicros() {
        return Math.round(coverageStepMillis * 1000);
    }

    /**
     * Whether an interval of {@code millis} rounds to 0 on the engine's microsecond clock, where a
     * timeline sample interval or a coverage step would mean nothing (below {@link #MIN_MILLIS}).
     */
    static boolean roundsToNoMicros(double millis) {
        return Math.round(millis * 1000) == 0;
    }
}
