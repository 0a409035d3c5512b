package io.gossip.protocol;

import io.gossip.protocol.message.MessageType;

/**
 * Event counts of one node, or of many nodes sharing one instance (the simulator gives all its
 * nodes one instance to keep per-node memory small; the UDP runtime gives each node its own).
 *
 * <p>Not thread-safe: written only by the thread that owns the node(s). Readers on another thread
 * take a {@link #snapshot()} through that thread.
 */
public final class Counters {
    private final long[] sent = new long[MessageType.count()];
    private final long[] received = new long[MessageType.count()];
    private final long[] dropped = new long[DropReason.count()];
    private long delivered;
    private long duplicates;
    private long retransmissions;
    private long subscriptionsKept;
    private long isolationRecoveries;
    private long leaseRenewals;
    private long leaseExpiries;

    void sent(MessageType type, int n) {
        sent[type.ordinal()] += n;
    }

    /** {@link #sent(MessageType, int)} by the type's ordinal (the arena's messages are primitives). */
    void sent(int typeOrdinal, int n) {
        sent[typeOrdinal] += n;
    }

    void received(MessageType type) {
        received[type.ordinal()]++;
    }

    void dropped(DropReason reason) {
        dropped[reason.ordinal()]++;
    }

    void delivered() {
        delivered++;
    }

    void duplicate() {
        duplicates++;
    }

    void retransmission() {
        retransmissions++;
    }

    void subscriptionKept() {
        subscriptionsKept++;
    }

    void isolationRecovery() {
        isolationRecoveries++;
    }

    void leaseRenewal() {
        leaseRenewals++;
    }

    void leaseExpiry() {
        leaseExpiries++;
    }

    /**
     * An immutable copy of every count.
     *
     * @return a new snapshot; later counts do not change it
     */
    public CounterSnapshot snapshot() {
        return new CounterSnapshot(sent.clone(), received.clone(), dropped.clone(), delivered,
                duplicates, retransmissions, subscriptionsKept, isolationRecoveries, leaseRenewals,
                leaseExpiries);
    }
}
