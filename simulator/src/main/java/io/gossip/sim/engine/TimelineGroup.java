package io.gossip.sim.engine;

import java.util.SplittableRandom;

/**
 * The group of nodes a timeline ({@link TimelineDriver}, {@link ChurnProcess}) acts on: which slot
 * joins next and through whom, who is live, who leaves. This part, the node table and the
 * timeline's own draws, is the same wherever the timeline runs; what an action does besides
 * (to SCAMP nodes, the network, the broadcast tracker) is the subclass's: {@link GroupActions} in a
 * run, {@link TimelineForecast}'s group when the timeline is played alone ahead of one.
 *
 * <p>Nothing the nodes do feeds back into the table or the timeline's generator, so a timeline
 * played alone ends with the table a run of it ends with.
 */
abstract class TimelineGroup {
    private final NodeTable table;
    private final SplittableRandom timelineRandom;

    TimelineGroup(NodeTable table, SplittableRandom timelineRandom) {
        this.table = table;
        this.timelineRandom = timelineRandom;
    }

    /** Schedules a timeline step (ignored past the end of the run). */
    abstract void schedule(long atMicros, Step step);

    /** Records an executed action for {@code events.csv}. */
    abstract void record(String action, String detail);

    /** Broadcasts a payload from {@code origin}, which is live; returns the broadcast index. */
    abstract int broadcastFrom(int origin, byte[] payload);

    /**
     * A timeline broadcast is skipped: its {@code source} is not live (-1: a random source, and no
     * node is). Nothing to do by default; a run says so ({@link GroupActions}).
     */
    void broadcastSkipped(int source) {
    }

    /** Splits the network into groups ({@code groupOfNode} from {@code PartitionGroups}). */
    abstract void partition(int[] groupOfNode);

    /**
     * Ends the partition started with {@code groupOfNode}, unless a later one replaced it; whether
     * it did.
     */
    abstract boolean heal(int[] groupOfNode);

    /** {@code node} has joined the table; {@code contact} is its contact, or -1 to bootstrap the group. */
    abstract void joined(int node, int contact);

    /** {@code node}, live, is about to crash or leave, and still is in the table as live. */
    abstract void leaving(int node);

    /** {@code node} has left gracefully and is out of the table: it unsubscribes. */
    abstract void unsubscribed(int node);

    /**
     * Joins the next unused slot: it bootstraps the group if no member is live, else joins through a
     * uniformly random live member ({@code uniform}) or node 0 (the lowest live id if node 0 is gone).
     * Returns the node, or -1 if no slot is left.
     */
    final int joinNext(boolean uniform) {
        if (table.unusedCount() == 0) {
            return -1;
        }
        int contact = -1;
        if (table.liveCount() > 0) {
            contact = uniform ? table.liveAt(timelineRandom.nextInt(table.liveCount())) : table.lowestLive();
        }
        int node = table.join();
        joined(node, contact);
        return node;
    }

    /** Crashes a live node silently. */
    final void crash(int node) {
        leaving(node);
        table.end(node, NodeTable.CRASHED);
    }

    /** A live node unsubscribes gracefully. */
    final void unsubscribe(int node) {
        leaving(node);
        table.end(node, NodeTable.LEFT);
        unsubscribed(node);
    }

    /** The group's node table (read by the timeline to pick nodes). */
    final NodeTable table() {
        return table;
    }
}
