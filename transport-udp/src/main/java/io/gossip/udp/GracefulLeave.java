package io.gossip.udp;

import io.gossip.protocol.Counters;
import io.gossip.protocol.DropReason;
import io.gossip.protocol.ScampNode;
import java.util.concurrent.CompletableFuture;

/**
 * A node's graceful leave and the future that reports how it ended. The core sends its goodbyes
 * and retransmits them until acknowledged; the future completes once none awaits an
 * acknowledgement, true if every one was acknowledged, false if some ran out of retransmissions
 * (their receiver is gone, seen as a rise of the core's {@link DropReason#RETRANSMIT_EXHAUSTED}
 * count since the leave began) or the node was closed first. Confined to the loop thread.
 */
final class GracefulLeave {
    private final ScampNode core;
    private final Counters counters;
    private CompletableFuture<Boolean> leaveDone;
    private long exhaustedAtLeave;

    GracefulLeave(ScampNode core, Counters counters) {
        this.core = core;
        this.counters = counters;
    }

    /** Starts the leave in the core; see the class comment for when the future completes. */
    CompletableFuture<Boolean> start() {
        exhaustedAtLeave = exhausted();
        core.leave(RealClock.nowMicros());
        leaveDone = new CompletableFuture<>();
        afterCoreCall();
        return leaveDone;
    }

    /** Completes the future if a leave is under way and the last goodbye is settled. */
    void afterCoreCall() {
        if (leaveDone != null && !leaveDone.isDone() && core.unacknowledgedCount() == 0) {
            leaveDone.complete(allGoodbyesAcknowledged());
        }
    }

    /** The node closed: a leave under way ends now (false unless everything was acknowledged). */
    void onClose() {
        if (leaveDone != null) {
            leaveDone.complete(allGoodbyesAcknowledged());
        }
    }

    private boolean allGoodbyesAcknowledged() {
        return core.unacknowledgedCount() == 0 && exhausted() == exhaustedAtLeave;
    }

    private long exhausted() {
        return counters.snapshot().dropped(DropReason.RETRANSMIT_EXHAUSTED);
    }
}
