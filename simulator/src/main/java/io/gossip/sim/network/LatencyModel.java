package io.gossip.sim.network;

import io.gossip.sim.scenario.LatencySpec;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Draws per-message latencies from a {@link LatencySpec}, in milliseconds. Every draw comes from the
 * generator passed in, so the network's own seeded stream decides every latency of a run.
 */
public final class LatencyModel {
    private final LatencySpec spec;

    public LatencyModel(LatencySpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** One latency draw in milliseconds, never negative. */
    public double drawMillis(SplittableRandom random) {
        if (spec instanceof LatencySpec.Constant c) {
            return c.millis();
        }
        if (spec instanceof LatencySpec.Uniform u) {
            return u.maxMillis() == u.minMillis() ? u.minMillis()
                    : u.minMillis() + random.nextDouble() * (u.maxMillis() - u.minMillis());
        }
        if (spec instanceof LatencySpec.Normal n) {
            if (n.stddevMillis() == 0) {
                return n.meanMillis();
            }
            // Truncated at 0 by redrawing: with mean >= 0 at least half of the draws are accepted.
            while (true) {
                double x = n.meanMillis() + n.stddevMillis() * Gaussian.next(random);
                if (x >= 0) {
                    return x;
                }
            }
        }
        LatencySpec.LogNormal l = (LatencySpec.LogNormal) spec;
        return l.medianMillis() * Math.exp(l.sigma() * Gaussian.next(random));
    }
}
