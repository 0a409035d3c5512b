package io.gossip.udp;

import io.gossip.protocol.JoinProgress;
import io.gossip.protocol.ScampNode;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A node's join and the future that reports how it ended, read from the core's
 * {@link ScampNode#joinProgress()} after every call into the core. Completes normally when the
 * group took the subscription in (or at once in the unacknowledged model, where nothing can
 * confirm it), exceptionally with a {@link JoinFailedException} when the subscription ran out of
 * attempts, or the node left or was closed first. Confined to the loop thread.
 */
final class JoinWatch {
    private final ScampNode core;
    private PeerAddress contact;
    private long startedMicros;
    private CompletableFuture<Void> joined;

    JoinWatch(ScampNode core) {
        this.core = core;
    }

    /** Joins through {@code contact} (whose core id is {@code contactId}); see the class comment. */
    CompletableFuture<Void> start(PeerAddress contact, int contactId) {
        startedMicros = RealClock.nowMicros();
        core.join(startedMicros, contactId);
        this.contact = contact;
        joined = new CompletableFuture<>();
        afterCoreCall();
        return joined;
    }

    /** Completes the future once the core's join is settled. */
    void afterCoreCall() {
        if (joined == null || joined.isDone()) {
            return;
        }
        switch (core.joinProgress()) {
            case ACKNOWLEDGED, UNCONFIRMABLE -> joined.complete(null);
            case UNACKNOWLEDGED -> fail("no acknowledgement after " + core.config().maxAttempts() + " attempts ("
                    + seconds() + "); nobody answered at that address: it is down, unreachable or not a member, "
                    + "or it runs with another cluster key, cluster label or certificate authority (datagrams "
                    + "that do not open are dropped unanswered, so that looks the same)");
            case ABANDONED -> fail("the node left before the contact acknowledged its subscription");
            default -> {
                // still pending
            }
        }
    }

    /** The node closed: a join still pending ends now. */
    void onClose() {
        if (joined != null && !joined.isDone()) {
            fail("the node was closed before the contact acknowledged its subscription");
        }
    }

    private void fail(String why) {
        joined.completeExceptionally(new JoinFailedException(contact, elapsed(), why));
    }

    private Duration elapsed() {
        return Duration.ofNanos((RealClock.nowMicros() - startedMicros) * 1_000);
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.2f s", elapsed().toNanos() / 1e9);
    }
}
