package io.gossip.udp.security;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;

/**
 * A manual measurement, not part of any test: the cost of sealing and of opening one datagram with
 * {@link AeadProtection} on this machine, for a few plaintext sizes, single-threaded, after a
 * warm-up. Prints nanoseconds per datagram (wall-clock figures): the fastest and the median of
 * five rounds, since a shared machine's load inflates single rounds.
 *
 * <pre>
 * java -cp transport-udp/target/classes:protocol/target/classes io.gossip.udp.security.SealingCost [datagramsPerRound]
 * </pre>
 */
public final class SealingCost {
    private static final int BATCH = 1_000;
    private static final int ROUNDS = 5;
    private static final int[] PLAINTEXT_BYTES = {32, 256, 1_343};

    private SealingCost() {
    }

    /**
     * Runs the measurement and prints one line per plaintext size.
     *
     * @param args optionally the number of datagrams per round, at least 1,000; default 200,000
     * @throws ProtectionException if a datagram fails to seal or open (a bug)
     * @throws IllegalArgumentException if the number is below 1,000
     */
    public static void main(String[] args) throws ProtectionException {
        int perSize = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        if (perSize < BATCH) {
            throw new IllegalArgumentException("datagramsPerSize must be >= " + BATCH);
        }
        byte[] material = new byte[ClusterKey.KEY_BYTES];
        new SecureRandom().nextBytes(material);
        Keyring ring = Keyring.of(ClusterKey.of(material));
        InetSocketAddress alice = new InetSocketAddress("127.0.0.1", 9001);
        InetSocketAddress bob = new InetSocketAddress("127.0.0.1", 9002);
        AeadProtection sender = AeadProtection.create(ring, "bench", Duration.ofSeconds(30), 1_400, alice);
        AeadProtection receiver = AeadProtection.create(ring, "bench", Duration.ofSeconds(30), 1_400, bob);
        System.out.println("java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cpus, " + perSize + " datagrams per round");
        for (int size : PLAINTEXT_BYTES) {
            measure(sender, receiver, bob, size, perSize); // warm-up, not printed
        }
        for (int size : PLAINTEXT_BYTES) {
            double[][] rounds = new double[ROUNDS][];
            for (int r = 0; r < ROUNDS; r++) {
                rounds[r] = measure(sender, receiver, bob, size, perSize);
            }
            double[] seal = column(rounds, 0);
            double[] open = column(rounds, 1);
            System.out.println(String.format(Locale.ROOT,
                    "plaintext %5d B -> sealed %5d B: seal min %6.0f ns median %6.0f ns"
                            + " | open min %6.0f ns median %6.0f ns",
                    size, size + SealedFormat.OVERHEAD_BYTES, seal[0], seal[ROUNDS / 2], open[0], open[ROUNDS / 2]));
        }
        measureForgeries(sender, receiver, bob, perSize);
    }

    /** Nanoseconds to refuse one 1,400-byte forged datagram whose tag fails, and one under an unknown key. */
    private static void measureForgeries(AeadProtection sender, AeadProtection receiver, InetSocketAddress to,
            int count) throws ProtectionException {
        ByteBuffer forged = sender.seal(ByteBuffer.allocate(1_343), to);
        forged.put(forged.limit() - 1, (byte) (forged.get(forged.limit() - 1) ^ 1));
        ByteBuffer unknownKey = sender.seal(ByteBuffer.allocate(1_343), to);
        unknownKey.putInt(SealedFormat.KEY_ID_OFFSET, ~unknownKey.getInt(SealedFormat.KEY_ID_OFFSET));
        for (ByteBuffer datagram : new ByteBuffer[] {forged, unknownKey}) {
            double best = Double.MAX_VALUE;
            TransportDropReasonHolder reason = new TransportDropReasonHolder();
            for (int r = 0; r < ROUNDS + 1; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    try {
                        receiver.open(datagram.duplicate(), null);
                    } catch (ProtectionException e) {
                        reason.name = e.reason().name();
                    }
                }
                if (r > 0) { // the first round is warm-up
                    best = Math.min(best, (double) (System.nanoTime() - start) / count);
                }
            }
            System.out.println(String.format(Locale.ROOT, "forged 1400 B refused as %-21s min %6.0f ns",
                    reason.name, best));
        }
    }

    private static final class TransportDropReasonHolder {
        String name = "(accepted!)";
    }

    private static double[] column(double[][] rounds, int index) {
        double[] values = new double[rounds.length];
        for (int r = 0; r < rounds.length; r++) {
            values[r] = rounds[r][index];
        }
        java.util.Arrays.sort(values);
        return values;
    }

    /** Seals and opens {@code count} datagrams; returns {seal, open} nanoseconds per datagram. */
    private static double[] measure(AeadProtection sender, AeadProtection receiver, InetSocketAddress to, int size,
            int count) throws ProtectionException {
        ByteBuffer plaintext = ByteBuffer.allocate(size);
        ByteBuffer[] sealed = new ByteBuffer[BATCH];
        long sealNanos = 0;
        long openNanos = 0;
        for (int done = 0; done < count; done += BATCH) {
            long start = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                sealed[i] = sender.seal(plaintext.clear(), to);
            }
            long middle = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                receiver.open(sealed[i], null);
            }
            openNanos += System.nanoTime() - middle;
            sealNanos += middle - start;
        }
        return new double[] {(double) sealNanos / count, (double) openNanos / count};
    }
}
