package io.gossip.udp;

/**
 * The runtime's clock in the core's unit: microseconds of {@link System#nanoTime()} since this
 * class was loaded. Monotonic; only differences matter to the core.
 */
final class RealClock {
    private static final long EPOCH_NANOS = System.nanoTime();

    private RealClock() {
    }

    static long nowMicros() {
        return (System.nanoTime() - EPOCH_NANOS) / 1_000 + 1;
    }
}
