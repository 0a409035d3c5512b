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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ForwardedSubscriptionBenchmark} for a {@link ScampArena} member, operation for operation:
 * the member handles a forwarded subscription of a subscriber it does not hold, keeping it with
 * probability 1/(|PartialView|+1) (and sending it a Keep), otherwise passing the copy on to a random
 * PartialView member.
 *
 * <p>So that every call finds the same state, a kept subscriber is dropped again at once by a
 * Remove from it (the leaving path, which the arena has had since it learnt graceful leaves); that
 * Remove is part of the measured operation, about one call in |PartialView|+1, as in the object
 * benchmark. Subscribers cycle through {@value #SUBSCRIBERS} ids that are never in the view.
 *
 * <p>Until 2026-11-30 it had no Remove, the arena having none when it was written: it used a pool of
 * members rebuilt before each invocation and moved to the next member at each keep
 * (docs/performance.md says what that measured).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ArenaForwardedSubscriptionBenchmark {
    static final int SUBSCRIBERS = 4_096;
    static final int NODE = 0;
    static final int CONTACT = 1;
    private static final int FORWARDED_SUBSCRIPTION = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
    private static final int REMOVE = MessageType.REMOVE.ordinal();

    /** PartialView size of the member: 18 ≈ (c+1)·ln n for n = 10,000 and c = 1. */
    @Param({"18"})
    public int viewSize;

    final ArenaMembers.Recorder env = new ArenaMembers.Recorder();
    ScampArena arena;
    private int next;
    // The call's other arguments, read from fields as a simulation reads them from its events: as
    // constants, they would let the compiler fold the arena's checks on them out of the figure.
    private long nowMicros;
    private int node = NODE;
    private int contact = CONTACT;
    private int forwardedSubscription = FORWARDED_SUBSCRIPTION;
    private int remove = REMOVE;

    /** Member {@link #NODE}, joined through {@link #CONTACT}, with a PartialView of {@code viewSize}. */
    @Setup(Level.Trial)
    public void setUp() {
        arena = ArenaMembers.arena(CONTACT + 1, env, 42);
        ArenaMembers.grow(arena, env, NODE, CONTACT, CONTACT + 1, viewSize);
    }

    /** Handles one forwarded subscription; returns the environment's checksum (never dead code). */
    @Benchmark
    public long handleForwardedSubscription() {
        int subscriber = MemberNodes.FIRST_STRANGER_ID + next;
        next = (next + 1) & (SUBSCRIBERS - 1);
        arena.onMessage(nowMicros, node, contact, forwardedSubscription, 0, subscriber, 0);
        int kept = env.takeLastKept();
        if (kept != NodeIds.NONE) {
            arena.onMessage(nowMicros, node, kept, remove, 0, 0, 0);
        }
        return env.checksum();
    }
}
