package io.gossip.sim.run;

import io.gossip.sim.engine.EventQueue;
import java.util.SplittableRandom;

/**
 * A manual measurement of the {@link EventQueue}, not part of the test suite: the "hold" model
 * (pop the earliest event, push one 10–100 ms later) at several queue sizes, reporting pop+push
 * pairs per second.
 *
 * <p>Usage: {@code java -cp ... io.gossip.sim.run.QueueThroughput [pending sizes...]}.
 */
public final class QueueThroughput {
    private QueueThroughput() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1_000, 100_000, 10_000_000} : parse(args);
        for (int pending : sizes) {
            EventQueue queue = new EventQueue(pending);
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < pending; i++) {
                queue.push(10_000 + random.nextInt(90_000), 0, i, i, null);
            }
            long operations = 20_000_000;
            long checksum = 0;
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                for (long i = 0; i < operations; i++) {
                    queue.pop();
                    long now = queue.poppedTime();
                    checksum += queue.poppedFrom();
                    queue.push(now + 10_000 + random.nextInt(90_000), 0, (int) i, 0, null);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("pending=%,d round=%d: %.1f M pop+push/s%n", pending, round,
                        operations / seconds / 1e6);
            }
            System.out.println("checksum " + checksum);
        }
    }

    private static int[] parse(String[] args) {
        int[] sizes = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            sizes[i] = Integer.parseInt(args[i]);
        }
        return sizes;
    }
}
