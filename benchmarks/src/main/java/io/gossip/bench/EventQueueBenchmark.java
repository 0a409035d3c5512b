package io.gossip.bench;

import io.gossip.sim.engine.EventQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's {@link EventQueue} in the classic hold model: with {@code pending} events
 * queued, one operation pops the earliest event and schedules a new one a network
 * latency later (uniform 10–100 ms, the scale workload's), so the queue size stays constant. That is
 * what every message delivery costs the engine's queue.
 *
 * <p>Latencies come from a precomputed table, so the random generator is not measured. 1,000
 * pending events is a small run; 1,000,000 is the order of the messages in flight at n = 100,000.
 *
 * <p>{@link #scheduleAndPop} carries a ref payload (null, as a wakeup does); {@link #scheduleAndPopPacked}
 * carries a primitive word and tag instead, as a message packed into primitives does. Both start
 * from the same queue of ref events; the packed variant's warmup replaces every one of them many
 * times over before measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventQueueBenchmark {
    private static final int LATENCIES = 1 << 16;
    private static final long MIN_LATENCY_MICROS = 10_000;
    private static final long MAX_LATENCY_MICROS = 100_000;

    /** Events pending in the queue throughout. */
    @Param({"1000", "1000000"})
    public int pending;

    private EventQueue queue;
    private long[] latencies;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(2003);
        latencies = new long[LATENCIES];
        for (int i = 0; i < LATENCIES; i++) {
            latencies[i] = random.nextLong(MIN_LATENCY_MICROS, MAX_LATENCY_MICROS + 1);
        }
        queue = new EventQueue(pending);
        for (int i = 0; i < pending; i++) {
            queue.push(random.nextLong(MAX_LATENCY_MICROS), 0, i, i + 1, null);
        }
        // Run the queue to its steady state: every initial event replaced once.
        for (int i = 0; i < pending; i++) {
            scheduleAndPop();
        }
    }

    /** Pops the earliest event and schedules its successor; returns the popped time. */
    @Benchmark
    public long scheduleAndPop() {
        queue.pop();
        long time = queue.poppedTime();
        int to = queue.poppedTo();
        queue.push(time + latencies[next], 0, to, to + 1, null);
        next = (next + 1) & (LATENCIES - 1);
        return time;
    }

    /** The same with a primitive payload: reads the popped word and tag, schedules a successor with new ones. */
    @Benchmark
    public long scheduleAndPopPacked() {
        queue.pop();
        long time = queue.poppedTime();
        int to = queue.poppedTo();
        long word = queue.poppedWord() + 1;
        int tag = queue.poppedTag() ^ to;
        queue.push(time + latencies[next], 3, to, to + 1, word, tag);
        next = (next + 1) & (LATENCIES - 1);
        return time ^ word;
    }
}
