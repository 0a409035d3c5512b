package io.gossip.protocol;

import io.gossip.protocol.message.MessageType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * An immutable copy of {@link Counters}.
 *
 * @param sentByType messages sent (retransmissions included), indexed by {@link MessageType} ordinal
 * @param receivedByType messages received before any check, indexed by {@link MessageType} ordinal
 * @param droppedByReason things dropped, indexed by {@link DropReason} ordinal
 * @param delivered gossip messages handed to the application
 * @param duplicates gossip messages received again and dropped
 * @param retransmissions membership messages sent again for want of an ack
 * @param subscriptionsKept forwarded subscriptions this node kept in its PartialView
 * @param isolationRecoveries re-subscriptions because no heartbeat came for the isolation timeout
 * @param leaseRenewals re-subscriptions because the node's lease was running out
 * @param leaseExpiries PartialView entries dropped because their lease ran out
 */
public record CounterSnapshot(long[] sentByType, long[] receivedByType, long[] droppedByReason,
        long delivered, long duplicates, long retransmissions, long subscriptionsKept,
        long isolationRecoveries, long leaseRenewals, long leaseExpiries) {

    /**
     * Copies the three arrays, so that the snapshot does not change with the counters it was taken from.
     *
     * @param sentByType sent counts by {@link MessageType} ordinal, not null; copied
     * @param receivedByType received counts by {@link MessageType} ordinal, not null; copied
     * @param droppedByReason drop counts by {@link DropReason} ordinal, not null; copied
     * @param delivered gossip messages handed to the application
     * @param duplicates gossip messages received again and dropped
     * @param retransmissions membership messages sent again for want of an ack
     * @param subscriptionsKept forwarded subscriptions kept in the PartialView
     * @param isolationRecoveries re-subscriptions after the isolation timeout
     * @param leaseRenewals re-subscriptions because the node's lease was running out
     * @param leaseExpiries PartialView entries dropped because their lease ran out
     * @throws NullPointerException if one of the arrays is null
     */
    public CounterSnapshot {
        sentByType = sentByType.clone();
        receivedByType = receivedByType.clone();
        droppedByReason = droppedByReason.clone();
    }

    /**
     * Messages sent by kind (retransmissions included).
     *
     * @return a fresh copy, indexed by {@link MessageType} ordinal, {@link MessageType#count()} long
     */
    @Override
    public long[] sentByType() {
        return sentByType.clone();
    }

    /**
     * Messages received by kind, before any check.
     *
     * @return a fresh copy, indexed by {@link MessageType} ordinal, {@link MessageType#count()} long
     */
    @Override
    public long[] receivedByType() {
        return receivedByType.clone();
    }

    /**
     * Drops by reason.
     *
     * @return a fresh copy, indexed by {@link DropReason} ordinal, {@link DropReason#count()} long
     */
    @Override
    public long[] droppedByReason() {
        return droppedByReason.clone();
    }

    /**
     * Messages of {@code type} sent (retransmissions included).
     *
     * @param type the kind, not null
     * @return the count, {@code >= 0}
     */
    public long sent(MessageType type) {
        return sentByType[type.ordinal()];
    }

    /**
     * Messages of {@code type} received, before any check.
     *
     * @param type the kind, not null
     * @return the count, {@code >= 0}
     */
    public long received(MessageType type) {
        return receivedByType[type.ordinal()];
    }

    /**
     * Times something was dropped for {@code reason}.
     *
     * @param reason the reason, not null
     * @return the count, {@code >= 0}
     */
    public long dropped(DropReason reason) {
        return droppedByReason[reason.ordinal()];
    }

    /**
     * Total messages sent, all kinds.
     *
     * @return the sum of {@link #sentByType()}
     */
    public long totalSent() {
        long total = 0;
        for (long n : sentByType) {
            total += n;
        }
        return total;
    }

    /**
     * Sent counts by kind, for printing.
     *
     * @return a new mutable map with every kind, zero counts included, in ordinal order
     */
    public Map<MessageType, Long> sentMap() {
        Map<MessageType, Long> map = new EnumMap<>(MessageType.class);
        for (MessageType t : MessageType.values()) {
            map.put(t, sentByType[t.ordinal()]);
        }
        return map;
    }

    /**
     * Drop counts by reason, for printing.
     *
     * @return a new mutable map with every reason, zero counts included, in ordinal order
     */
    public Map<DropReason, Long> droppedMap() {
        Map<DropReason, Long> map = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            map.put(r, droppedByReason[r.ordinal()]);
        }
        return map;
    }

    /** Equal when every count is (a record compares its arrays by reference, which no caller means). */
    @Override
    public boolean equals(Object other) {
        return other instanceof CounterSnapshot o && Arrays.equals(sentByType, o.sentByType)
                && Arrays.equals(receivedByType, o.receivedByType) && Arrays.equals(droppedByReason, o.droppedByReason)
                && delivered == o.delivered && duplicates == o.duplicates && retransmissions == o.retransmissions
                && subscriptionsKept == o.subscriptionsKept && isolationRecoveries == o.isolationRecoveries
                && leaseRenewals == o.leaseRenewals && leaseExpiries == o.leaseExpiries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(sentByType), Arrays.hashCode(receivedByType),
                Arrays.hashCode(droppedByReason), delivered, duplicates, retransmissions, subscriptionsKept,
                isolationRecoveries, leaseRenewals, leaseExpiries);
    }

    /**
     * The counts by name, the per-kind ones with their non-zero entries only (a record would print
     * the arrays as {@code [J@1b6d3586}), e.g. {@code CounterSnapshot[sent={SUBSCRIBE=1, ACK=2},
     * received={ACK=1}, dropped={}, delivered=0, ...]}.
     */
    @Override
    public String toString() {
        return "CounterSnapshot[sent=" + nonZero(MessageType.values(), sentByType)
                + ", received=" + nonZero(MessageType.values(), receivedByType)
                + ", dropped=" + nonZero(DropReason.values(), droppedByReason)
                + ", delivered=" + delivered + ", duplicates=" + duplicates + ", retransmissions=" + retransmissions
                + ", subscriptionsKept=" + subscriptionsKept + ", isolationRecoveries=" + isolationRecoveries
                + ", leaseRenewals=" + leaseRenewals + ", leaseExpiries=" + leaseExpiries + "]";
    }

    private static String nonZero(Enum<?>[] names, long[] counts) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        for (Enum<?> name : names) {
            if (name.ordinal() < counts.length && counts[name.ordinal()] != 0) {
                out.add(name.name() + "=" + counts[name.ordinal()]);
            }
        }
        return out.toString();
    }
}
