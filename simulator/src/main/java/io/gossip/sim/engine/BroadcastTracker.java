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
 * per-node tables could only be summarised at the end: 4 bytes and a bit per node and broadcast,
 * which a long run's broadcasts add up (a million nodes, a broadcast a second for an hour: 15 GB).
 * But a broadcast is over once the clock has passed the arrival of every copy sent (gossip is sent
 * only by its origin and on a receipt, so no copy can follow), and which nodes will have gone by the
 * end is known before the run: none where no node ever leaves or crashes, else those of a
 * {@link TimelineForecast} ({@link #settleEarly}). So each time a broadcast opens, those that are
 * over are summarised against the nodes that will still be live and their tables let go: the same
 * results as at the end, in memory that does not grow with the broadcasts, churn or not. The end
 * summarises the rest and lets their tables go too.
 */
public final class BroadcastTracker {
    private static final int NOT_RECEIVED = -1;
    /** In {@code receipts}, a delay too long for an int of microseconds: it is in {@code longReceipts}. */
    private static final int LONG_DELAY = Integer.MAX_VALUE;

    /** Told of each broadcast summarised because it is over, when the next one opens. */
    interface OverListener {
        /**
         * Broadcast {@code b}, sent at {@code sentMicros}, is over: its last copy arrived at
         * {@code lastArrivalMicros}.
         */
        void over(int b, long sentMicros, long lastArrivalMicros);
    }

    /** Told, once per run, of the first broadcast its nodes took for new again as often as there are nodes. */
    interface RedeliveryListener {
        /**
         * Broadcast {@code b}, sent at {@code sentMicros} to a group of {@code groupSize}, has been
         * handed again {@code redelivered} times, at nodes that had forgotten it, by {@code nowMicros}.
         */
        void redelivered(int b, long sentMicros, long nowMicros, int groupSize, long redelivered);
    }

    private final int nodes;
    private final LongIntMap indexOfMessage = new LongIntMap();
    private final List<int[]> receipts = new ArrayList<>();
    /**
     * Per broadcast, the delays of {@code receipts} that do not fit an int (35.8 minutes and more:
     * a latency that long), by node; null while it has none.
     */
    private final List<long[]> longReceipts = new ArrayList<>();
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
    /** Per broadcast, deliveries at nodes that already had it: their duplicate memory had forgotten it. */
    private long[] redelivered = new long[4];
    /** When the last copy of each broadcast sent so far arrives (its sending time while none is sent). */
    private long[] lastArrivalMicros = new long[4];
    /** Per broadcast, copies sent that would arrive after the run's end: it was still spreading then. */
    private long[] copiesAfterEnd = new long[4];
    /** Results of the broadcasts summarised so far, null for the others. */
    private BroadcastResult[] settled = new BroadcastResult[4];
    /** Broadcasts below this one are summarised. */
    private int firstUnsettled;
    /** The nodes that will have left or crashed by the end, or null: nothing is summarised early. */
    private BitSet goneByEnd;
    private long settleStepMicros;
    private OverListener overListener;
    private RedeliveryListener redeliveryListener;
    private boolean redeliveryTold;
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
            redelivered = Arrays.copyOf(redelivered, n);
            lastArrivalMicros = Arrays.copyOf(lastArrivalMicros, n);
            copiesAfterEnd = Arrays.copyOf(copiesAfterEnd, n);
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
        longReceipts.add(null);
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
     * Summarise at each opening the broadcasts that are over, counting the nodes joined when each
     * was sent but those in {@code goneByEnd}: the nodes that will have left or crashed by the end of
     * the run, known before it (none where the timeline ends no node, else a {@link TimelineForecast}'s).
     * The run is held to it ({@link #nodeLeaving}, {@link #results}).
     *
     * @param coverageStepMicros grid step of the coverage curves
     */
    public void settleEarly(BitSet goneByEnd, long coverageStepMicros) {
        this.goneByEnd = goneByEnd;
        this.settleStepMicros = coverageStepMicros;
    }

    /** Tells {@code listener} of each broadcast summarised early, once it is over ({@link #settleEarly}). */
    void onOver(OverListener listener) {
        this.overListener = listener;
    }

    /**
     * Tells {@code listener} once of a broadcast taken for new again as often as there are nodes
     * ({@link #delivered}).
     */
    void onRedeliveries(RedeliveryListener listener) {
        this.redeliveryListener = listener;
    }

    /**
     * {@code node} leaves or crashes at {@code nowMicros}.
     *
     * @throws IllegalStateException if it is not among the nodes {@link #settleEarly} was told would
     *     go (broadcasts summarised since would count a node the end would not)
     */
    public void nodeLeaving(int node, long nowMicros) {
        if (goneByEnd != null && !goneByEnd.get(node)) {
            throw new IllegalStateException("node " + node + " leaves at " + nowMicros + " µs, but the timeline's"
                    + " forecast has it live at the end of the run");
        }
    }

    /** A copy of broadcast {@code b} is sent, to arrive at {@code arrivalMicros} (negative: after the run's end). */
    public void countTransmission(int b, long arrivalMicros) {
        messages[b]++;
        if (arrivalMicros < 0) {
            copiesAfterEnd[b]++;
        } else if (arrivalMicros > lastArrivalMicros[b]) {
            lastArrivalMicros[b] = arrivalMicros;
        }
    }

    /**
     * Summarises the broadcasts that are over at {@code nowMicros} (every copy arrived before now)
     * against the nodes live at the end, if known, and lets their per-node tables go.
     */
    private void settleOver(long nowMicros) {
        if (goneByEnd == null) {
            return;
        }
        for (int b = firstUnsettled; b < count; b++) {
            if (settled[b] == null && lastArrivalMicros[b] < nowMicros) {
                settle(b, goneByEnd, settleStepMicros, new long[holders.get(b).cardinality()]);
                if (overListener != null) {
                    overListener.over(b, sentMicros[b], lastArrivalMicros[b]);
                }
            }
        }
        while (firstUnsettled < count && settled[firstUnsettled] != null) {
            firstUnsettled++;
        }
    }

    /** Summarises broadcast {@code b} against the nodes not {@code gone} and lets its tables go. */
    private void settle(int b, BitSet gone, long coverageStepMicros, long[] delays) {
        settled[b] = result(b, gone, coverageStepMicros, delays);
        receipts.set(b, null);
        longReceipts.set(b, null);
        holders.set(b, null);
    }

    /** When broadcast {@code b} was sent. */
    public long sentMicros(int b) {
        return sentMicros[b];
    }

    /**
     * Copies of broadcast {@code b} sent to arrive after the run's end: its coverage and delays count
     * only what arrived before.
     */
    public long copiesAfterEnd(int b) {
        return copiesAfterEnd[b];
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

    /**
     * {@code node}'s protocol hands it broadcast {@code b}: a first receipt, or a delivery again where
     * the node's duplicate memory has forgotten it (the node forwards it again too). The first
     * broadcast delivered again as often as there are nodes in its group is told to the
     * {@link #onRedeliveries} listener: copies in flight outliving the memory multiply that way until
     * nothing holds them, and a run that does so can grow until it is out of memory.
     */
    public void delivered(int b, int node, long nowMicros, int hops) {
        if (!has(b, node)) {
            firstReceipt(b, node, nowMicros, hops);
            return;
        }
        if (++redelivered[b] >= Math.max(1, joinsAtSend[b]) && !redeliveryTold && redeliveryListener != null) {
            redeliveryTold = true;
            redeliveryListener.redelivered(b, sentMicros[b], nowMicros, joinsAtSend[b], redelivered[b]);
        }
    }

    /** Records the first receipt of broadcast {@code b} at {@code node}. */
    public void firstReceipt(int b, int node, long nowMicros, int hops) {
        long delay = nowMicros - sentMicros[b];
        if (delay < LONG_DELAY) {
            receipts.get(b)[node] = (int) delay;
        } else {
            receiptTooLongForAnInt(b, node, delay);
        }
        holders.get(b).set(node);
        if (hops > maxHops[b]) {
            maxHops[b] = hops;
        }
    }

    private void receiptTooLongForAnInt(int b, int node, long delay) {
        if (longReceipts.get(b) == null) {
            longReceipts.set(b, new long[nodes]);
        }
        longReceipts.get(b)[node] = delay;
        receipts.get(b)[node] = LONG_DELAY;
    }

    /**
     * Every broadcast's result: those not summarised yet are summarised against the nodes live at
     * the end and their tables let go, so the run is over for the tracker ({@link #has} answers no
     * more).
     *
     * @param table the node table at the end of the run
     * @param coverageStepMicros grid step of the coverage curves
     * @throws IllegalStateException if broadcasts were summarised early and {@code table} has other
     *     nodes gone than {@link #settleEarly} was told
     */
    public List<BroadcastResult> results(NodeTable table, long coverageStepMicros) {
        BitSet gone = table.gone();
        if (goneByEnd != null && !gone.equals(goneByEnd)) {
            BitSet differing = (BitSet) gone.clone();
            differing.xor(goneByEnd);
            int node = differing.nextSetBit(0);
            throw new IllegalStateException("node " + node + " is " + (gone.get(node) ? "not " : "")
                    + "live at the end of the run, but " + (goneByEnd.get(node) ? "not " : "")
                    + "in the timeline's forecast");
        }
        long[] delays = null;
        for (int b = firstUnsettled; b < count; b++) {
            if (settled[b] == null) {
                if (delays == null) {
                    delays = new long[nodes];
                }
                settle(b, gone, coverageStepMicros, delays);
            }
        }
        firstUnsettled = count;
        return List.of(Arrays.copyOf(settled, count));
    }

    /**
     * Broadcast {@code b}'s result against the nodes joined when it was sent (slots join in id order:
     * those below the joins then) and not {@code gone} by the end; {@code delays} holds its receipts.
     */
    private BroadcastResult result(int b, BitSet gone, long coverageStepMicros, long[] delays) {
        int[] r = receipts.get(b);
        long[] longR = longReceipts.get(b);
        int live = 0;
        int reached = 0;
        for (int node = 0; node < joinsAtSend[b]; node++) {
            if (!gone.get(node)) {
                live++;
                if (r[node] != NOT_RECEIVED) {
                    delays[reached++] = r[node] == LONG_DELAY ? longR[node] : r[node];
                }
            }
        }
        return ReceiptDelays.result(b, origin[b], sentMicros[b], live, delays, reached, maxHops[b], messages[b],
                duplicates[b], redelivered[b], coverageStepMicros);
    }
}
