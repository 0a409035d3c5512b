package io.gossip.sim.scenario;

/** A distribution of message latency in milliseconds. Draws are never negative. */
public sealed interface LatencySpec {
    /** Every message takes exactly {@code millis}. */
    record Constant(double millis) implements LatencySpec {
        public Constant {
            Ranges.nonNegative("latency.millis", millis);
        }
    }

    /** Uniform on [{@code minMillis}, {@code maxMillis}]. */
    record Uniform(double minMillis, double maxMillis) implements LatencySpec {
        public Uniform {
            Ranges.nonNegative("latency.minMillis", minMillis);
            if (!(maxMillis >= minMillis)) {
                throw new IllegalArgumentException("latency.maxMillis must be >= minMillis");
            }
        }
    }

    /** Normal with the given mean and standard deviation, truncated at 0 (redrawn when negative). */
    record Normal(double meanMillis, double stddevMillis) implements LatencySpec {
        public Normal {
            Ranges.nonNegative("latency.meanMillis", meanMillis);
            Ranges.nonNegative("latency.stddevMillis", stddevMillis);
        }
    }

    /** Log-normal: {@code exp(N(ln medianMillis, sigma²))}. */
    record LogNormal(double medianMillis, double sigma) implements LatencySpec {
        public LogNormal {
            if (!(medianMillis > 0)) {
                throw new IllegalArgumentException("latency.medianMillis must be > 0");
            }
            Ranges.nonNegative("latency.sigma", sigma);
        }
    }
}
