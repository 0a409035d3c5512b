package io.gossip.udp;

import io.gossip.protocol.ScampNode;
import java.util.concurrent.CompletableFuture;

/**
 * When gossip can first reach a node: when its InView first holds a member, read from the core
 * after every call into it. SCAMP delivers a broadcast along PartialViews only, so a node no member
 * holds in its PartialView receives nothing, however settled its join: a joiner is held once a
 * member keeps its forwarded subscription and tells it so (a few hops after the contact's
 * acknowledgement, which is what {@link JoinWatch} reports), the node that bootstrapped once the
 * first joiner subscribes through it. Fails if the node leaves or is closed first. Confined to the
 * loop thread.
 */
final class ReachWatch {
    private final ScampNode core;
    private final CompletableFuture<Void> reachable = new CompletableFuture<>();

    ReachWatch(ScampNode core) {
        this.core = core;
    }

    /** The future {@link #afterCoreCall} completes; the same one every time. */
    CompletableFuture<Void> future() {
        return reachable;
    }

    /** Completes the future once the core's InView holds a member, or fails it once the node has left. */
    void afterCoreCall() {
        if (reachable.isDone()) {
            return;
        }
        if (core.hasLeft()) {
            reachable.completeExceptionally(new IllegalStateException(
                    "the node left before any member held it in its PartialView"));
        } else if (core.inViewSize() > 0) {
            reachable.complete(null);
        }
    }

    /** The node closed: a wait still pending ends now. */
    void onClose() {
        reachable.completeExceptionally(new IllegalStateException(
                "the node was closed before any member held it in its PartialView"));
    }
}
