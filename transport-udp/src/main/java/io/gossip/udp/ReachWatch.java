package io.gossip.udp;

import io.gossip.protocol.ScampNode;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Message;
import java.util.concurrent.CompletableFuture;

/**
 * When gossip can first reach a node: when its InView first holds a member, read from the core
 * after every call into it, or when a member's heartbeat or gossip reaches it. SCAMP delivers a
 * broadcast along PartialViews only, so a node no member holds in its PartialView receives nothing,
 * however settled its join: a joiner is held once a member keeps its forwarded subscription and
 * tells it so (a few hops after the contact's acknowledgement, which is what {@link JoinWatch}
 * reports), the node that bootstrapped once the first joiner subscribes through it. A node
 * restarted at the same address is its earlier incarnation's id at its peers, and where they all
 * still hold that id none keeps its subscription again, so none tells it; but heartbeats and
 * gossip travel along PartialView arcs only, so one that arrives once the node is a member says a
 * member holds it. Fails if the node leaves or is closed first. Confined to the loop thread.
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

    /**
     * A message reached the node from {@code from}: a heartbeat or gossip message, to a member, comes
     * from a member that holds it in its PartialView (unless it claims to come from the node itself,
     * which the core drops).
     */
    void onMessage(int from, Message message) {
        if (!reachable.isDone() && from != core.id() && core.isMember()
                && (message instanceof Heartbeat || message instanceof Gossip)) {
            reachable.complete(null);
        }
    }

    /** The node closed: a wait still pending ends now. */
    void onClose() {
        reachable.completeExceptionally(new IllegalStateException(
                "the node was closed before any member held it in its PartialView"));
    }
}
