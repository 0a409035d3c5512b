package io.gossip.udp.cluster;

import io.gossip.udp.MessageId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one node of a {@link LoopbackCluster} delivered: for every message id, when it first
 * arrived and after how many hops. Written by the node's loop thread, readable from any thread.
 *
 * <p>Times are wall-clock figures (monotonic nanoseconds since the cluster started), so they vary
 * from run to run; the set of messages delivered is what coverage is computed from.
 */
public final class DeliveryLog {
    /** The first receipt of one message at one node. */
    public record Receipt(long elapsedNanos, int hops) {
    }

    private final Map<MessageId, Receipt> receipts = new ConcurrentHashMap<>();

    /** Records a receipt; a later receipt of the same id does not replace the first. */
    void record(MessageId id, long elapsedNanos, int hops) {
        receipts.putIfAbsent(id, new Receipt(elapsedNanos, hops));
    }

    /** Whether the node delivered {@code id}. */
    public boolean delivered(MessageId id) {
        return receipts.containsKey(id);
    }

    /** The first receipt of {@code id}, or null if the node never delivered it. */
    public Receipt receipt(MessageId id) {
        return receipts.get(id);
    }

    /** Every message id the node delivered. */
    public Set<MessageId> messageIds() {
        return Set.copyOf(receipts.keySet());
    }

    /** How many distinct messages the node delivered. */
    public int size() {
        return receipts.size();
    }
}
