package io.gossip.udp;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of a failed {@link GossipNode#join join}: the contact never acknowledged the node's
 * subscription, or the node left or was closed before it did. Completes the future that
 * {@code join} returns exceptionally.
 */
public final class JoinFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final PeerAddress contact;
    private final Duration elapsed;

    JoinFailedException(PeerAddress contact, Duration elapsed, String why) {
        super("the join through " + contact + " failed: " + why);
        this.contact = Objects.requireNonNull(contact, "contact");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The contact the node tried to join through. */
    public PeerAddress contact() {
        return contact;
    }

    /** How long after {@code join} the failure was known. */
    public Duration elapsed() {
        return elapsed;
    }
}
