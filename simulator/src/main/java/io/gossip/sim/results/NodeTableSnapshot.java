package io.gossip.sim.results;

import java.util.BitSet;

/**
 * Every node slot at the end of a run (what {@code nodes.csv} is written from): whether it is a
 * live member, its view sizes and its message counts. Held in a bit per slot and
 * {@link PackedColumn}s, about 6 bytes per slot in the runs measured where five arrays of
 * {@code boolean}, {@code int} and {@code long} took 25: a run's result lives beside the engine
 * until its files are written, and the scale benchmark counts it in its heap per node.
 */
public final class NodeTableSnapshot {
    private final BitSet alive;
    private final PackedColumn partialView;
    private final PackedColumn inView;
    private final PackedColumn messagesSent;
    private final PackedColumn messagesReceived;

    private NodeTableSnapshot(Builder b) {
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

    /** Fills a snapshot slot by slot; every slot not set is a dead slot with zeros. Used once. */
    public static final class Builder {
        private final BitSet alive;
        private final PackedColumn partialView;
        private final PackedColumn inView;
        private final PackedColumn messagesSent;
        private final PackedColumn messagesReceived;
        private boolean built;

        public Builder(int size) {
            this.alive = new BitSet(size);
            this.partialView = new PackedColumn(size);
            this.inView = new PackedColumn(size);
            this.messagesSent = new PackedColumn(size);
            this.messagesReceived = new PackedColumn(size);
        }

        public Builder set(int slot, boolean alive, int partialView, int inView, long messagesSent,
                long messagesReceived) {
            if (built) {
                throw new IllegalStateException("the snapshot is built: its columns are no longer the builder's");
            }
            if (slot < 0 || slot >= this.partialView.size()) {
                throw new IndexOutOfBoundsException("slot " + slot + " of " + this.partialView.size());
            }
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
