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
 * the message caused, and turns that into {@link BroadcastResult}s.
 *
 * <p>A result counts coverage against the nodes live at the end of the run, so a broadcast's
 * per-node tables are in general kept until then: 4 bytes and a bit per node and broadcast, which
 * a long run's broadcasts add up (a million nodes, a broadcast a second for an hour: 15 GB). But a
 * broadcast is over once the clock has passed the arrival of every copy sent (gossip is sent only
 * by its origin and on a receipt, so no copy can follow), and once no node will leave or crash any
 * more (the timeline says until when they may, {@link #settleEarly}), the nodes live now are those
 * live at the end. From then on, each time a broadcast opens, those that are over are summarised
 * and their tables let go: the same results as at the end, in memory that no longer grows with the
 * broadcasts. The end summarises the rest and lets their tables go too.
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
    /** When the last copy of each broadcast sent so far arrives (its sending time while none is sent). */
    private long[] lastArrivalMicros = new long[4];
    /** Results of the broadcasts summarised so far, null for the others. */
    private BroadcastResult[] settled = new BroadcastResult[4];
    /** Broadcasts below this one are summarised. */
    private int firstUnsettled;
    /** The last moment a node may leave or crash; no broadcast is summarised early until after it. */
    private long departuresUntilMicros = Long.MAX_VALUE;
    private NodeTable settleTable;
    private long settleStepMicros;
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
            lastArrivalMicros = Arrays.copyOf(lastArrivalMicros, n);
            settled = Arrays.copyOf(settled, n);
        }
        settleOver(nowMicros);
        int b = count++;
        sentMicros[b] = nowMicros;
        lastArrivalMicros[b] = nowMicros;
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

    /**
     * From when {@code departuresUntilMicros} has passed, the timeline's last moment at which a node
     * may leave or crash ({@link Long#MIN_VALUE} if none ever does), summarise at each opening the
     * broadcasts that are over. A node that leaves later is a mistake in that forecast:
     * {@link #nodeLeaving} says so.
     *
     * @param table the run's node table, read as it stands when a broadcast is summarised
     * @param coverageStepMicros grid step of the coverage curves
     */
    public void settleEarly(NodeTable table, long coverageStepMicros, long departuresUntilMicros) {
        this.settleTable = table;
        this.settleStepMicros = coverageStepMicros;
        this.departuresUntilMicros = departuresUntilMicros;
    }

    /**
     * A node leaves or crashes at {@code nowMicros}.
     *
     * @throws IllegalStateException if that is after the forecast given to {@link #settleEarly}
     *     (broadcasts summarised since would count a node the end would not)
     */
    public void nodeLeaving(long nowMicros) {
        if (nowMicros > departuresUntilMicros) {
            throw new IllegalStateException("a node leaves at " + nowMicros + " µs, after the last departure the"
                    + " timeline allowed for (" + departuresUntilMicros + " µs)");
        }
    }

    /** A copy of broadcast {@code b} is sent, to arrive at {@code arrivalMicros} (negative: after the run's end). */
    public void countTransmission(int b, long arrivalMicros) {
        messages[b]++;
        if (arrivalMicros > lastArrivalMicros[b]) {
            lastArrivalMicros[b] = arrivalMicros;
        }
    }

    /**
     * Summarises the broadcasts that are over at {@code nowMicros} (every copy arrived before now)
     * if no node will leave or crash any more, and lets their per-node tables go.
     */
    private void settleOver(long nowMicros) {
        if (nowMicros <= departuresUntilMicros) {
            return;
        }
        for (int b = firstUnsettled; b < count; b++) {
            if (settled[b] == null && lastArrivalMicros[b] < nowMicros) {
                settle(b, settleTable, settleStepMicros, new long[holders.get(b).cardinality()]);
            }
        }
        while (firstUnsettled < count && settled[firstUnsettled] != null) {
            firstUnsettled++;
        }
    }

    /** Summarises broadcast {@code b} against the nodes {@code table} has live and lets its tables go. */
    private void settle(int b, NodeTable table, long coverageStepMicros, long[] delays) {
        settled[b] = result(b, table, coverageStepMicros, delays);
        receipts.set(b, null);
        holders.set(b, null);
    }

    /** Whether broadcast {@code b} is summarised (its per-node tables let go): once over, or at the end. */
    public boolean isSettled(int b) {
        return settled[b] != null;
    }

    public void countDuplicate(int b) {
        duplicates[b]++;
    }

    /** Whether {@code node} already has broadcast {@code b}, which must not be summarised yet. */
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
     * Every broadcast's result: those not summarised yet are summarised against the nodes live at
     * the end and their tables let go, so the run is over for the tracker ({@link #has} answers no
     * more).
     *
     * @param table the node table at the end of the run
     * @param coverageStepMicros grid step of the coverage curves
     */
    public List<BroadcastResult> results(NodeTable table, long coverageStepMicros) {
        long[] delays = null;
        for (int b = firstUnsettled; b < count; b++) {
            if (settled[b] == null) {
                if (delays == null) {
                    delays = new long[nodes];
                }
                settle(b, table, coverageStepMicros, delays);
            }
        }
        firstUnsettled = count;
        return List.of(Arrays.copyOf(settled, count));
    }

    /** Broadcast {@code b}'s result against the nodes {@code table} has live; {@code delays} holds its receipts. */
    private BroadcastResult result(int b, NodeTable table, long coverageStepMicros, long[] delays) {
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
        return ReceiptDelays.result(b, origin[b], sentMicros[b], live, delays, reached, maxHops[b], messages[b],
                duplicates[b], coverageStepMicros);
    }
}
