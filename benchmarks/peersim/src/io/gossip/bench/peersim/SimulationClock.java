package io.gossip.bench.peersim;

import peersim.core.Control;

/**
 * The last initializer: notes the wall clock when the network is built and wired, so that the
 * report times the simulation only, as the figures do.
 */
public final class SimulationClock implements Control {
    static long startNanos;

    public SimulationClock(String prefix) {
    }

    @Override
    public boolean execute() {
        startNanos = System.nanoTime();
        return false;
    }
}
