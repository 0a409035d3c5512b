package io.gossip.bench;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link GossipBenchmark} for a {@link ScampArena} member: a gossip message from a PartialView
 * neighbour, either new (remember, deliver, forward to every PartialView member) or already seen (one
 * of {@code remembered} ids; only counted). Each situation has its own arena whose member 0 joined
 * through node 1 and holds a PartialView of {@code viewSize}; the messages are broadcast beforehand by
 * node 2, a group of one (so its broadcasts send nothing), which gives them their arena indices.
 *
 * <p>New messages come two ways, because an arena node's duplicate memory (a list in its record)
 * answers them at different costs. {@link #firstReceipt} cycles through twice the memory's capacity
 * so the memory stays full: each message is new but older than the newest one remembered, and not
 * among the 32 newest broadcasts, so the check scans the whole memory (the arena's worst case, met
 * when a node first hears of a message more than 32 broadcasts late). {@link #firstReceiptInOrder}
 * hands over messages in the order they were broadcast, as a simulation's broadcasts a second apart
 * arrive: each is above every index remembered and known new from the record's header, while the
 * memory, full, forgets its oldest entry each time. It needs a fresh message each call, so it runs
 * batches of {@value #IN_ORDER_BATCH} calls on messages broadcast before each batch (untimed) and
 * reports the time of a batch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ArenaGossipBenchmark {
    private static final int NODE = 0;
    private static final int CONTACT = 1;
    private static final int ORIGIN = 2;
    private static final int HOPS = 3;
    private static final int GOSSIP = MessageType.GOSSIP.ordinal();
    /** First receipts per measured batch of {@link #firstReceiptInOrder}. */
    static final int IN_ORDER_BATCH = 1 << 20;

    /**
     * Makes node {@code NODE} of {@code arena} a member with a PartialView of {@code viewSize} and has
     * node {@code ORIGIN}, a group of one (its broadcasts send nothing), broadcast {@code count}
     * messages; returns their arena indices, oldest first.
     */
    private static int[] memberAndMessages(ScampArena arena, ArenaMembers.Recorder env, int viewSize, int count) {
        ArenaMembers.grow(arena, env, NODE, CONTACT, ORIGIN + 1, viewSize);
        arena.bootstrap(0, ORIGIN);
        int[] messages = new int[count];
        for (int i = 0; i < count; i++) {
            messages[i] = arena.broadcast(0, ORIGIN);
        }
        return messages;
    }

    /** A member that has never seen the messages it is given. */
    @State(Scope.Thread)
    public static class FreshMessages {
        /** PartialView size of the member, that is, copies forwarded on first receipt. */
        @Param({"18"})
        public int viewSize;

        final ArenaMembers.Recorder env = new ArenaMembers.Recorder();
        ScampArena arena;
        int[] messages;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            arena = ArenaMembers.arena(3, env, 7);
            int distinct = Integer.highestOneBit(MemberNodes.config().duplicateMemoryCapacity()) * 2;
            messages = memberAndMessages(arena, env, viewSize, distinct);
        }
    }

    /** A member given, batch after batch, messages it has not seen, newest last. */
    @State(Scope.Thread)
    public static class MessagesInOrder {
        /** PartialView size of the member, that is, copies forwarded on first receipt. */
        @Param({"18"})
        public int viewSize;

        final ArenaMembers.Recorder env = new ArenaMembers.Recorder();
        ScampArena arena;
        int[] messages;
        int next;
        long deliveredBefore;

        @Setup(Level.Iteration)
        public void setUp() {
            arena = ArenaMembers.arena(3, env, 13);
            messages = memberAndMessages(arena, env, viewSize, IN_ORDER_BATCH);
            next = 0;
            deliveredBefore = env.deliveries();
        }

        /** Every call of the batch was a first receipt, or the figure means something else. */
        @TearDown(Level.Iteration)
        public void check() {
            if (env.deliveries() - deliveredBefore != next) {
                throw new IllegalStateException((env.deliveries() - deliveredBefore) + " deliveries in " + next
                        + " calls: not every message was new");
            }
        }
    }

    /** A member that has seen every message it is given. */
    @State(Scope.Thread)
    public static class SeenMessages {
        /** PartialView size of the member. */
        @Param({"18"})
        public int viewSize;

        /** Ids the member remembers, all of which come back as duplicates. */
        @Param({"10"})
        public int remembered;

        final ArenaMembers.Recorder env = new ArenaMembers.Recorder();
        ScampArena arena;
        int[] messages;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            arena = ArenaMembers.arena(3, env, 11);
            messages = memberAndMessages(arena, env, viewSize, remembered);
            for (int message : messages) {
                arena.onMessage(0, NODE, CONTACT, GOSSIP, 0, message, HOPS);
            }
            if (env.deliveries() != remembered) {
                throw new IllegalStateException("expected " + remembered + " deliveries, got " + env.deliveries());
            }
        }
    }

    /**
     * The arguments of each call besides the message, read from fields as a simulation reads them
     * from its events. Passed as constants they let the compiler fold the arena's checks on them
     * (type, ids, time) out of the figure: the duplicate measured about a third less so
     * (docs/performance.md).
     */
    @State(Scope.Thread)
    public static class Call {
        long nowMicros;
        int node = NODE;
        int from = CONTACT;
        int type = GOSSIP;
        int seq;
        int hops = HOPS;
    }

    /** A message never seen: remember, deliver, forward to the whole PartialView. */
    @Benchmark
    public long firstReceipt(FreshMessages s, Call c) {
        int message = s.messages[s.next];
        s.next = (s.next + 1) & (s.messages.length - 1);
        s.arena.onMessage(c.nowMicros, c.node, c.from, c.type, c.seq, message, c.hops);
        return s.env.checksum();
    }

    /**
     * Messages never seen, in broadcast order: remember (the full memory forgets its oldest), deliver,
     * forward to the whole PartialView. The score is the time of {@value #IN_ORDER_BATCH} calls.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5, batchSize = IN_ORDER_BATCH)
    @Measurement(iterations = 10, batchSize = IN_ORDER_BATCH)
    public long firstReceiptInOrder(MessagesInOrder s, Call c) {
        s.arena.onMessage(c.nowMicros, c.node, c.from, c.type, c.seq, s.messages[s.next++], c.hops);
        return s.env.checksum();
    }

    /** A message already seen: recognised and counted, nothing sent. */
    @Benchmark
    public long duplicate(SeenMessages s, Call c) {
        int message = s.messages[s.next];
        s.next = s.next == s.messages.length - 1 ? 0 : s.next + 1;
        s.arena.onMessage(c.nowMicros, c.node, c.from, c.type, c.seq, message, c.hops);
        return s.env.checksum() + s.next;
    }
}
