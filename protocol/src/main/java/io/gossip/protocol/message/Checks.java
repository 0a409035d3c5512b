package io.gossip.protocol.message;

/** Field checks shared by the message constructors. */
final class Checks {
    private Checks() {
    }

    static void hops(int hops) {
        if (hops < 0) {
            throw new IllegalArgumentException("hop count must be >= 0: " + hops);
        }
    }

    static void lease(int leaseMillis) {
        if (leaseMillis < 0) {
            throw new IllegalArgumentException("lease must be >= 0 ms: " + leaseMillis);
        }
    }
}
