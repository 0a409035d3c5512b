package io.gossip.sim.results;

import java.util.BitSet;

/**
 * Every node slot at the end of a run (what {@code nodes.csv} is written from): whether it ever
 * joined, whether it is a live member, its view sizes and its message counts. Held in two bits per
 * slot and {@link PackedColumn}s, about 6 bytes per slot in the runs measured where five arrays of
 * {@code boolean}, {@code int} and {@code long} took 25: a run's result lives beside the engine
 * until its files are written, and the scale benchmark counts it in its heap per node.
 */
public final class NodeTableSnapshot {
    private final BitSet joined;
    private final BitSet alive;
    private final PackedColumn partialView;
    private final PackedColumn inView;
    private final PackedColumn messagesSent;
    private final PackedColumn messagesReceived;

    private NodeTableSnapshot(Builder b) {
        this.joined = b.joined;
        this.alive = b.alive;
        this.partialView = b.partialView;
        this.inView = b.inView;
        this.messagesSent = b.messagesSent;
        this.messagesReceived = b.messagesReceived;
    }

    /** Number of node slots. */
    public int size() {
        return partialView.size();
    }

    /**
     * Whether a node ever joined in the slot (it may have left or crashed since). A slot that never
     * joined held no node: it is not alive and sent nothing, and is no node of the per-node figures.
     */
    public boolean joined(int slot) {
        check(slot);
        return joined.get(slot);
    }

    /** Number of slots in which a node ever joined. */
    public int joinedCount() {
        return joined.cardinality();
    }

    /** Whether the slot is a live member at the end. */
    public boolean alive(int slot) {
        check(slot);
        return alive.get(slot);
    }

    /** PartialView size (0 for slots that never joined; in the global baseline, the fanout). */
    public int partialView(int slot) {
        return (int) partialView.get(slot);
    }

    /** InView size. */
    public int inView(int slot) {
        return (int) inView.get(slot);
    }

    /** Messages the node sent, retransmissions included. */
    public long messagesSent(int slot) {
        return messagesSent.get(slot);
    }

    /** Messages the network handed to the node. */
    public long messagesReceived(int slot) {
        return messagesReceived.get(slot);
    }

    /** The mean PartialView size over the slots live at the end; 0 if none is. */
    public double meanLivePartialView() {
        long sum = 0;
        int live = 0;
        for (int slot = alive.nextSetBit(0); slot >= 0; slot = alive.nextSetBit(slot + 1)) {
            sum += partialView.get(slot);
            live++;
        }
        return live == 0 ? 0 : (double) sum / live;
    }

    private void check(int slot) {
        if (slot < 0 || slot >= size()) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + size());
        }
    }

    /** Fills a snapshot slot by slot; every slot not set is one that never joined, with zeros. Used once. */
    public static final class Builder {
        private final BitSet joined;
        private final BitSet alive;
        private final PackedColumn partialView;
        private final PackedColumn inView;
        private final PackedColumn messagesSent;
        private final PackedColumn messagesReceived;
        private boolean built;

        public Builder(int size) {
            this.joined = new BitSet(size);
            this.alive = new BitSet(size);
            this.partialView = new PackedColumn(size);
            this.inView = new PackedColumn(size);
            this.messagesSent = new PackedColumn(size);
            this.messagesReceived = new PackedColumn(size);
        }

        /**
         * Sets a slot for a caller that does not track joins (a live run): a slot that is not alive,
         * sent and received nothing and has empty views is taken for one that never joined. A node
         * that joins sends its subscription, and the one that bootstraps the group receives the next
         * one's: only a first node that ended before anyone joined it is taken for never joined.
         */
        public Builder set(int slot, boolean alive, int partialView, int inView, long messagesSent,
                long messagesReceived) {
            boolean joined = alive || partialView != 0 || inView != 0 || messagesSent != 0 || messagesReceived != 0;
            return set(slot, joined, alive, partialView, inView, messagesSent, messagesReceived);
        }

        /** Sets a slot: whether a node ever joined in it, and the rest as at the end of the run. */
        public Builder set(int slot, boolean joined, boolean alive, int partialView, int inView, long messagesSent,
                long messagesReceived) {
            if (alive && !joined) {
                throw new IllegalArgumentException("slot " + slot + " is alive but never joined");
            }
            if (built) {
                throw new IllegalStateException("the snapshot is built: its columns are no longer the builder's");
            }
            if (slot < 0 || slot >= this.partialView.size()) {
                throw new IndexOutOfBoundsException("slot " + slot + " of " + this.partialView.size());
            }
            this.joined.set(slot, joined);
            this.alive.set(slot, alive);
            this.partialView.set(slot, partialView);
            this.inView.set(slot, inView);
            this.messagesSent.set(slot, messagesSent);
            this.messagesReceived.set(slot, messagesReceived);
            return this;
        }

        public NodeTableSnapshot build() {
            built = true;
            return new NodeTableSnapshot(this);
        }
    }
}
