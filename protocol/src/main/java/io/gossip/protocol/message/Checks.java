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

    static void copies(int copies) {
        if (copies < 0 || copies > MAX_RENEWAL_COPIES) {
            throw new IllegalArgumentException("renewal copies must be in [0, " + MAX_RENEWAL_COPIES + "]: " + copies);
        }
    }

    /** More copies than any PartialView holds in practice; bounds the work one message can cause. */
    static final int MAX_RENEWAL_COPIES = 65_535;
}
