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
 * A member handling a {@link Gossip} message from a PartialView neighbour.
 *
 * <p><b>First receipt</b>: the id is new, so the node remembers it, delivers it and forwards it to
 * every PartialView member. Messages cycle through twice the duplicate memory's capacity (4,096 ids
 * by default) of distinct ids, so each one has been forgotten by the time it comes round again and
 * the memory stays full: the steady state of a long-lived node.
 *
 * <p><b>Duplicate</b>: the id was already seen (one of {@value #REMEMBERED} remembered ids, the
 * situation of a simulation with a few broadcasts), so the node only counts it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GossipBenchmark {
    private static final int REMEMBERED = 10;
    private static final int PAYLOAD_BYTES = 64;

    /** PartialView size of the node, that is, copies forwarded on first receipt. */
    @Param({"18"})
    public int viewSize;

    private RecordingEnvironment freshEnv;
    private ScampNode freshNode;
    private Gossip[] fresh;
    private int nextFresh;

    private RecordingEnvironment duplicateEnv;
    private ScampNode duplicateNode;
    private Gossip[] seen;
    private int nextSeen;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] payload = new byte[PAYLOAD_BYTES];
        freshEnv = new RecordingEnvironment();
        freshNode = MemberNodes.withPartialView(viewSize, freshEnv, 7);
        int distinct = Integer.highestOneBit(MemberNodes.config().duplicateMemoryCapacity()) * 2;
        fresh = new Gossip[distinct];
        for (int i = 0; i < distinct; i++) {
            fresh[i] = Gossip.create(MemberNodes.FIRST_STRANGER_ID + (i & 63), i, 3, payload);
        }
        duplicateEnv = new RecordingEnvironment();
        duplicateNode = MemberNodes.withPartialView(viewSize, duplicateEnv, 11);
        seen = new Gossip[REMEMBERED];
        for (int i = 0; i < REMEMBERED; i++) {
            seen[i] = Gossip.create(MemberNodes.FIRST_STRANGER_ID, i, 3, payload);
            duplicateNode.onMessage(0, MemberNodes.CONTACT_ID, seen[i]);
        }
        if (duplicateEnv.deliveries() != REMEMBERED) {
            throw new IllegalStateException("expected " + REMEMBERED + " deliveries, got " + duplicateEnv.deliveries());
        }
    }

    /** A message never seen: remember, deliver, forward to the whole PartialView. */
    @Benchmark
    public long firstReceipt() {
        Gossip message = fresh[nextFresh];
        nextFresh = (nextFresh + 1) & (fresh.length - 1);
        freshNode.onMessage(0, MemberNodes.CONTACT_ID, message);
        return freshEnv.checksum();
    }

    /** A message already seen: recognised and counted, nothing sent. */
    @Benchmark
    public long duplicate() {
        Gossip message = seen[nextSeen];
        nextSeen = nextSeen == REMEMBERED - 1 ? 0 : nextSeen + 1;
        duplicateNode.onMessage(0, MemberNodes.CONTACT_ID, message);
        return duplicateEnv.checksum() + nextSeen;
    }
}
