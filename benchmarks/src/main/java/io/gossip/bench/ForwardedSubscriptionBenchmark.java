package io.gossip.bench;

import io.gossip.protocol.NodeIds;
import io.gossip.protocol.ScampNode;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Remove;
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
 * A member handling a {@link ForwardedSubscription} of a subscriber it does not hold: with
 * probability 1/(|PartialView|+1) it keeps the subscriber (and sends it a Keep), otherwise it passes
 * the copy on to a random PartialView member. That is the message every join sends about
 * (c+1)·|PartialView| times through the group.
 *
 * <p>So that every call finds the same state, a kept subscriber is dropped again at once by a
 * Remove from it (the leaving path); that Remove is part of the measured operation, about one call
 * in |PartialView|+1. Subscribers cycle through 4,096 ids that are never in the view.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ForwardedSubscriptionBenchmark {
    private static final int SUBSCRIBERS = 4_096;

    /** PartialView size of the node: 18 ≈ (c+1)·ln n for n = 10,000 and c = 1. */
    @Param({"18"})
    public int viewSize;

    private RecordingEnvironment env;
    ScampNode node;
    private ForwardedSubscription[] messages;
    private Remove remove;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        env = new RecordingEnvironment();
        node = MemberNodes.withPartialView(viewSize, env, 42);
        messages = new ForwardedSubscription[SUBSCRIBERS];
        for (int i = 0; i < SUBSCRIBERS; i++) {
            messages[i] = new ForwardedSubscription(MembershipMessage.UNACKNOWLEDGED, MemberNodes.FIRST_STRANGER_ID + i,
                    0, 0);
        }
        remove = new Remove(MembershipMessage.UNACKNOWLEDGED);
    }

    /** Handles one forwarded subscription; returns the environment's checksum (never dead code). */
    @Benchmark
    public long handleForwardedSubscription() {
        ForwardedSubscription message = messages[next];
        next = (next + 1) & (SUBSCRIBERS - 1);
        node.onMessage(0, MemberNodes.CONTACT_ID, message);
        int kept = env.takeLastKept();
        if (kept != NodeIds.NONE) {
            node.onMessage(0, kept, remove);
        }
        return env.checksum();
    }
}
