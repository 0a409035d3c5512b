package io.gossip.udp.security;

import java.util.SplittableRandom;

/** Deterministic test keys: key {@code n} is 32 bytes from a generator seeded with {@code n}. */
public final class TestKeys {
    private TestKeys() {
    }

    /** The raw bytes of test key {@code n}. */
    public static byte[] material(long n) {
        byte[] bytes = new byte[ClusterKey.KEY_BYTES];
        new SplittableRandom(n).nextBytes(bytes);
        return bytes;
    }

    /** Test key {@code n}. */
    public static ClusterKey key(long n) {
        return ClusterKey.of(material(n));
    }
}
