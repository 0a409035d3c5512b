package io.gossip.sim.engine;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.ScampArena;
import io.gossip.sim.scenario.TimelineAction;
import java.util.List;

/**
 * Whether an arena run's nodes may drop each message from their duplicate memories once it is over
 * ({@link ScampArena#messageOver}), and which messages. A memory remembers every message of the
 * last age bound (ten minutes by default), 8 bytes each: 4.8 KB per node at a broadcast a second,
 * most of a long run's memory. Once every copy of a message has arrived, no node can be handed it
 * again and its entries serve nothing.
 *
 * <p>Dropping changes what a node does only through a full memory, which pushes out its oldest
 * entry: so it is done only where no memory can fill. Had it dropped nothing, a node's memory
 * would hold messages first received less than the age bound ago. Every message dropped is over
 * within the age bound of its broadcast ({@link #drops}), so those it may still hold by age were
 * broadcast within the last two age bounds; so are those still travelling, unless they have been
 * travelling for longer than the age bound. Dropping is turned on when the timeline broadcasts
 * at most half the capacity within any two age bounds ({@link #exact}), or in all (no age
 * bound): a memory could then fill only with more than half the capacity of messages each
 * travelling for longer than the age bound. The arena checks the bound on every first receipt
 * all the same, and stops the run if a memory could fill.
 */
final class EarlyForgetting {
    private EarlyForgetting() {
    }

    /**
     * Whether {@code timeline} broadcasts at most half of {@code config}'s duplicate memory capacity
     * within any two age bounds (in all, where there is no age bound). Each broadcast action is
     * counted at its densest: {@code count} broadcasts {@code interval} apart put at most
     * ⌊window / interval⌋ + 1 in a window; actions are added up as if they overlapped.
     */
    static boolean exact(List<TimelineAction> timeline, ProtocolConfig config) {
        double window = 2.0 * config.duplicateMemoryAgeMillis();
        long within = 0;
        for (TimelineAction action : timeline) {
            if (action instanceof TimelineAction.Broadcast broadcast) {
                long count = broadcast.count();
                if (window > 0 && broadcast.intervalMillis() > 0) {
                    count = Math.min(count, (long) Math.floor(window / broadcast.intervalMillis()) + 1);
                }
                within += count;
            }
        }
        return within <= config.duplicateMemoryCapacity() / 2;
    }

    /**
     * Whether a message sent at {@code sentMicros} whose last copy arrived at {@code lastArrivalMicros}
     * is dropped: where there is an age bound, only if it was over within it.
     */
    static boolean drops(ProtocolConfig config, long sentMicros, long lastArrivalMicros) {
        long age = config.duplicateMemoryAgeMillis() * 1000;
        return age == 0 || lastArrivalMicros - sentMicros <= age;
    }
}
