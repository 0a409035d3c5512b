package io.gossip.protocol;

import java.util.Arrays;

/**
 * What a {@link ScampArena} node that left gracefully keeps, as a {@link Departure} does: its
 * former PartialView, to hand a replacement to anyone who still sends as if it held the node, and
 * the senders of unacknowledged messages (gossip, heartbeats) already answered. One per departed
 * node, kept by the arena in a map: a member carries no departure state.
 */
final class ArenaDeparture {
    final int[] formerPartialView;
    private int[] told = new int[4];
    private int toldCount;

    ArenaDeparture(int[] formerPartialView) {
        this.formerPartialView = formerPartialView;
    }

    /**
     * Whether {@code sender} is answered for the first time (remembering it), as adding to the
     * insertion-ordered list {@code Departure} keeps does.
     */
    boolean firstAnswerTo(int sender) {
        for (int i = 0; i < toldCount; i++) {
            if (told[i] == sender) {
                return false;
            }
        }
        if (toldCount == told.length) {
            told = Arrays.copyOf(told, 2 * toldCount);
        }
        told[toldCount++] = sender;
        return true;
    }
}
