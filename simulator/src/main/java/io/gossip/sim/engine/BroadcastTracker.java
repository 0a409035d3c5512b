package io.gossip.sim.engine;

import io.gossip.sim.results.BroadcastResult;
import io.gossip.sim.results.ReceiptDelays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Records, per broadcast, when each node first received it (microseconds after sending, in one
 * {@code int[]} per broadcast, -1 = not yet), the hop count, and the transmissions and duplicates
 * the message caused; at the end of a run it turns that into {@link BroadcastResult}s.
 */
public final class BroadcastTracker {
    private static final int NOT_RECEIVED = -1;

    private final int nodes;
    private final LongIntMap indexOfMessage = new LongIntMap();
    private final List<int[]> receipts = new ArrayList<>();
    /**
     * Per broadcast, one bit per node: whether it has the message. {@link #has} runs on every gossip
     * arrival; a bit set of n/8 bytes stays in cache where the n ints of {@code receipts} do not.
     */
    private final List<BitSet> holders = new ArrayList<>();
    private long[] sentMicros = new long[4];
    private int[] origin = new int[4];
    private int[] joinsAtSend = new int[4];
    private int[] maxHops = new int[4];
    private long[] messages = new long[4];
    private long[] duplicates = new long[4];
    private int count;
    private long lastMessageId = Long.MIN_VALUE;
    private int lastIndex = -1;

    public BroadcastTracker(int nodes) {
        this.nodes = nodes;
    }

    /** Number of broadcasts started. */
    public int count() {
        return count;
    }

    /** Starts tracking a new broadcast from {@code originNode}; returns its index. */
    public int open(int originNode, long nowMicros, int joinsSoFar) {
        if (count == sentMicros.length) {
            int n = count * 2;
            sentMicros = Arrays.copyOf(sentMicros, n);
            origin = Arrays.copyOf(origin, n);
            joinsAtSend = Arrays.copyOf(joinsAtSend, n);
            maxHops = Arrays.copyOf(maxHops, n);
            messages = Arrays.copyOf(messages, n);
            duplicates = Arrays.copyOf(duplicates, n);
        }
        int b = count++;
        sentMicros[b] = nowMicros;
        origin[b] = originNode;
        joinsAtSend[b] = joinsSoFar;
        int[] r = new int[nodes];
        Arrays.fill(r, NOT_RECEIVED);
        r[originNode] = 0;
        receipts.add(r);
        BitSet bits = new BitSet(nodes);
        bits.set(originNode);
        holders.add(bits);
        return b;
    }

    /** Associates a gossip message id with broadcast {@code b}. */
    public void bind(long messageId, int b) {
        indexOfMessage.put(messageId, b);
        if (messageId == lastMessageId) {
            lastIndex = b;
        }
    }

    /** The broadcast a gossip message id belongs to, or -1. */
    public int indexOf(long messageId) {
        if (messageId == lastMessageId) {
            return lastIndex;
        }
        int b = indexOfMessage.get(messageId);
        lastMessageId = messageId;
        lastIndex = b;
        return b;
    }

    public void countTransmission(int b) {
        messages[b]++;
    }

    public void countDuplicate(int b) {
        duplicates[b]++;
    }

    /** Whether {@code node} already has broadcast {@code b}. */
    public boolean has(int b, int node) {
        return holders.get(b).get(node);
    }

    /** Records the first receipt of broadcast {@code b} at {@code node}. */
    public void firstReceipt(int b, int node, long nowMicros, int hops) {
        long delay = nowMicros - sentMicros[b];
        receipts.get(b)[node] = (int) Math.min(delay, Integer.MAX_VALUE - 1);
        holders.get(b).set(node);
        if (hops > maxHops[b]) {
            maxHops[b] = hops;
        }
    }

    /**
     * Summarises every broadcast against the nodes live at the end.
     *
     * @param table the node table at the end of the run
     * @param coverageStepMicros grid step of the coverage curves
     */
    public List<BroadcastResult> results(NodeTable table, long coverageStepMicros) {
        List<BroadcastResult> results = new ArrayList<>(count);
        long[] delays = new long[nodes];
        for (int b = 0; b < count; b++) {
            int[] r = receipts.get(b);
            int live = 0;
            int reached = 0;
            for (int node = 0; node < nodes; node++) {
                int tick = table.joinTick(node);
                if (table.isLive(node) && tick > 0 && tick <= joinsAtSend[b]) {
                    live++;
                    if (r[node] != NOT_RECEIVED) {
                        delays[reached++] = r[node];
                    }
                }
            }
            results.add(ReceiptDelays.result(b, origin[b], sentMicros[b], live, delays, reached, maxHops[b],
                    messages[b], duplicates[b], coverageStepMicros));
        }
        return results;
    }
}
