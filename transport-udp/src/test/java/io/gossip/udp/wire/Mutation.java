package io.gossip.udp.wire;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One edit of a datagram, as a fuzzer makes them: flip a bit, substitute a byte, insert a byte,
 * delete a byte, or cut the datagram short. Positions are taken modulo the datagram's length, so
 * any mutation applies to any datagram.
 */
record Mutation(Kind kind, int position, byte value) {
    /** What the edit does. */
    enum Kind { FLIP_BIT, SUBSTITUTE, INSERT, DELETE, TRUNCATE }

    /** The edited copy of {@code datagram}. */
    byte[] apply(byte[] datagram) {
        int n = datagram.length;
        return switch (kind) {
            case FLIP_BIT -> {
                if (n == 0) {
                    yield datagram;
                }
                byte[] out = datagram.clone();
                out[Math.floorMod(position, n)] ^= (byte) (1 << (value & 7));
                yield out;
            }
            case SUBSTITUTE -> {
                if (n == 0) {
                    yield datagram;
                }
                byte[] out = datagram.clone();
                out[Math.floorMod(position, n)] = value;
                yield out;
            }
            case INSERT -> {
                int at = Math.floorMod(position, n + 1);
                byte[] out = new byte[n + 1];
                System.arraycopy(datagram, 0, out, 0, at);
                out[at] = value;
                System.arraycopy(datagram, at, out, at + 1, n - at);
                yield out;
            }
            case DELETE -> {
                if (n == 0) {
                    yield datagram;
                }
                int at = Math.floorMod(position, n);
                byte[] out = new byte[n - 1];
                System.arraycopy(datagram, 0, out, 0, at);
                System.arraycopy(datagram, at + 1, out, at, n - 1 - at);
                yield out;
            }
            case TRUNCATE -> Arrays.copyOf(datagram, Math.floorMod(position, n + 1));
        };
    }

    /** Applies every mutation of {@code mutations} in order. */
    static byte[] applyAll(byte[] datagram, List<Mutation> mutations) {
        byte[] out = datagram;
        for (Mutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    /** Any single mutation. */
    static Arbitrary<Mutation> any() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.bytes()).as(Mutation::new);
    }

    /** One to {@code max} mutations. */
    static Arbitrary<List<Mutation>> some(int max) {
        return any().list().ofMinSize(1).ofMaxSize(max);
    }
}
