package io.gossip.bench;

import io.gossip.protocol.NodeIds;
import io.gossip.protocol.ScampArena;
import io.gossip.protocol.message.MessageType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ForwardedSubscriptionBenchmark} for a {@link ScampArena} member: it handles a forwarded
 * subscription of a subscriber it does not hold, keeping it with probability 1/(|PartialView|+1)
 * (and sending it a Keep), otherwise passing the copy on to a random PartialView member.
 *
 * <p>An arena has no leaving path, so a kept subscriber cannot be dropped again by a Remove as the
 * object benchmark does. Instead, every call goes to a member whose PartialView holds exactly
 * {@code viewSize} nodes: the benchmark builds a pool of {@value #POOL} such members before each
 * invocation (untimed) and moves on to the next one whenever the current one keeps a subscriber.
 * An invocation handles {@value #BATCH} subscriptions (about {@value #BATCH}/(viewSize+1) keeps,
 * far fewer than the pool), so it lasts milliseconds and the per-invocation setup is not in the
 * figure. Unlike the object benchmark, the measured figure has no Remove in it (about one call in
 * |PartialView|+1 there), and every (|PartialView|+1)-th call or so starts on a record not used
 * since the pool was built, so it may miss in the first-level caches.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ArenaForwardedSubscriptionBenchmark {
    private static final int SUBSCRIBERS = 4_096;
    private static final int POOL = 4_096;
    private static final int BATCH = 65_536;
    private static final int CONTACT = POOL;
    private static final int FORWARDED_SUBSCRIPTION = MessageType.FORWARDED_SUBSCRIPTION.ordinal();

    /** PartialView size of each member: 18 ≈ (c+1)·ln n for n = 10,000 and c = 1. */
    @Param({"18"})
    public int viewSize;

    private final ArenaMembers.Recorder env = new ArenaMembers.Recorder();
    private ScampArena arena;
    private long invocations;
    private int current;
    private int next;

    /** A fresh pool: members 0 .. POOL-1, each joined through {@link #CONTACT}, seeded per invocation. */
    @Setup(Level.Invocation)
    public void setUp() {
        arena = ArenaMembers.arena(POOL, env, 42 + invocations++);
        for (int node = 0; node < POOL; node++) {
            ArenaMembers.grow(arena, env, node, CONTACT, CONTACT + 1, viewSize);
        }
        current = 0;
    }

    /** Handles {@value #BATCH} forwarded subscriptions; returns the environment's checksum (never dead code). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long handleForwardedSubscription() {
        for (int i = 0; i < BATCH; i++) {
            int subscriber = MemberNodes.FIRST_STRANGER_ID + next;
            next = (next + 1) & (SUBSCRIBERS - 1);
            arena.onMessage(0, current, CONTACT, FORWARDED_SUBSCRIPTION, 0, subscriber, 0);
            if (env.takeLastKept() != NodeIds.NONE && ++current == POOL) {
                throw new IllegalStateException("all " + POOL + " members kept a subscriber within one batch");
            }
        }
        return env.checksum();
    }
}
