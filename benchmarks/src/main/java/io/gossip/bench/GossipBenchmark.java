package io.gossip.bench;

import io.gossip.protocol.ScampNode;
import io.gossip.protocol.message.Gossip;
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
 * A member handling a {@link Gossip} message from a PartialView neighbour, in two situations, each
 * with its own node.
 *
 * <p><b>First receipt</b>: the id is new, so the node remembers it, delivers it and forwards it to
 * every PartialView member. Messages cycle through twice the duplicate memory's capacity (4,096 ids
 * by default) of distinct ids, so each one has been forgotten by the time it comes round again and
 * the memory stays full: the steady state of a long-lived node.
 *
 * <p><b>Duplicate</b>: the id was already seen (one of {@code remembered} ids, 10 by default: the
 * situation of a simulation with a few broadcasts), so the node only counts it. Up to 32 remembered
 * ids the duplicate memory scans them; beyond, it looks them up in a hash index.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GossipBenchmark {
    private static final int PAYLOAD_BYTES = 64;

    /** A node that has never seen the messages it is given. */
    @State(Scope.Thread)
    public static class FreshMessages {
        /** PartialView size of the node, that is, copies forwarded on first receipt. */
        @Param({"18"})
        public int viewSize;

        RecordingEnvironment env;
        ScampNode node;
        Gossip[] messages;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            env = new RecordingEnvironment();
            node = MemberNodes.withPartialView(viewSize, env, 7);
            int distinct = Integer.highestOneBit(MemberNodes.config().duplicateMemoryCapacity()) * 2;
            messages = new Gossip[distinct];
            byte[] payload = new byte[PAYLOAD_BYTES];
            for (int i = 0; i < distinct; i++) {
                messages[i] = Gossip.create(MemberNodes.FIRST_STRANGER_ID + (i & 63), i, 3, payload);
            }
        }
    }

    /** A node that has seen every message it is given. */
    @State(Scope.Thread)
    public static class SeenMessages {
        /** PartialView size of the node. */
        @Param({"18"})
        public int viewSize;

        /** Ids the node remembers, all of which come back as duplicates. */
        @Param({"10"})
        public int remembered;

        RecordingEnvironment env;
        ScampNode node;
        Gossip[] messages;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            env = new RecordingEnvironment();
            node = MemberNodes.withPartialView(viewSize, env, 11);
            messages = new Gossip[remembered];
            byte[] payload = new byte[PAYLOAD_BYTES];
            for (int i = 0; i < remembered; i++) {
                messages[i] = Gossip.create(MemberNodes.FIRST_STRANGER_ID, i, 3, payload);
                node.onMessage(0, MemberNodes.CONTACT_ID, messages[i]);
            }
            if (env.deliveries() != remembered) {
                throw new IllegalStateException("expected " + remembered + " deliveries, got " + env.deliveries());
            }
        }
    }

    /** A message never seen: remember, deliver, forward to the whole PartialView. */
    @Benchmark
    public long firstReceipt(FreshMessages s) {
        Gossip message = s.messages[s.next];
        s.next = (s.next + 1) & (s.messages.length - 1);
        s.node.onMessage(0, MemberNodes.CONTACT_ID, message);
        return s.env.checksum();
    }

    /** A message already seen: recognised and counted, nothing sent. */
    @Benchmark
    public long duplicate(SeenMessages s) {
        Gossip message = s.messages[s.next];
        s.next = s.next == s.messages.length - 1 ? 0 : s.next + 1;
        s.node.onMessage(0, MemberNodes.CONTACT_ID, message);
        return s.env.checksum() + s.next;
    }
}
