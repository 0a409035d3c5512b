package io.gossip.sim.scenario;

/** Range checks shared by the scenario records. */
final class Ranges {
    private Ranges() {
    }

    static void nonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number >= 0, got " + value);
        }
    }

    static void probability(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be in [0, 1], got " + value);
        }
    }
}
