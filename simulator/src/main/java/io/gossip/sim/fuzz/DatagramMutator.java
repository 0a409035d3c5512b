package io.gossip.sim.fuzz;

import io.gossip.udp.wire.WireFormat;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Makes hostile datagrams from a {@link FuzzCorpus}: real messages with a few bytes edited (bits
 * flipped, bytes substituted, inserted or deleted), real messages cut short, random bytes, and
 * random bytes behind a valid magic, version and type, so the decoder is exercised past its first
 * checks. Every choice comes from the given random generator, so a seed replays the same choices.
 */
public final class DatagramMutator {
    /** How a datagram was made. */
    public enum Kind {
        /** A corpus message with 1 to {@link #MAX_EDITS} bytes edited. */
        MUTATED,
        /** A corpus message cut short. */
        TRUNCATED,
        /** Random bytes of random length, up to a little over the datagram limit. */
        RANDOM,
        /** Random bytes behind the magic byte, the version and a type code in 0..15. */
        RANDOM_AFTER_PREFIX
    }

    /** Most edits made to one mutated message. */
    public static final int MAX_EDITS = 4;
    /** Byte values that often sit on a field's boundary. */
    private static final byte[] INTERESTING = {0, 1, 4, 16, 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF};

    private final FuzzCorpus corpus;
    private final SplittableRandom random;
    private final int maxDatagramBytes;

    /** A mutator over {@code corpus} for a receiver accepting datagrams of {@code maxDatagramBytes}. */
    public DatagramMutator(FuzzCorpus corpus, SplittableRandom random, int maxDatagramBytes) {
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.random = Objects.requireNonNull(random, "random");
        this.maxDatagramBytes = maxDatagramBytes;
    }

    /** The kind of the next datagram: mutated 60 %, truncated 15 %, random 10 %, random after a prefix 15 %. */
    public Kind nextKind() {
        int roll = random.nextInt(100);
        if (roll < 60) {
            return Kind.MUTATED;
        }
        if (roll < 75) {
            return Kind.TRUNCATED;
        }
        return roll < 85 ? Kind.RANDOM : Kind.RANDOM_AFTER_PREFIX;
    }

    /** A new datagram of the given kind. */
    public byte[] next(Kind kind) {
        return switch (kind) {
            case MUTATED -> mutate(pick());
            case TRUNCATED -> {
                byte[] whole = pick();
                yield Arrays.copyOf(whole, random.nextInt(whole.length));
            }
            case RANDOM -> randomBytes(random.nextInt(maxDatagramBytes + 65));
            case RANDOM_AFTER_PREFIX -> {
                byte[] bytes = randomBytes(WireFormat.PREFIX_BYTES + random.nextInt(120));
                bytes[0] = WireFormat.MAGIC;
                bytes[1] = WireFormat.VERSION;
                bytes[2] = (byte) random.nextInt(16);
                yield bytes;
            }
        };
    }

    private byte[] pick() {
        return corpus.datagram(random.nextInt(corpus.size()));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code datagram} with 1 to {@link #MAX_EDITS} edits. */
    byte[] mutate(byte[] datagram) {
        byte[] out = datagram;
        int edits = 1 + random.nextInt(MAX_EDITS);
        for (int e = 0; e < edits; e++) {
            out = edit(out);
        }
        return out;
    }

    private byte[] edit(byte[] in) {
        int n = in.length;
        int op = n == 0 ? 2 : random.nextInt(4);
        switch (op) {
            case 0 -> {
                in[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                return in;
            }
            case 1 -> {
                in[random.nextInt(n)] = nextByte();
                return in;
            }
            case 2 -> {
                int at = random.nextInt(n + 1);
                byte[] out = new byte[n + 1];
                System.arraycopy(in, 0, out, 0, at);
                out[at] = nextByte();
                System.arraycopy(in, at, out, at + 1, n - at);
                return out;
            }
            default -> {
                int at = random.nextInt(n);
                byte[] out = new byte[n - 1];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + 1, out, at, n - 1 - at);
                return out;
            }
        }
    }

    private byte nextByte() {
        return random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
    }
}
