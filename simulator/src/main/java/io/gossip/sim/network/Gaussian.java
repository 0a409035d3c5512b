package io.gossip.sim.network;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a {@link SplittableRandom} (which has no {@code nextGaussian} in Java
 * 17), by the Marsaglia polar method. Stateless: the spare value is thrown away so that a draw
 * depends only on the generator, never on hidden state shared between callers.
 */
final class Gaussian {
    private Gaussian() {
    }

    static double next(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }
}
