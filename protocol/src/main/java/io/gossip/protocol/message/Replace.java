package io.gossip.protocol.message;

import io.gossip.protocol.NodeIds;
import java.util.function.IntConsumer;

/**
 * The sender is leaving: the receiver swaps the sender for {@code replacement} in its PartialView
 * (or only drops the sender when the replacement is itself or already present).
 *
 * @param seq reliable-delivery sequence number
 * @param replacement the node to hold instead of the sender
 */
public record Replace(int seq, int replacement) implements MembershipMessage {
    /**
     * Checks the replacement's id.
     *
     * @param seq reliable-delivery sequence number, or {@link MembershipMessage#UNACKNOWLEDGED} for no ack
     * @param replacement the node to hold instead of the sender, a valid id ({@code >= 0})
     * @throws IllegalArgumentException if {@code replacement} is negative
     */
    public Replace {
        NodeIds.check(replacement);
    }

    /**
     * Hands {@code action} the replacement's id, the one id this message names.
     *
     * @param action called once, with {@link #replacement()}; not null
     */
    @Override
    public void forEachNamedId(IntConsumer action) {
        action.accept(replacement);
    }

    @Override
    public MessageType type() {
        return MessageType.REPLACE;
    }
}
