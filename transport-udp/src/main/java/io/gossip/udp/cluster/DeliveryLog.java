package io.gossip.udp.cluster;

import io.gossip.udp.MessageId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one node of a {@link LoopbackCluster} delivered: for every message id, when it first
 * arrived and after how many hops, and how many times it was delivered again (a node whose
 * duplicate memory forgot a message takes a later copy for new). Written by the node's loop
 * thread, readable from any thread.
 *
 * <p>Times are wall-clock figures (monotonic nanoseconds since the cluster started), so they vary
 * from run to run; the set of messages delivered is what coverage is computed from.
 */
public final class DeliveryLog {
    /**
     * The first receipt of one message at one node.
     *
     * @param elapsedNanos when it arrived, in nanoseconds since the cluster started
     *     ({@link LoopbackCluster#elapsedNanos()})
     * @param hops hops it travelled from its origin, as the message carried it
     */
    public record Receipt(long elapsedNanos, int hops) {
    }

    private final Map<MessageId, Receipt> receipts = new ConcurrentHashMap<>();
    /** Deliveries after the first, for the ids that had any: rare, so kept apart from the receipts. */
    private final Map<MessageId, Long> again = new ConcurrentHashMap<>();

    /** Records a delivery; a later delivery of the same id does not replace the first, it is counted. */
    void record(MessageId id, long elapsedNanos, int hops) {
        if (receipts.putIfAbsent(id, new Receipt(elapsedNanos, hops)) != null) {
            again.merge(id, 1L, Long::sum);
        }
    }

    /**
     * How many times the node delivered {@code id} after its first delivery.
     *
     * @param id a message id, not null
     * @return the count, 0 if the message was delivered once or never
     */
    public long redelivered(MessageId id) {
        return again.getOrDefault(id, 0L);
    }

    /**
     * Whether the node delivered {@code id}.
     *
     * @param id a message id, not null
     * @return true if it was delivered at least once
     */
    public boolean delivered(MessageId id) {
        return receipts.containsKey(id);
    }

    /**
     * The first receipt of {@code id}, or null if the node never delivered it.
     *
     * @param id a message id, not null
     * @return the receipt, or null
     */
    public Receipt receipt(MessageId id) {
        return receipts.get(id);
    }

    /**
     * Every message id the node delivered.
     *
     * @return an unmodifiable copy, taken now; later deliveries do not show in it
     */
    public Set<MessageId> messageIds() {
        return Set.copyOf(receipts.keySet());
    }

    /**
     * How many distinct messages the node delivered.
     *
     * @return the count, {@code >= 0}
     */
    public int size() {
        return receipts.size();
    }
}
